"""Emails about closing recommendations, sent by the worker: tasks take ids and call one function."""

from celery import shared_task

from governance.assurance.emails import send_recommendation_moved

RETRYING = {"acks_late": True, "autoretry_for": (ConnectionError,), "retry_backoff": True, "max_retries": 5}


@shared_task(name="governance.tasks.notify_recommendation_moved", **RETRYING)
def notify_recommendation_moved(recommendation_id: int, step_id: int) -> None:
    """Email the reviewers of a proposed closure, or the owning side of the reviewer's answer."""
    send_recommendation_moved(recommendation_id=recommendation_id, step_id=step_id)
