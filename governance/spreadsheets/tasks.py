"""Running import jobs in the worker, and sending again those a lost message or worker left behind."""

from __future__ import annotations

import datetime

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from collab.job_rows import Reconciliation, jobs_reconcile
from governance.spreadsheets.jobs import import_job_fail, import_job_run
from governance.spreadsheets.models import ImportJob


# On the default queue, which every worker consumes. If the pool child running it dies,
# reject_on_worker_lost puts the message back and the run it gets to claims the job by its task id.
@shared_task(
    name="governance.spreadsheets.tasks.run_import_job", bind=True, acks_late=True, reject_on_worker_lost=True
)
def run_import_job(self, job_id: int) -> str:
    """Apply one confirmed import. Only the run that claims the job applies it."""
    return import_job_run(job_id=job_id, task_id=self.request.id)


def _give_up(job_id: int, attempts: int) -> None:
    import_job_fail(
        job_id=job_id,
        attempt=attempts,
        reason=(
            f"The worker importing this file stopped {attempts} times before it finished. "
            "Nothing was imported."
        ),
    )


@transaction.atomic
def imports_reconcile(*, now: datetime.datetime | None = None) -> Reconciliation:
    """Send again import jobs stuck in the queue or abandoned mid-run (collab/job_rows.py). Safe twice."""
    now = now or timezone.now()
    return jobs_reconcile(
        jobs=ImportJob.objects.without_rows(),
        task=run_import_job,
        noun="import",
        give_up=_give_up,
        max_attempts=settings.IMPORT_MAX_ATTEMPTS,
        queued_before=now - datetime.timedelta(seconds=settings.IMPORT_REQUEUE_AFTER),
        now=now,
    )


@shared_task(name="governance.spreadsheets.tasks.reconcile_import_jobs", acks_late=True)
def reconcile_import_jobs() -> str:
    """Periodic (celery beat): send again import jobs stuck in the queue or abandoned mid-run."""
    return str(imports_reconcile())
