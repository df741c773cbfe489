"""Import jobs as the worker runs them: claim, check again, write every row or none, say how it went.

States: queued -> running -> done, or -> failed with a reason the person can act on. The claim
is collab/job_rows.py's, shared with the governance packs. The rows and the job's "done" are
committed together, so a job marked done has written its rows and a failed one has written none.
"""

from __future__ import annotations

import logging

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from collab import audit
from governance.packs.deadline import soft_deadline
from governance.predicates import MANAGE_REGISTERS
from governance.spreadsheets.models import ImportJob
from governance.spreadsheets.registers import REGISTERS
from governance.spreadsheets.saving import ImportHasErrors, ImportOutcome, StalePreview, import_rows

logger = logging.getLogger(__name__)

Status = ImportJob.Status

STALE = (
    "The register changed after you saw the preview, so nothing was imported. "
    "Upload the file again to see what it would change now."
)
NOT_ALLOWED = "You no longer manage this initiative's registers, so nothing was imported."
UNEXPECTED = (
    "An unexpected error stopped the import and has been logged for the service team. "
    "Nothing was imported: try again later."
)


class ImportNotAllowed(Exception):
    pass


class TakenOver(Exception):
    """Another attempt claimed the job while this one ran: its writes are rolled back."""


def import_job_run(*, job_id: int, task_id: str | None = None) -> str:
    """One run of the import task: done, failed or not_claimed (another run has it, or it is finished).

    `task_id` is the Celery task's own id, so a redelivery of a message whose run died can claim
    the job at once; called without a task (tests, the benchmark) it is None.
    """
    if not ImportJob.objects.claim(job_id, now=timezone.now(), task_id=task_id):
        return "not_claimed"
    job = ImportJob.objects.select_related("initiative", "requested_by").get(pk=job_id)
    try:
        with soft_deadline(settings.CELERY_TASK_SOFT_TIME_LIMIT), transaction.atomic():
            _finish(job, _apply(job))
    except TakenOver:
        logger.warning("Import job %s was taken over before attempt %s finished", job_id, job.attempts)
        return "not_claimed"
    except (StalePreview, ImportHasErrors):
        reason = STALE
    except ImportNotAllowed:
        reason = NOT_ALLOWED
    except SoftTimeLimitExceeded:
        reason = (
            f"The import took longer than {settings.CELERY_TASK_SOFT_TIME_LIMIT} seconds, so it was stopped "
            "and nothing was imported. Try again; if that fails too, split the file or tell the service team."
        )
    except Exception:
        logger.exception("Import job %s failed", job_id)
        reason = UNEXPECTED
    else:
        audit.record(
            "import_applied",
            user_id=job.requested_by_id,
            initiative_id=job.initiative_id,
            job_id=job.pk,
            kind=job.kind,
            added=job.added,
            updated=job.updated,
        )
        return "done"
    import_job_fail(job_id=job_id, reason=reason, attempt=job.attempts)
    return "failed"


def _apply(job: ImportJob) -> ImportOutcome:
    """The confirmed rows, written by the person who confirmed them if they still may."""
    register, by = REGISTERS.get(job.kind), job.requested_by
    if (
        register is None
        or by is None
        or not by.is_active
        or not by.has_perm(MANAGE_REGISTERS, job.initiative)
    ):
        raise ImportNotAllowed
    rows = [(number, cells) for number, cells in job.rows]
    return import_rows(
        register=register, initiative=job.initiative, rows=rows, by=by, previewed=job.previewed
    )


def _finish(job: ImportJob, outcome: ImportOutcome) -> None:
    """Mark the job done in the import's own transaction; raise TakenOver if this attempt lost its claim."""
    job.status, job.rows_done = Status.DONE, outcome.total
    job.added, job.updated, job.unchanged = outcome.added, outcome.updated, outcome.unchanged
    updated = (
        ImportJob.objects.claimed_by_attempt(job.attempts)
        .filter(pk=job.pk)
        .update(
            status=job.status,
            rows_done=job.rows_done,
            added=job.added,
            updated=job.updated,
            unchanged=job.unchanged,
            finished_at=timezone.now(),
        )
    )
    if not updated:
        raise TakenOver


def import_job_fail(*, job_id: int, reason: str, attempt: int | None = None) -> None:
    jobs = ImportJob.objects.filter(pk=job_id, status__in=ImportJob.PENDING_STATUSES)
    if attempt is not None:
        jobs = jobs.filter(attempts=attempt)
    jobs.update(status=Status.FAILED, failure_reason=reason, finished_at=timezone.now())
    logger.warning("Import job %s failed: %s", job_id, reason)
