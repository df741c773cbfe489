"""Saving a checked CSV import: all rows or none, through the same services as the forms."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from governance.measures.services import measure_create, measure_update
from governance.risks.services import risk_create, risk_update
from governance.spreadsheets import ImportCheck
from initiatives.models import Initiative, User


@dataclass(frozen=True)
class ImportOutcome:
    added: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged


class ImportHasErrors(Exception):
    pass


def _differs(record, values: dict) -> bool:
    for name, value in values.items():
        if name == "benefiting_bodies":
            if {body.pk for body in value} != set(record.benefiting_bodies.values_list("pk", flat=True)):
                return True
        elif getattr(record, name) != value:
            return True
    return False


def _save_all(check: ImportCheck, create, update) -> ImportOutcome:
    if not check.is_valid:
        raise ImportHasErrors("Check every row before saving any")
    added = updated = unchanged = 0
    for row in check.rows:
        if row.existing is None:
            create(row.values)
            added += 1
        elif _differs(row.existing, row.values):
            update(row.existing, row.values)
            updated += 1
        else:
            unchanged += 1
    return ImportOutcome(added, updated, unchanged)


@transaction.atomic
def risks_import(*, initiative: Initiative, check: ImportCheck, by: User) -> ImportOutcome:
    """Add new risks and update those whose title matches; score changes go into their history."""
    return _save_all(
        check,
        lambda values: risk_create(initiative=initiative, by=by, **values),
        lambda risk, values: risk_update(risk=risk, by=by, **values),
    )


@transaction.atomic
def measures_import(*, initiative: Initiative, check: ImportCheck, by: User) -> ImportOutcome:
    """Add new measures and update those whose name matches. Readings are not imported."""
    return _save_all(
        check,
        lambda values: measure_create(initiative=initiative, by=by, **values),
        lambda measure, values: measure_update(measure=measure, by=by, **values),
    )
