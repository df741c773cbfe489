"""python manage.py export_initiative SLUG [--output FILE]: an initiative's whole record as JSON."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from governance.export.document import export_document
from initiatives.models import Initiative


class Command(BaseCommand):
    help = "Print an initiative's export document (JSON, described by initiative-export.schema.json)."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The initiative's slug.")
        parser.add_argument("--output", type=Path, help="Write the document to this file, not the output.")

    def handle(self, *args, slug: str, output: Path | None = None, **options):
        # Operators run with full access, like an administrator, so no visible_to() scope here.
        initiative = Initiative.objects.select_related("lead_body", "senior_owner").filter(slug=slug).first()
        if initiative is None:
            raise CommandError(f"No initiative with the slug {slug!r}")
        text = json.dumps(export_document(initiative), indent=2, ensure_ascii=False)
        if output is None:
            self.stdout.write(text)
            return
        try:
            output.write_text(text + "\n", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Could not write {output}: {error.strerror}") from error
        self.stdout.write(f"Wrote {output} for {initiative.title}")
