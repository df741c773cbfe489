"""Admin classes and form checks the governance domains share."""

from __future__ import annotations

from django import forms
from django.db.models import Model

from collab.service_admin import ReadOnlyAdmin, ServiceAdmin
from initiatives.models import Body, Initiative, User


class AppendOnlyAdmin(ReadOnlyAdmin):
    """Trails and generated records: readable, never edited by hand."""


class InitiativeRecordAdmin(ServiceAdmin):
    """A record of one initiative: its initiative is chosen when it is added, and fixed after.

    `fixed_fields` are the others that cannot change once the record exists (a column's body);
    `readonly_fields` are those the service sets (a row's position).
    """

    autocomplete_fields = ["initiative"]
    fixed_fields: tuple[str, ...] = ()

    def get_queryset(self, request):
        # Retired records (stood-down forums, retired measures) are still records: the admin lists them.
        queryset = self.model._base_manager.get_queryset()
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return ["initiative", *self.fixed_fields, *readonly] if obj else readonly


def initiative_of(form: forms.ModelForm) -> Initiative | None:
    """The initiative the record belongs to: chosen on an add form, fixed on a change form."""
    if "initiative" in form.fields:
        return form.cleaned_data.get("initiative")
    return form.instance.initiative if form.instance.pk else None


def check_bodies_take_part(form: forms.ModelForm, initiative: Initiative, *names: str) -> None:
    """Add an error to each named body field whose bodies do not all take part, as the pages offer."""
    taking_part = set(Body.objects.taking_part_in(initiative).values_list("pk", flat=True))
    for name in names:
        value = form.cleaned_data.get(name)
        # A body field cleans to a body or None; a many-bodies field to a queryset.
        bodies = [value] if isinstance(value, Model) else list(value or [])
        outside = [body.short_name for body in bodies if body.pk not in taking_part]
        if outside:
            form.add_error(name, f"{', '.join(outside)} does not take part in {initiative}")


def check_person_takes_part(form: forms.ModelForm, initiative: Initiative, name: str) -> None:
    """Add an error unless the chosen person is an active member of a body taking part."""
    person = form.cleaned_data.get(name)
    if (
        person is not None
        and not User.objects.working_on(initiative).with_bodies().filter(pk=person.pk).exists()
    ):
        form.add_error(name, f"Choose an active member of a body taking part in {initiative}")
