"""Every email about people's accounts, sent through Django's email backend from a Celery task.

A message is rendered in the request, where its links are made, and handed to the task as plain
text after the transaction commits. Each carries its kind in a header, for the GOV.UK Notify
backend (collab/notify.py) to pick the template.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from collab.notify import KIND_HEADER
from collab.outbox import safe_subject
from collab.queue import enqueue_on_commit


def compose(*, kind: str, to: str, subject: str, body: str) -> EmailMessage:
    return EmailMessage(
        subject=safe_subject(subject),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={KIND_HEADER: kind},
    )


def send_later(*, kind: str, to: str, subject: str, body: str) -> None:
    from people.tasks import send_email

    enqueue_on_commit(send_email, kind, to, subject, body)


def send_template_later(*, kind: str, to: str, subject: str, template: str, context: dict) -> None:
    """Render templates/people/email/<template> with the site's address, and send it after commit."""
    body = render_to_string(f"people/email/{template}", {"site_url": settings.SITE_URL, **context})
    send_later(kind=kind, to=to, subject=subject, body=body.strip() + "\n")
