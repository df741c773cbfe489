"""Background work for people: sending their emails.

At least once: a retry after a lost acknowledgement may send an email twice.
"""

from celery import shared_task

from collab.outbox import RETRY_LIMIT, RETRYABLE
from people.mail import compose


@shared_task(
    acks_late=True,
    autoretry_for=RETRYABLE,
    retry_backoff=True,
    max_retries=RETRY_LIMIT,
)
def send_email(kind: str, to: str, subject: str, body: str) -> None:
    compose(kind=kind, to=to, subject=subject, body=body).send()
