"""The page a stale save gets: what changed since the form was read, beside what the person typed.

Answered with 409 Conflict. Nothing the person typed is lost: the page carries it in a form
posted with the record's version now, so "Apply my changes" saves it on top (collab/versioned_forms.py
keeps the other person's changes to every field this person did not touch).
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Callable, Iterator
from functools import wraps

from django.db import models
from django.forms import BoundField
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from collab.history import NOTHING
from collab.versioned_forms import VERSION_FIELDS
from collab.versions import StaleVersion

NOT_CARRIED = {"csrfmiddlewaretoken", *VERSION_FIELDS}


def _shown(field: BoundField, value: object) -> str:
    if value is None or value == "" or value == []:
        return NOTHING
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.date):
        return f"{value:%-d %B %Y}"
    if isinstance(value, list | tuple):
        return ", ".join(_shown(field, each) for each in value)
    if isinstance(value, models.Model | models.QuerySet):
        return str(value) if isinstance(value, models.Model) else ", ".join(str(each) for each in value)
    choices = getattr(field.field, "choices", None)
    if choices is not None:
        labels = {str(key): label for key, label in choices if not isinstance(label, list | tuple)}
        return str(labels.get(str(value), value))
    return str(value)


def typed_rows(form) -> list[dict[str, str]]:
    """The fields the person changed, with what they typed: a summary list's rows."""
    return [
        {"key": str(form[name].label), "value": _shown(form[name], form.cleaned_data.get(name))}
        for name in form.changed_by_person()
    ]


def carried_values(request: HttpRequest, stale: StaleVersion, started_from: str) -> list[tuple[str, str]]:
    values = [
        (name, value) for name, values in request.POST.lists() if name not in NOT_CARRIED for value in values
    ]
    return [*values, ("version", stale.current), ("base_version", started_from)]


def stale_edit_response(
    request: HttpRequest, form, stale: StaleVersion, *, noun: str, back_url: str
) -> HttpResponse:
    context = {
        "noun": noun,
        "changes": stale.changes(),
        "typed": typed_rows(form),
        "carried": carried_values(request, stale, form.started_from),
        "action": request.get_full_path(),
        "back_url": back_url,
    }
    return render(request, "stale_edit.html", context, status=409)


class StaleEdit(Exception):
    """Carries the stale-edit page out of the view, to `@answers_stale_edits`."""

    def __init__(self, response: HttpResponse):
        super().__init__("The record changed since the form was read")
        self.response = response


@contextlib.contextmanager
def saved_unless_stale(request: HttpRequest, form, *, noun: str, back_url: str) -> Iterator[None]:
    """Wrap an edit view's service call: it saves through the form's version check
    (VersionedFormMixin.versioned_save), or the view answers with the stale-edit page instead.
    The view is wrapped in `@answers_stale_edits`, which draws that page."""
    try:
        with form.versioned_save():
            yield
    except StaleVersion as stale:
        raise StaleEdit(stale_edit_response(request, form, stale, noun=noun, back_url=back_url)) from stale


def answers_stale_edits(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except StaleEdit as stale:
            return stale.response

    return wrapped
