"""python manage.py purge_form_submissions: forget one-time form tokens older than a day."""

import datetime

from django.core.management.base import BaseCommand

from collab.form_tokens import KEEP_SUBMISSIONS, purge_form_submissions


class Command(BaseCommand):
    help = (
        "Delete one-time form tokens (FormSubmission rows) older than a day. Run it from cron, "
        "or run `celery -A collab beat`, which sends it every hour."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-hours",
            type=int,
            default=int(KEEP_SUBMISSIONS.total_seconds() // 3600),
            help="Delete tokens older than this many hours (default 24; at least 1).",
        )

    def handle(self, *args, older_than_hours: int, **options):
        # Never less than an hour: younger claims still guard against a double submit.
        hours = max(older_than_hours, 1)
        deleted = purge_form_submissions(older_than=datetime.timedelta(hours=hours))
        self.stdout.write(f"{deleted} form tokens older than {hours} hours deleted")
