"""Decision emails, sent by the worker. Tasks take ids, load fresh rows and call one function.

A step's notice fans out into one task per person, so a mail server failing for one address is
retried (with backoff) for that address alone, and recorded on the decision when retrying ends.
"""

from celery import shared_task

from collab.outbox import send_or_retry
from governance.decisions.emails import (
    AWAITING,
    DECIDED,
    RETURNED,
    email_failure_record,
    recipient_ids,
    send_decision_email,
)

RETRYING = {"acks_late": True, "autoretry_for": (ConnectionError,), "retry_backoff": True, "max_retries": 5}


def _fan_out(kind: str, decision_id: int, transition_id: int) -> None:
    for user_id in recipient_ids(kind=kind, decision_id=decision_id, transition_id=transition_id):
        deliver_decision_email.apply_async(args=(kind, decision_id, transition_id, user_id))


# Registered under their first module's names, which queued messages carry.
@shared_task(name="governance.tasks.notify_decision_awaiting", **RETRYING)
def notify_decision_awaiting(decision_id: int, transition_id: int) -> None:
    """Email the decider that a decision awaits them, if it still does after this submission."""
    _fan_out(AWAITING, decision_id, transition_id)


@shared_task(name="governance.tasks.notify_decision_decided", **RETRYING)
def notify_decision_decided(decision_id: int, transition_id: int) -> None:
    """Email the initiative's programme managers what the decider decided."""
    _fan_out(DECIDED, decision_id, transition_id)


# New here, so registered under this module's own name.
@shared_task(name="governance.decisions.tasks.notify_decision_returned", **RETRYING)
def notify_decision_returned(decision_id: int, transition_id: int) -> None:
    """Email the drafter that the decider returned their decision for changes, with the comment."""
    _fan_out(RETURNED, decision_id, transition_id)


@shared_task(bind=True, acks_late=True)
def deliver_decision_email(self, kind: str, decision_id: int, transition_id: int, user_id: int) -> None:
    """Email one person about one step of a decision; record on the decision if it cannot go."""
    ids = {"decision_id": decision_id, "transition_id": transition_id, "user_id": user_id}
    send_or_retry(
        self,
        lambda: send_decision_email(kind=kind, **ids),
        give_up=lambda reason: email_failure_record(kind=kind, **ids, reason=reason),
    )
