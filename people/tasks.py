"""Background work for people: sending their emails.

At least once: a retry after a lost acknowledgement may send an email twice.
"""

import smtplib

from celery import shared_task
from notifications_python_client.errors import HTTPError

from people.mail import compose


@shared_task(
    acks_late=True,
    autoretry_for=(ConnectionError, smtplib.SMTPException, HTTPError),
    retry_backoff=True,
    max_retries=5,
)
def send_email(kind: str, to: str, subject: str, body: str) -> None:
    compose(kind=kind, to=to, subject=subject, body=body).send()
