"""Admin classes for the records the service governs.

Superusers use Django's admin to put things right, so the admin must keep the rules the pages
keep. A ServiceAdmin offers add, change and delete only where it names the service function that
does each (its create, update and remove methods); it calls that function with the form's values,
as keyword arguments, and shows the service's refusal on the form, or as an error message for a
removal, instead of failing. A ReadOnlyAdmin shows records whose changes belong on the service's
own pages; each subclass says why.

Both apps use these, so they live in the project package rather than in governance.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

# Set on the request when a service refused a save, so the form is shown again with the reason.
_REFUSAL = "_service_refusal"


class NoWrites:
    """Mixed into an admin or an inline: nothing is added, changed or deleted through it."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyAdmin(NoWrites, admin.ModelAdmin):
    """Readable here; changed only on the service's own pages, or never (a trail, a record)."""


class ReadOnlyHistoryAdmin(ReadOnlyAdmin, SimpleHistoryAdmin):
    """Readable here with its history, which cannot be reverted from here either."""


class ReadOnlyInline(NoWrites):
    """Mixed into an inline: listed on its parent's page, changed on its own admin page."""

    extra = 0
    show_change_link = True


class LabelledTabularInline(admin.TabularInline):
    """A tabular inline whose boxes have names: Django heads each column but draws no <label>, so every
    box of every row (Delete too) gets an aria-label of its column and row, "Job title, row 2"."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        def add_fields(formset_self, form, index):
            formset.add_fields(formset_self, form, index)
            row = "new row" if index is None else f"row {index + 1}"
            for field in form.fields.values():
                # A relation's widget is wrapped in one that draws its add and change links; only the inner
                # one is this form's own copy.
                widget = getattr(field.widget, "widget", field.widget)
                widget.attrs["aria-label"] = f"{field.label}, {row}"

        return type(formset.__name__, (formset,), {"add_fields": add_fields})


def _copy_stored_fields(saved: Model, shown: Model) -> None:
    """The admin goes on to log and name the instance its form built: make it what the service stored."""
    for field in shown._meta.concrete_fields:
        setattr(shown, field.attname, getattr(saved, field.attname))
    shown._state.adding = False
    shown._state.db = saved._state.db


def _form_refusing(form_class: type[forms.ModelForm], reasons: list[str]) -> type[forms.ModelForm]:
    def clean(self):
        super(refused, self).clean()
        raise ValidationError(reasons)

    refused = type(form_class.__name__, (form_class,), {"clean": clean})
    return refused


class ServiceAdmin(SimpleHistoryAdmin):
    """Every add, change and delete calls the service the pages call, or is not offered.

    Subclasses define the writes they offer: create(form=, by=) and update(record=, form=, by=)
    return the record the service saved; remove(record=, by=) deletes through the service.
    update() is given the record as stored, not the instance the form has already changed, so
    fields the admin shows read-only (or a reverted history version) cannot slip past the service.
    """

    # The exceptions with which the services refuse a write; their messages are fit to show.
    refusals: tuple[type[Exception], ...] = ()

    def create(self, *, form: forms.ModelForm, by: Any) -> Model:
        raise NotImplementedError

    def update(self, *, record: Model, form: forms.ModelForm, by: Any) -> Model:
        raise NotImplementedError

    def remove(self, *, record: Model, by: Any) -> None:
        raise NotImplementedError

    @staticmethod
    def form_values(form: forms.ModelForm, *, leave_out: tuple[str, ...] = ()) -> dict[str, Any]:
        """The form's cleaned values, named as the service's keyword arguments (the services list
        each field they write, so a field they do not take fails loudly). Many-to-many values come
        as lists, as the services take them."""
        return {
            name: list(value) if isinstance(value, QuerySet) else value
            for name, value in form.cleaned_data.items()
            if name in form._meta.fields and name not in leave_out
        }

    def service_fields(self, obj: Model | None) -> dict[str, forms.Field]:
        """Form fields that are not the model's own, such as one per column for a RACI row's cells."""
        return {}

    def refusal_messages(self, refusal: Exception) -> list[str]:
        return [str(refusal)]

    @classmethod
    def offers(cls, write: str) -> bool:
        return getattr(cls, write) is not getattr(ServiceAdmin, write)

    def has_add_permission(self, request, obj=None) -> bool:
        return self.offers("create") and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self.offers("update") and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self.offers("remove") and super().has_delete_permission(request, obj)

    def get_actions(self, request):
        """No bulk "delete selected": each removal goes through the service, which may refuse it."""
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def get_deleted_objects(self, objs, request):
        """What goes with a record is the service's to decide (a row's cells go with the row).

        Related records the admin shows read-only would otherwise make Django refuse the removal.
        """
        deleted, counts, _permissions_needed, protected = super().get_deleted_objects(objs, request)
        return deleted, counts, set(), protected

    def get_form(self, request, obj=None, change=False, **kwargs):
        extra = self.service_fields(obj)
        fields = (
            kwargs.pop("fields")
            if "fields" in kwargs
            else flatten_fieldsets(self.get_fieldsets(request, obj))
        )
        if fields is not None:
            fields = [name for name in fields if name not in extra]
        form = super().get_form(request, obj, change, fields=fields, **kwargs)
        if extra:
            form = type(form.__name__, (form,), dict(extra))
        reasons = getattr(request, _REFUSAL, None)
        return form if reasons is None else _form_refusing(form, reasons)

    def save_model(self, request, obj, form, change) -> None:
        if change:
            stored = self.model._default_manager.get(pk=obj.pk)
            saved = self.update(record=stored, form=form, by=request.user)
        else:
            saved = self.create(form=form, by=request.user)
        _copy_stored_fields(saved, obj)

    def save_related(self, request, form, formsets, change) -> None:
        """The service has set the many-to-many fields. Inlines on a service admin are read-only
        (ReadOnlyInline), so saving their formsets writes nothing; it lets the admin log the change."""
        for formset in formsets:
            self.save_formset(request, form, formset, change)

    def delete_model(self, request, obj) -> None:
        self.remove(record=obj, by=request.user)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        view = super().changeform_view
        return self._showing_refusals(view, request, object_id, form_url, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Reverting to a version saves through update() too, as one transaction like a change."""
        revert = super().history_form_view

        def atomic_revert(*args):
            with transaction.atomic():
                return revert(*args)

        return self._showing_refusals(atomic_revert, request, object_id, version_id, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except self.refusals as refusal:
            for message in self.refusal_messages(refusal):
                self.message_user(request, message, messages.ERROR)
            opts = self.model._meta
            change_url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change",
                args=[object_id],
                current_app=self.admin_site.name,
            )
            return HttpResponseRedirect(change_url)

    def _showing_refusals(
        self, view: Callable[..., HttpResponse], request: HttpRequest, *args
    ) -> HttpResponse:
        try:
            return view(request, *args)
        except self.refusals as refusal:
            # The admin's transaction has rolled back, so nothing was kept. Show the form again
            # as it was typed, with the service's reason as the form's error.
            setattr(request, _REFUSAL, self.refusal_messages(refusal))
            return view(request, *args)
