"""Asking before a destructive action, and saying what it will do: one helper and one template for all.

A destructive URL answers GET with a confirmation page (a POST without `confirmed=yes` is sent to it)
(templates/layouts/confirm.html): GOV.UK warning text, then every record the action touches, grouped.
Groups marked `blocking` must be dealt with first: the page says so and offers no button. Groups
`handed_on` go to whoever the page's form names, in the same journey (a body to take them over).
Only the confirmation page's own POST carries `confirmed=yes`, so nothing is removed by a click
the person did not see the consequences of.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

CONFIRMED = "confirmed"


@dataclass(frozen=True)
class Consequence:
    """One kind of record the action touches, with each one named and what happens to it."""

    heading: str  # "RACI letters it holds: they are removed"
    items: list[str]
    # Must be moved, decided or handed on before the action can go ahead.
    blocking: bool = False
    # Handed to whoever the confirmation's form names (a body taking over what a leaving body owns).
    handed_on: bool = False


@dataclass
class Confirmation:
    title: str  # "Remove HMRC from Tell Us Once"
    warning: str  # the one sentence a GOV.UK warning text carries
    button: str  # "Remove HMRC"
    back_url: str
    consequences: list[Consequence] = field(default_factory=list)
    caption: str = ""
    # Questions asked with the confirmation: a reason, or who takes over what is held.
    form: forms.Form | None = None
    # Said when nothing else is touched.
    nothing_else: str = "Nothing else is changed."
    # The initiative the page belongs to, which the browser tab's title names (templates/base.html).
    initiative: models.Model | None = None

    @property
    def touched(self) -> list[Consequence]:
        return [each for each in self.consequences if each.items]

    @property
    def blocked(self) -> bool:
        return any(each.blocking for each in self.touched)


def confirmed(request: HttpRequest) -> bool:
    """The person pressed the button on the confirmation page (not a stray or replayed POST)."""
    return request.method == "POST" and request.POST.get(CONFIRMED) == "yes"


def confirm_page(request: HttpRequest, confirmation: Confirmation) -> HttpResponse:
    """The confirmation page; a POST that did not come from its button is sent back to it, unchanged."""
    if request.method == "POST" and not confirmed(request):
        return redirect(request.path)
    context = {"confirmation": confirmation, "initiative": confirmation.initiative}
    return render(request, "layouts/confirm.html", context)
