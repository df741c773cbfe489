from django.core.management.base import BaseCommand
from django.db import transaction

from collab.page_benchmark import main_pages, page_costs
from governance.packs.benchmark import LARGE, SMALL, seed_bench_initiative


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Serve each main page of a small and a large initiative (12 bodies, 40 RACI rows, 300 risks, "
        "30 measures, 60 definitions, 100 decisions) and print queries and time per page. "
        "Everything it creates is rolled back."
    )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                small = seed_bench_initiative(SMALL, label="Small")
                large = seed_bench_initiative(LARGE, label="Large")
                manager = large.roles.get(role="programme_manager").user
                small_costs = page_costs(small.roles.get(role="programme_manager").user, main_pages(small))
                large_costs = page_costs(manager, main_pages(large))
                raise Rollback
        except Rollback:
            pass
        self.stdout.write(f"{'page':<18} {'queries small':>14} {'queries large':>14} {'ms large':>9}  status")
        for few, many in zip(small_costs, large_costs, strict=True):
            flag = "" if few.queries == many.queries else "  <- grows with the data"
            self.stdout.write(
                f"{many.label:<18} {few.queries:>14} {many.queries:>14} {many.milliseconds:>9.1f}  "
                f"{many.status}{flag}"
            )
