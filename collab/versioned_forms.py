"""Edit forms that carry the version they were read at (collab/versions.py).

Two hidden fields: `version`, the version the save must find, and `base_version`, the version
the person started typing from. They differ only when someone re-applies their changes on top
of another person's from the stale-edit page: then only the fields that person changed from
where they started are theirs, and every other field keeps what is stored now, so neither the
record nor its history credits them with a change they never made.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from django import forms
from django.db import models, transaction
from django.db.models import QuerySet

from collab.versions import check_version, current_version, histories_of, version_parts

VERSION_FIELDS = ("version", "base_version")
UNREADABLE_VERSION = (
    "This form could not be checked against the record: go back to the record and make your changes again"
)


class VersionField(forms.Field):
    """Hidden, and never a field error of its own: the form's clean() says what is wrong."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def to_python(self, value) -> str:
        return str(value or "").strip()[:200]


def _comparable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    return value


class VersionedFormMixin:
    """Mix into an edit form before GovukModelForm. A form over a record that is not its
    `instance`, or that edits the record's parts too, overrides `versioned_record`,
    `version_histories`, `value_at` and `current_values`."""

    fields: dict[str, forms.Field]
    initial: dict[str, Any]
    cleaned_data: dict[str, Any]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in VERSION_FIELDS:
            self.fields[name] = VersionField()
        if self.versioned_record.pk:
            self.initial.setdefault(
                "version", current_version(self.versioned_record, self.version_histories())
            )

    @property
    def versioned_record(self) -> models.Model:
        return self.instance  # type: ignore[attr-defined]

    def version_histories(self) -> list[QuerySet]:
        return histories_of(self.versioned_record)

    @property
    def version_fields(self) -> list:
        return [self[name] for name in VERSION_FIELDS]  # type: ignore[index]

    def hidden_fields(self) -> list:
        # Drawn once by layouts/form.html, whatever the page does with the other fields.
        return [field for field in super().hidden_fields() if field.name not in VERSION_FIELDS]  # type: ignore[misc]

    def clean(self):
        cleaned = super().clean()  # type: ignore[misc]
        for name in VERSION_FIELDS:
            text = cleaned.get(name) or ""
            if text and not self._is_known_version(text):
                self.add_error(None, UNREADABLE_VERSION)  # type: ignore[attr-defined]
                return cleaned
        return cleaned

    def _is_known_version(self, text: str) -> bool:
        """A version this record really had: anything else was not drawn by this service, so it is
        an error in the form rather than a claim that someone else saved since."""
        parts, histories = version_parts(text), self.version_histories()
        if len(parts) != len(histories):
            return False
        return all(
            history.filter(history_id=part).exists() if part else not history.exists()
            for part, history in zip(parts, histories, strict=True)
        )

    @property
    def submitted_version(self) -> str:
        return self.cleaned_data.get("version") or ""

    @property
    def started_from(self) -> str:
        return self.cleaned_data.get("base_version") or self.submitted_version

    # What the record held at a version, and holds now, for the fields of this form.
    def value_at(self, version: str) -> dict[str, Any] | None:
        parts = version_parts(version)
        row = self.versioned_record.history.filter(history_id=parts[0]).first() if parts else None  # type: ignore[attr-defined]
        if row is None:
            return None
        return {name: getattr(row, _attname(row, name)) for name in self._model_fields()}

    def current_values(self) -> dict[str, Any]:
        record = self.versioned_record
        fresh = type(record)._base_manager.get(pk=record.pk)
        return {name: getattr(fresh, name) for name in self._model_fields()}

    def _model_fields(self) -> list[str]:
        names = {each.name for each in self.versioned_record._meta.concrete_fields}
        return [name for name in self.fields if name in names and name in self.cleaned_data]

    def changed_by_person(self) -> list[str]:
        """The fields whose submitted value differs from where the person started."""
        started = self.value_at(self.started_from)
        names = [name for name in self.fields if name not in VERSION_FIELDS and name in self.cleaned_data]
        if started is None:
            return names
        return [
            name
            for name in names
            if name not in started or _comparable(self.cleaned_data[name]) != _comparable(started[name])
        ]

    def keep_theirs(self) -> None:
        """Fields the person did not change take what is stored now (see the module's docstring)."""
        if self.started_from == self.submitted_version:
            return
        mine = set(self.changed_by_person())
        for name, value in self.current_values().items():
            if name not in mine:
                self.cleaned_data[name] = value
                if hasattr(self.versioned_record, name):
                    setattr(self.versioned_record, name, value)

    @contextlib.contextmanager
    def versioned_save(self) -> Iterator[None]:
        """Wrap the service call: refuses a stale version with StaleVersion, else saves in one
        transaction with the record's row held. A form posted without a version (not one this
        service drew) is saved as before."""
        with transaction.atomic():
            if self.submitted_version:
                check_version(self.versioned_record, self.submitted_version, self.version_histories())
                self.keep_theirs()
            yield


def _attname(row: models.Model, name: str) -> str:
    field: Any = row._meta.get_field(name)
    return field.attname if field.is_relation else name
