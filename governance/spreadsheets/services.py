"""Confirming an import: a database row first, then a nudge to a worker, as for packs (ADR 0023)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from collab.queue import enqueue_on_commit
from governance.spreadsheets.models import ImportJob
from governance.spreadsheets.registers import Rows
from governance.spreadsheets.saving import (
    ImportHasErrors,
    ImportOutcome,
    StalePreview,
    import_plan,
    import_rows,
)
from governance.spreadsheets.tasks import run_import_job
from initiatives.models import Initiative, User

__all__ = [
    "ImportHasErrors",
    "ImportOutcome",
    "StalePreview",
    "import_job_start",
    "import_plan",
    "import_rows",
]


@transaction.atomic
def import_job_start(*, kind: str, initiative: Initiative, rows: Rows, previewed: str, by: User) -> ImportJob:
    """Record the confirmed import as a queued job, and send it to a worker once that is committed."""
    job = ImportJob.objects.create(
        initiative=initiative,
        kind=kind,
        rows=rows,
        previewed=previewed,
        rows_total=len(rows),
        requested_by=by,
        enqueued_at=timezone.now(),
    )
    enqueue_on_commit(run_import_job, job.pk)
    return job
