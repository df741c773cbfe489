"""Work done by Celery workers, kept as database rows: the claim and the reconciler every kind shares.

The row is the record of the job; a broker message is only a nudge to a worker (ADR 0023, after
the governance packs). A row is queued, then claimed by one worker with a conditional UPDATE
that counts the attempt, then finished by that worker. The attempt number is the claim's token:
a worker whose claim was taken over cannot mark the row afterwards. A model using this names
its claimed status (`CLAIMED_STATUS`), a status field, and the fields of collab.models.JobRow;
its manager is a collab.querysets.JobQuerySet.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from celery import Task

from collab.querysets import QUEUED, JobQuerySet
from collab.queue import enqueue_on_commit


@dataclass
class Reconciliation:
    noun: str
    requeued: list[int] = field(default_factory=list)
    reset: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{len(self.requeued)} queued {self.noun}(s) sent again, "
            f"{len(self.reset)} abandoned {self.noun}(s) queued again, {len(self.failed)} given up"
        )


def jobs_reconcile(
    *,
    jobs: JobQuerySet,
    task: Task,
    noun: str,
    give_up: Callable[[int, int], None],
    max_attempts: int,
    queued_before: datetime.datetime,
    now: datetime.datetime,
) -> Reconciliation:
    """Send again what a lost message or a lost worker left behind. The caller holds a transaction.

    Queued with no message since `queued_before`: its message was probably lost (an emptied broker).
    Claimed longer than the hard time limit: its worker died, since a live one is stopped by then;
    after `max_attempts` such deaths `give_up(job_id, attempts)` fails it. A duplicate message does
    no harm: only one worker can claim the job.
    """
    result = Reconciliation(noun)
    abandoned = jobs.abandoned(now)
    for job_id, attempts in abandoned.values_list("pk", "attempts"):
        if attempts >= max_attempts:
            give_up(job_id, attempts)
            result.failed.append(job_id)
            continue
        reset = (
            abandoned.claimed_by_attempt(attempts).filter(pk=job_id).update(status=QUEUED, enqueued_at=now)
        )
        if reset:
            enqueue_on_commit(task, job_id)
            result.reset.append(job_id)
    for job_id in jobs.stuck_in_queue(queued_before).values_list("pk", flat=True):
        if jobs.filter(pk=job_id, status=QUEUED).update(enqueued_at=now):
            enqueue_on_commit(task, job_id)
            result.requeued.append(job_id)
    return result
