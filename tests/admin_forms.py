"""Posting Django admin forms from tests as a browser would."""

from django.urls import reverse


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def admin_form_data(client, url: str) -> dict:
    """What the admin page at `url` would post back untouched, its inlines' management forms included."""
    context = client.get(url).context
    forms = [context["adminform"].form]
    for inline in context.get("inline_admin_formsets", []):
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for field in form:
            value = field.value()
            if value is False:
                continue  # an unticked checkbox is not posted
            data[field.html_name] = "on" if value is True else "" if value is None else value
    return data


def error_messages(response) -> list[str]:
    """The messages the admin shows after a redirect (or on the page), as text."""
    return [str(message) for message in response.context["messages"]]
