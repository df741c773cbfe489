import time

from django.core.management.base import BaseCommand

from people.demo import DEMO_TOTP_SECRET, demo_code


class Command(BaseCommand):
    help = f"Print the demo's current two-step verification code (its published key is {DEMO_TOTP_SECRET})."

    def handle(self, *args, **options):
        now = time.time()
        self.stdout.write(f"{demo_code(now)}  (changes in {30 - int(now) % 30} seconds)")
