"""What Celery beat sends, and when (CELERY_BEAT_SCHEDULE in collab/settings.py)."""

from celery.schedules import crontab

# `celery -A collab beat` (or a worker started with -B) sends the reconciler every minute, so a
# message lost with an emptied broker cannot lose a pack. `manage.py reconcile_packs` does the same once.
# It also purges, hourly, one-time form tokens older than a day (`manage.py purge_form_submissions`).
BEAT_SCHEDULE = {
    "reconcile-governance-packs": {"task": "governance.tasks.reconcile_governance_packs", "schedule": 60.0},
    "reconcile-import-jobs": {
        "task": "governance.spreadsheets.tasks.reconcile_import_jobs",
        "schedule": 60.0,
    },
    "purge-form-submissions": {"task": "collab.tasks.purge_form_submissions", "schedule": 3600.0},
    # Each morning: reminders of reviews and readings due, then one digest per person who asked for one.
    "send-due-reminders": {
        "task": "governance.reminders.tasks.send_due_reminders",
        "schedule": crontab(hour=6, minute=0),
    },
    "send-daily-digests": {"task": "people.tasks.send_daily_digests", "schedule": crontab(hour=7, minute=0)},
}
