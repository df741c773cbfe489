"""A Django email backend that sends through GOV.UK Notify.

Chosen with EMAIL_BACKEND=collab.notify.NotifyEmailBackend. Notify sends from templates, so each
message goes out through a template whose body is ((body)) and subject ((subject)): the one named
for the message's kind in GOVUK_NOTIFY_TEMPLATE_IDS, else GOVUK_NOTIFY_TEMPLATE_ID. The kind is the
X-Joined-Up-Email header every email of ours carries (people/mail.py).
"""

from __future__ import annotations

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from notifications_python_client.errors import HTTPError
from notifications_python_client.notifications import NotificationsAPIClient

KIND_HEADER = "X-Joined-Up-Email"
BACKEND = "collab.notify.NotifyEmailBackend"


@checks.register()
def check_notify_settings(app_configs, **kwargs) -> list[checks.Error]:
    """With Notify chosen, a missing key or template stops start-up rather than the first email."""
    if settings.EMAIL_BACKEND != BACKEND:
        return []
    errors = []
    if not settings.GOVUK_NOTIFY_API_KEY:
        errors.append(
            checks.Error("GOVUK_NOTIFY_API_KEY must be set to send email through Notify", id="collab.E010")
        )
    if not settings.GOVUK_NOTIFY_TEMPLATE_ID:
        errors.append(
            checks.Error(
                "GOVUK_NOTIFY_TEMPLATE_ID must name a Notify template with ((subject)) and ((body))",
                id="collab.E011",
            )
        )
    return errors


def template_for(message: EmailMessage) -> str:
    kind = message.extra_headers.get(KIND_HEADER, "")
    template_id = settings.GOVUK_NOTIFY_TEMPLATE_IDS.get(kind) or settings.GOVUK_NOTIFY_TEMPLATE_ID
    if not template_id:
        raise ImproperlyConfigured(
            "GOVUK_NOTIFY_TEMPLATE_ID must name a Notify template with ((subject)) and ((body))"
        )
    return template_id


class NotifyEmailBackend(BaseEmailBackend):
    def __init__(self, fail_silently: bool = False, **kwargs):
        super().__init__(fail_silently=fail_silently, **kwargs)
        if not settings.GOVUK_NOTIFY_API_KEY:
            raise ImproperlyConfigured("GOVUK_NOTIFY_API_KEY must be set to send email through GOV.UK Notify")
        self.client = NotificationsAPIClient(
            settings.GOVUK_NOTIFY_API_KEY, base_url=settings.GOVUK_NOTIFY_BASE_URL, timeout=10
        )

    def send_messages(self, email_messages) -> int:
        sent = 0
        for message in email_messages:
            for address in message.recipients():
                try:
                    self.client.send_email_notification(
                        email_address=address,
                        template_id=template_for(message),
                        personalisation={"subject": message.subject, "body": message.body},
                    )
                except HTTPError:
                    if not self.fail_silently:
                        raise
                    continue
                sent += 1
        return sent
