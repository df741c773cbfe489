"""`python manage.py recommend_model < answers.json`: the recommendation contract on the command line."""

import json
import sys

from django.core.management.base import BaseCommand

from initiatives.recommendation import InvalidAnswers, parse_answers_json, recommend

# Bad input, as argparse and the recommendation contract (README) have it.
USAGE_ERROR = 2


class Command(BaseCommand):
    help = (
        "Read the seven checklist answers as a JSON object on standard input and write the recommended "
        "operating model, with its components, reasons, alternatives and warnings, as JSON on standard "
        "output."
    )
    # A pure function of the input: no database, so no system checks to wait for.
    requires_system_checks = []
    stealth_options = ("stdin",)

    def handle(self, *args, **options):
        stream = options.get("stdin") or sys.stdin
        # Bytes where there are bytes, so the JSON's own encoding (UTF-8) decides, not the locale.
        document = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
        try:
            result = recommend(parse_answers_json(document))
        except InvalidAnswers as refusal:
            # One line naming the key, never a traceback: scripts read this.
            self.stderr.write(str(refusal))
            raise SystemExit(USAGE_ERROR) from None
        self.stdout.write(json.dumps(result, indent=2))
