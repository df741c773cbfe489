"""Beat's daily reminders: a task of a few lines over the service."""

from celery import shared_task
from django.utils import timezone

from governance.reminders.services import reminders_send


@shared_task(acks_late=True)
def send_due_reminders() -> None:
    """Remind people of reviews and readings due within a week or overdue; safe to run twice."""
    reminders_send(today=timezone.localdate())
