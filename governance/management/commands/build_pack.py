"""python manage.py build_pack INITIATIVE --output FILE.pdf: the worker's pack, built here and now."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from governance.packs.services import pack_build_to_file
from initiatives.models import Initiative


class Command(BaseCommand):
    help = "Build an initiative's governance pack synchronously, with the same code the Celery task runs."

    def add_arguments(self, parser):
        parser.add_argument("initiative", help="The initiative's id or slug.")
        parser.add_argument("--output", required=True, type=Path, help="Where to write the PDF.")
        parser.add_argument(
            "--annex", action="store_true", help="Also print the complete registers in an annex at the end."
        )

    def handle(self, *args, initiative: str, output: Path, annex: bool = False, **options):
        # Scripts run with full access, like an administrator, so no visible_to() scope here.
        found = Initiative.objects.filter(slug=initiative).first()
        if found is None and initiative.isdigit():
            found = Initiative.objects.filter(pk=int(initiative)).first()
        if found is None:
            self.stderr.write(f"No initiative with the id or slug {initiative!r}")
            sys.exit(2)
        if output.is_dir():
            self.stderr.write(f"--output names a folder, not a file: {output}")
            sys.exit(2)
        if not output.parent.is_dir():
            self.stderr.write(f"The folder for --output does not exist: {output.parent}")
            sys.exit(2)
        rendered = pack_build_to_file(initiative=found, output=output, annex=annex)
        self.stdout.write(
            f"Wrote {output} ({rendered.page_count} pages, {len(rendered.pdf):,} bytes) for {found.title}"
        )
