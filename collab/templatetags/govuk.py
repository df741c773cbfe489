"""Template tags for GOV.UK Design System components, so their markup lives in one place."""

from django import template
from django.utils.html import format_html

from collab import form_tokens
from collab.components import BLOCK_TAGS

register = template.Library()
for name, compile_tag in BLOCK_TAGS.items():
    register.tag(name, compile_tag)

# Tag colours by the meaning of a status, shared by every page that shows one.
TAG_COLOURS = {
    "draft": "grey",
    "active": "green",
    "paused": "yellow",
    "closed": "grey",
    "submitted": "blue",
    "approved": "green",
    "rejected": "red",
    "deferred": "yellow",
    "returned": "orange",
    "queued": "grey",
    "building": "blue",
    "running": "blue",
    "ready": "green",
    "failed": "red",
    "proposed": "grey",
    "agreed": "green",
    "disputed": "red",
    "green": "green",
    "amber_green": "yellow",
    "amber": "orange",
    "amber_red": "orange",
    "red": "red",
    "open": "blue",
    "done": "green",
    "proposed_closed": "yellow",
    "overdue": "red",
    # Risk flags, health check items, measure standings and DPIA states (shared registers).
    "above_threshold": "red",
    "no_owner": "orange",
    "review_overdue": "orange",
    "passing": "green",
    "failing": "red",
    "not_applicable": "grey",
    "not_built": "grey",
    "met": "green",
    "on_track": "green",
    "off_track": "red",
    "unknown": "grey",
    "not_started": "grey",
    "in_progress": "blue",
    "completed": "green",
    "changed": "yellow",
    # Invitations and people's accounts.
    "invitation_pending": "blue",
    "invitation_accepted": "green",
    "invitation_expired": "grey",
    "invitation_withdrawn": "grey",
    "deactivated": "grey",
    "locked": "red",
}


@register.inclusion_tag("components/error_summary.html")
def error_summary(*forms):
    """Every error of the given forms (or formsets), each linking to its field."""
    errors = []
    for form in forms:
        if form is None:
            continue
        for each in getattr(form, "forms", None) or [form]:
            errors.extend({"text": message, "href": ""} for message in each.non_field_errors())
            for field in each:
                errors.extend({"text": message, "href": f"#{field.error_anchor}"} for message in field.errors)
        if hasattr(form, "non_form_errors"):
            errors.extend({"text": message, "href": ""} for message in form.non_form_errors())
    return {"errors": errors}


@register.inclusion_tag("components/history.html")
def history(
    entries,
    heading: str = "History",
    empty: str = "No changes recorded yet.",
    show_record: bool = False,
    section_id: str = "record-history",
):
    """A record's history (collab/history.py): who changed what, when, from what to what.

    Also drawn as a timeline of steps (a decision's trail), under its own `section_id`.
    """
    return {
        "entries": entries,
        "heading": heading,
        "empty": empty,
        "show_record": show_record,
        "id": section_id,
    }


@register.inclusion_tag("components/back_link.html")
def back_link(url: str, text: str = "Back"):
    return {"url": url, "text": text}


@register.simple_tag
def status_tag(value: str, label: str = ""):
    """GOV.UK tag coloured by the status's meaning. Markup built here rather than in a template: lists
    show one or more a row, and rendering a template each time was a fifth of a register's time."""
    colour = TAG_COLOURS.get(value, "grey")
    return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, label or value)


@register.inclusion_tag("components/button_link.html")
def button_link(href: str, label: str, classes: str = ""):
    """A link drawn as a GOV.UK button: it goes somewhere rather than changing anything."""
    return {"href": href, "label": label, "classes": classes}


@register.inclusion_tag("components/task_list.html")
def task_list(items, id_prefix: str = "task-list"):
    """GOV.UK task list. Each item has title, href, hint, status (a TAG_COLOURS key) and status_label."""
    return {
        "items": [{**item, "colour": TAG_COLOURS.get(item["status"], "grey")} for item in items],
        "id_prefix": id_prefix,
    }


@register.simple_tag(takes_context=True)
def form_token(context, always: bool = False) -> str:
    """The hidden one-time token of a create form (collab.form_tokens): a replay makes nothing new.

    The form layouts draw it on pages of create views; a page holding a create form that posts
    elsewhere (a reading on a measure's page) asks for it `always`.
    """
    request = context.get("request")
    if request is None or not (always or form_tokens.wanted(request)):
        return ""
    token = form_tokens.token_for(request)
    return format_html('<input type="hidden" name="{}" value="{}">', form_tokens.TOKEN_FIELD, token)
