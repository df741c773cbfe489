"""Saving an import: one at a time per initiative, all rows or none, exactly as previewed.

A worker runs import_rows for a confirmed preview (jobs.py): all the rows in a few statements
per batch, under the initiative's lock.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from governance.spreadsheets.preview import CHANGED, NEW, ImportPlan, plan
from governance.spreadsheets.registers import Register, Rows
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
    def __init__(self, errors: list[str]):
        super().__init__("Check every row before saving any")
        self.errors = errors


class StalePreview(Exception):
    """The register changed after the preview was shown: what confirming would do is not what was seen."""

    def __init__(self, plan: ImportPlan):
        super().__init__("The register changed since the preview")
        self.plan = plan


def import_plan(*, register: Register, initiative: Initiative, rows: Rows) -> tuple[ImportPlan, list[str]]:
    """What importing `rows` would do now, and the rows' errors (nothing is planned while there are any)."""
    check = register.check(initiative, rows)
    return plan(check, register.records(initiative), register.name_field), check.errors


@transaction.atomic
def import_rows(
    *, register: Register, initiative: Initiative, rows: Rows, by: User, previewed: str | None = None
) -> ImportOutcome:
    """Add new records and update those the file names, by reference or else by name.

    `previewed` is the digest of the plan the person confirmed: if the plan is different now,
    nothing is written and StalePreview carries the new one.
    """
    # One import per initiative at a time: a second waits here, then checks against what the first wrote.
    Initiative.objects.select_for_update().filter(pk=initiative.pk).values_list("pk").get()
    planned, errors = import_plan(register=register, initiative=initiative, rows=rows)
    if errors:
        raise ImportHasErrors(errors)
    if previewed is not None and planned.digest != previewed:
        raise StalePreview(planned)
    register.save(
        initiative=initiative,
        by=by,
        new=[row.row.values for row in planned.of(NEW)],
        changed=[(row.row.existing, row.row.values) for row in planned.of(CHANGED)],
    )
    return ImportOutcome(
        len(planned.of(NEW)),
        len(planned.of(CHANGED)),
        len(planned.rows) - len(planned.of(NEW)) - len(planned.of(CHANGED)),
    )
