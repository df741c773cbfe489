"""Background work for governance. Tasks take ids, load fresh rows and call one service; safe to run twice."""

from celery import shared_task

RETRYING = {"acks_late": True, "autoretry_for": (ConnectionError,), "retry_backoff": True, "max_retries": 5}


@shared_task(**RETRYING)
def notify_decision_awaiting(decision_id: int, transition_id: int) -> None:
    """Email the decider that a decision awaits them, if it still does after this submission."""
    from governance.decision_emails import send_decision_awaiting

    send_decision_awaiting(decision_id=decision_id, transition_id=transition_id)


@shared_task(**RETRYING)
def notify_decision_decided(decision_id: int, transition_id: int) -> None:
    """Email the initiative's programme managers what the decider decided."""
    from governance.decision_emails import send_decision_decided

    send_decision_decided(decision_id=decision_id, transition_id=transition_id)


# If the pool child running a build dies (OOM, segfault), reject_on_worker_lost puts the message
# back at once and the run it gets to claims the pack by its unchanged task id (pack_claim).
@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None)
def build_governance_pack(self, pack_id: int) -> str:
    """Build one governance pack. Only the run that claims the pack builds it."""
    from governance.packs.services import pack_job_run

    outcome = pack_job_run(pack_id=pack_id, retries=self.request.retries, task_id=self.request.id)
    if outcome.retry_in is not None:
        # PACK_MAX_ATTEMPTS bounds the retries; the service fails the pack when they run out.
        raise self.retry(countdown=outcome.retry_in)
    return outcome.result


@shared_task(acks_late=True)
def reconcile_governance_packs() -> str:
    """Periodic (celery beat): send again packs stuck in the queue or abandoned mid-build."""
    from governance.packs.services import packs_reconcile

    return str(packs_reconcile())
