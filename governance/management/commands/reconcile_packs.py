"""python manage.py reconcile_packs: send again governance packs a lost message or worker left behind."""

from django.core.management.base import BaseCommand

from governance.packs.reconciler import packs_reconcile


class Command(BaseCommand):
    help = (
        "Re-enqueue governance packs stuck in the queue (a lost broker message) or abandoned mid-build "
        "(a lost worker). Run it from cron, or run `celery -A collab beat`, which sends it every minute."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--queued-for",
            type=int,
            default=None,
            help="Seconds a pack may wait in the queue before it is sent again (default PACK_REQUEUE_AFTER).",
        )

    def handle(self, *args, queued_for: int | None, **options):
        result = packs_reconcile(queued_for=queued_for)
        self.stdout.write(str(result))
