"""Celery's autodiscovery imports this module: collab's periodic housekeeping."""

from celery import shared_task

from collab import form_tokens


@shared_task(name="collab.tasks.purge_form_submissions")
def purge_form_submissions() -> int:
    """Periodic (celery beat, hourly): forget one-time form tokens older than a day."""
    return form_tokens.purge_form_submissions()
