"""Form fields and choices for picking the bodies and people of an initiative.

Which bodies and people to offer comes from the querysets: Body.objects.taking_part_in(),
.with_member(), and User.objects.working_on().with_bodies().
"""

from __future__ import annotations

from django import forms

from initiatives.models import User


def offer_bodies(field: forms.ModelChoiceField, bodies) -> None:
    """Offer these bodies in a choice field, by full name."""
    field.queryset = bodies
    field.label_from_instance = lambda body: body.name
    if isinstance(field.widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
        field.widget.choices = field.choices


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
