"""Decision emails, sent by the worker. Tasks take ids, load fresh rows and call one function."""

from celery import shared_task

from governance.decisions.emails import send_decision_awaiting, send_decision_decided, send_decision_returned

RETRYING = {"acks_late": True, "autoretry_for": (ConnectionError,), "retry_backoff": True, "max_retries": 5}


# Registered under their first module's names, which queued messages carry.
@shared_task(name="governance.tasks.notify_decision_awaiting", **RETRYING)
def notify_decision_awaiting(decision_id: int, transition_id: int) -> None:
    """Email the decider that a decision awaits them, if it still does after this submission."""
    send_decision_awaiting(decision_id=decision_id, transition_id=transition_id)


@shared_task(name="governance.tasks.notify_decision_decided", **RETRYING)
def notify_decision_decided(decision_id: int, transition_id: int) -> None:
    """Email the initiative's programme managers what the decider decided."""
    send_decision_decided(decision_id=decision_id, transition_id=transition_id)


# New here, so registered under this module's own name.
@shared_task(name="governance.decisions.tasks.notify_decision_returned", **RETRYING)
def notify_decision_returned(decision_id: int, transition_id: int) -> None:
    """Email the drafter that the decider returned their decision for changes, with the comment."""
    send_decision_returned(decision_id=decision_id, transition_id=transition_id)
