"""What an import would do, shown before anything is written: new, changed, unchanged, not in the file.

The plan is worked out from the checked rows against the register as it stands. Its digest is
kept with the upload when the preview is shown; confirming works the plan out again under the
initiative's lock and applies it only if the digest is the same, so what is applied is exactly
what was previewed, and a preview the register has moved on from is refused.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models

from governance.spreadsheets.checks import ImportCheck, RowResult

NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


@dataclass
class PlannedRow:
    number: int
    action: str
    label: str
    row: RowResult
    changes: list[Change] = field(default_factory=list)


@dataclass
class ImportPlan:
    rows: list[PlannedRow]
    # Records in the register that no row of the file names: left as they are.
    not_in_file: list[models.Model]

    def of(self, action: str) -> list[PlannedRow]:
        return [row for row in self.rows if row.action == action]

    @property
    def digest(self) -> str:
        parts: list[object] = [
            (row.number, row.action, getattr(row.row.existing, "pk", None), [vars(c) for c in row.changes])
            for row in self.rows
        ]
        parts.append(sorted(record.pk for record in self.not_in_file))
        return hashlib.sha256(repr(parts).encode()).hexdigest()


def _shown(record: models.Model | None, name: str, value: object) -> str:
    """A value as a person reads it: a choice by its label, a body by its short name, a date in words."""
    if value is None or value == "":
        return "(blank)"
    if isinstance(value, list | tuple):
        return "; ".join(sorted(_shown(record, name, each) for each in value)) or "(blank)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.date):
        return f"{value.day} {value:%B %Y}"
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, models.Model):
        return getattr(value, "short_name", None) or getattr(value, "email", None) or str(value)
    model_field = type(record)._meta.get_field(name) if record is not None else None
    choices = dict(getattr(model_field, "flatchoices", None) or [])
    return str(choices.get(value, value))


def _label(model_field: str, record: models.Model) -> str:
    return str(getattr(type(record)._meta.get_field(model_field), "verbose_name", model_field)).capitalize()


def _current(record: models.Model, name: str) -> object:
    if name == "benefiting_bodies":
        return list(getattr(record, name).all())
    return getattr(record, name)


def _same(before: object, after: object) -> bool:
    if isinstance(after, list):
        return {each.pk for each in after} == {each.pk for each in before}  # type: ignore[attr-defined]
    return before == after


def changes(record: models.Model, values: dict) -> list[Change]:
    return [
        Change(
            _label(name, record), _shown(record, name, _current(record, name)), _shown(record, name, value)
        )
        for name, value in values.items()
        if not _same(_current(record, name), value)
    ]


def plan(check: ImportCheck, register: Iterable[models.Model], name_field: str) -> ImportPlan:
    rows = []
    for row in check.rows:
        existing = row.existing
        if existing is None:
            rows.append(PlannedRow(row.number, NEW, str(row.values.get(name_field, "")), row))
            continue
        found = changes(existing, row.values)
        label = f"{existing.reference}: {row.values.get(name_field, getattr(existing, name_field))}"
        rows.append(PlannedRow(row.number, CHANGED if found else UNCHANGED, label, row, found))
    named = {row.row.existing.pk for row in rows if row.row.existing is not None}
    return ImportPlan(rows, [record for record in register if record.pk not in named])
