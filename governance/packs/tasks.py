"""Building governance packs in the worker. Tasks take ids and call one job function; safe to run twice."""

from celery import shared_task

from governance.packs.jobs import pack_job_run


# Registered under their first module's names, which queued messages and the beat schedule carry.
# If the pool child running a build dies (OOM, segfault), reject_on_worker_lost puts the message
# back at once and the run it gets to claims the pack by its unchanged task id (pack_claim).
@shared_task(
    name="governance.tasks.build_governance_pack",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=None,
)
def build_governance_pack(self, pack_id: int) -> str:
    """Build one governance pack. Only the run that claims the pack builds it."""
    outcome = pack_job_run(pack_id=pack_id, retries=self.request.retries, task_id=self.request.id)
    if outcome.retry_in is not None:
        # PACK_MAX_ATTEMPTS bounds the retries; the job fails the pack when they run out.
        raise self.retry(countdown=outcome.retry_in)
    return outcome.result
