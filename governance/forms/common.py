"""Pieces the register forms share: who and which bodies may be chosen, checklist adoption, uploads."""

from __future__ import annotations

import datetime

from django import forms

from collab.govuk_forms import GovukCheckboxes, GovukForm
from governance.checklist import ChecklistItem
from initiatives.models import Body, Initiative, User


def participating_bodies(initiative: Initiative):
    return Body.objects.filter(participations__initiative=initiative).order_by("name")


def own_participating_bodies(initiative: Initiative, user: User):
    return participating_bodies(initiative).filter(memberships__user=user)


def offer_bodies(field: forms.ModelChoiceField, bodies) -> None:
    """Offer these bodies in a choice field, by full name."""
    field.queryset = bodies
    field.label_from_instance = lambda body: body.name
    if isinstance(field.widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
        field.widget.choices = field.choices


def people_of(initiative: Initiative):
    return (
        User.objects.filter(is_active=True, memberships__body__participations__initiative=initiative)
        .distinct()
        .prefetch_related("memberships__body")
        .order_by("full_name")
    )


class PersonChoiceField(forms.ModelChoiceField):
    """A person, shown with the bodies they work for so namesakes can be told apart."""

    def label_from_instance(self, user: User) -> str:
        bodies = ", ".join(sorted(m.body.short_name for m in user.memberships.all()))
        return f"{user.full_name} ({bodies})" if bodies else user.full_name


def check_person_in_body(form: forms.Form, person_field: str, body_field: str) -> None:
    """Add an error to person_field unless the chosen person works for the chosen body."""
    person, body = form.cleaned_data.get(person_field), form.cleaned_data.get(body_field)
    if person is None:
        return
    if body is None:
        if body_field not in form.errors:
            form.add_error(body_field, "Select the body this person works for")
        return
    if not any(membership.body_id == body.pk for membership in person.memberships.all()):
        form.add_error(person_field, f"Choose someone who works for {body.short_name}, or change the body")


def date_text(value: datetime.date) -> str:
    return f"{value:%-d %B %Y}"


class OfferedItemsField(forms.MultipleChoiceField):
    """Ignores items no longer offered (added a moment ago, say by a double-submitted form)."""

    def to_python(self, value):
        offered = {str(key) for key, _label in self.choices}
        return [item for item in super().to_python(value) if item in offered]


class ChecklistAdoptForm(GovukForm):
    """Tick the checklist items to add to a register as drafts; all are ticked to start with."""

    items = OfferedItemsField(
        label="From your operating model checklist",
        widget=GovukCheckboxes,
        help_text="Tick each to add as a draft, then complete it. Items already added are not offered again.",
        error_messages={"required": "Select at least one item to add"},
    )

    def __init__(self, *args, offered: list[ChecklistItem], joint_labels: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.offered = {item.key: item for item in offered}
        self.fields["items"].choices = [
            (
                item.key,
                f"{item.text} ({'joint' if item.is_joint else 'single body'})" if joint_labels else item.text,
            )
            for item in offered
        ]
        self.initial.setdefault("items", list(self.offered))

    @property
    def chosen(self) -> list[ChecklistItem]:
        return [self.offered[key] for key in self.cleaned_data["items"]]
