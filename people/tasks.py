"""Background work for people: sending their emails.

`send_email` is at least once: a retry after a lost acknowledgement may send an email twice.
Notifications (people/notifications.py) are recorded first, so each is queued once; a retry
after a mail server failure sends it, and one already marked sent is not sent again.
"""

import datetime

from celery import shared_task
from django.utils import timezone

from collab.outbox import RETRY_LIMIT, RETRYABLE, send_or_retry
from people.mail import compose
from people.notifications import (
    digest_send,
    notification_deliver,
    notification_failure_record,
    people_with_pending_digests,
)


@shared_task(
    acks_late=True,
    autoretry_for=RETRYABLE,
    retry_backoff=True,
    max_retries=RETRY_LIMIT,
)
def send_email(kind: str, to: str, subject: str, body: str) -> None:
    compose(kind=kind, to=to, subject=subject, body=body).send()


@shared_task(bind=True, acks_late=True)
def send_notification(self, notification_id: int) -> None:
    """Send one recorded notification; record why if it cannot go after retrying."""
    send_or_retry(
        self,
        lambda: notification_deliver(notification_id=notification_id),
        give_up=lambda reason: notification_failure_record(notification_id=notification_id, reason=reason),
    )


@shared_task(acks_late=True)
def send_daily_digests() -> None:
    """Beat, once a day: one digest task per person with notifications waiting for it."""
    day = timezone.localdate().isoformat()
    for person_id in people_with_pending_digests():
        send_digest.delay(person_id, day)


@shared_task(acks_late=True)
def send_digest(person_id: int, day: str) -> None:
    digest_send(person_id=person_id, day=datetime.date.fromisoformat(day))
