"""API writes go through the web's own forms, so each rule (which bodies a person may own a risk for,
impossible dates, a named owner in the owner body) is checked in one place for both.

A write's JSON, already checked for types by its serializer, becomes the form data the web page would
post: a date becomes GOV.UK's three boxes, a record its id. A partial update starts from what the record
holds now, so fields the client left out keep their values.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import models
from django.utils.datastructures import MultiValueDict
from rest_framework.exceptions import ValidationError

from api.problems import NON_FIELD
from collab.form_tokens import save_unique
from collab.govuk_forms import GovukDateInput


def _as_posted(field: forms.Field, name: str, value: object) -> dict[str, list[str]]:
    if isinstance(field.widget, GovukDateInput):
        if not value:
            return {}
        date = value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))
        return {
            f"{name}_day": [str(date.day)],
            f"{name}_month": [str(date.month)],
            f"{name}_year": [str(date.year)],
        }
    if value is None:
        # A list left empty is posted as no values at all, as a browser posts no ticked boxes.
        many = isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField)
        return {} if many else {name: [""]}
    if isinstance(value, models.Model):
        return {name: [str(value.pk)]}
    if isinstance(value, list | tuple | models.QuerySet):
        return {name: [str(getattr(each, "pk", each)) for each in value]}
    return {name: [str(value)]}


def current_answers(form: forms.BaseForm) -> dict[str, object]:
    """What the form's record holds now, field by field, as its edit page would show it."""
    return {name: form[name].value() for name in form.fields}


def form_data(form: forms.BaseForm, answers: dict[str, object]) -> MultiValueDict:
    data: MultiValueDict = MultiValueDict()
    for name, value in answers.items():
        if name in form.fields:
            for key, values in _as_posted(form.fields[name], form.add_prefix(name), value).items():
                data.setlist(key, values)
    return data


Form = TypeVar("Form", bound=forms.BaseForm)


def answered(form_class: type[Form], answers: dict[str, object], **options) -> Form:
    """The form as the web page would post it: what the record holds now, with the client's answers."""
    blank = form_class(**options)
    return form_class(form_data(blank, {**current_answers(blank), **answers}), **options)


def valid(form: Form) -> Form:
    """The form, or a 400 naming each field at fault as the web page would."""
    if not form.is_valid():
        raise ValidationError(
            {
                (NON_FIELD if name == NON_FIELD_ERRORS else name): list(errors)
                for name, errors in form.errors.items()
            }
        )
    return form


T = TypeVar("T")


def saved_or_invalid(form: forms.BaseForm, field: str, write: Callable[[], T]) -> T:
    """The service's record, or a 400 when another record took the `field` (a name) since the form was
    checked, in the form's own words as the web page says it."""
    saved = save_unique(form, field, write)
    if saved is None:
        valid(form)
        raise ValidationError({field: "Another record took this since you sent it"})
    return saved
