"""python manage.py bench_pack: how long a large governance pack takes, and how many queries it needs."""

import sys
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from governance.packs.benchmark import LARGE, SMALL, seed_bench_initiative
from governance.packs.content import content_fingerprint, gather_pack_content
from governance.packs.rendering import build_pack_pdf


class Command(BaseCommand):
    help = (
        "Seed a large initiative (12 bodies, 40 RACI rows, 300 risks, 30 measures x 24 readings, "
        "60 definitions, 100 decisions) in a transaction that is rolled back, and time its pack."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Also keep the PDF here.")

    def handle(self, *args, output: str | None = None, **options):
        with transaction.atomic():
            small_queries, _ = self._gather(seed_bench_initiative(SMALL, label="Small benchmark"))
            started = time.perf_counter()
            initiative = seed_bench_initiative(LARGE)
            seeded = time.perf_counter() - started
            large_queries, (content, gather_seconds) = self._gather(initiative)
            rendered = build_pack_pdf(
                content,
                version_label="1",
                generated_at=timezone.now(),
                fingerprint=content_fingerprint(content),
            )
            transaction.set_rollback(True)
        if output:
            with open(output, "wb") as file:
                file.write(rendered.pdf)
        self.stdout.write(
            "\n".join(
                [
                    f"Seeded the large initiative in {seeded:.2f} s (rolled back afterwards)",
                    f"Gather:  {gather_seconds:.3f} s, {large_queries} queries "
                    f"(a small initiative needs {small_queries})",
                    f"Layout:  {rendered.layout_seconds:.2f} s (WeasyPrint lays out the pages)",
                    f"Write:   {rendered.write_seconds:.2f} s (WeasyPrint writes the tagged PDF)",
                    f"Pages:   {rendered.page_count}",
                    f"Size:    {len(rendered.pdf):,} bytes",
                ]
            )
        )
        if small_queries != large_queries:
            self.stderr.write("The number of queries grows with the records: look for a query per record.")
            sys.exit(1)

    def _gather(self, initiative):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            content = gather_pack_content(initiative.pk)
            seconds = time.perf_counter() - started
        return len(queries), (content, seconds)
