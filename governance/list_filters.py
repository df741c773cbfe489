"""What the registers' filter forms share: the GOV.UK filter pattern as a GET form, so a filtered list
is a link that can be bookmarked or shared, and its CSV download carries the same filters."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import urlencode

from collab.govuk_forms import GovukForm
from initiatives.models import Body, Initiative

ALL = ""


def choice_filter(label: str, choices, *, everything: str) -> forms.ChoiceField:
    """An optional choice whose first option is no filter at all; an unknown value is a form error."""
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[(ALL, everything), *choices],
        error_messages={"invalid_choice": f"Choose a {label.lower()} from the list"},
    )


def body_choices(initiative: Initiative) -> list[tuple[str, str]]:
    return [(str(body.pk), body.name) for body in Body.objects.taking_part_in(initiative)]


class ListFilterForm(GovukForm):
    """A register's filters. Subclasses take the initiative and add `filter` or `keeps`. A field named in
    ORDERS (a sort order) is kept in links like a filter but does not make the list "filtered"."""

    ORDERS: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "filter-%s")
        super().__init__(*args, **kwargs)

    @property
    def is_filtered(self) -> bool:
        return self.is_valid() and any(
            value for name, value in self.cleaned_data.items() if name not in self.ORDERS
        )

    @property
    def query(self) -> str:
        """The filters as a query string (with its "?"), for links that keep them; empty when none."""
        if not self.is_valid():
            return ""
        chosen = {name: value for name, value in self.cleaned_data.items() if value}
        return "?" + urlencode(chosen) if chosen else ""


F = TypeVar("F", bound=ListFilterForm)


def download_filters(
    request: HttpRequest, form_class: Callable[..., F], initiative: Initiative, list_url: str
) -> tuple[F, HttpResponse | None]:
    """The filters a CSV download was asked for, and where to send the person instead when they are
    not valid: back to the list with the same filters, whose error summary explains them."""
    form = form_class(request.GET or None, initiative=initiative)
    back = redirect(f"{list_url}?{request.GET.urlencode()}") if form.errors else None
    return form, back
