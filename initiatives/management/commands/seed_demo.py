from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from initiatives.demo.world import seed_people_and_initiatives

# Each domain adds the records it owns to the initiatives the seed has just created, from
# their stories' data, in this order (decisions use the RACI rows and escalation route).
# A seeder takes the DemoWorld and must only touch world.created, so that running the
# command twice never duplicates anything.
FURTHER_SEEDERS: list[str] = [
    "initiatives.demo.assessments.seed_assessments",
    "governance.raci.demo.seed_raci",
    "governance.forums.demo.seed_forums",
    "governance.decisions.demo.seed_decisions",
    "governance.risks.demo.seed_risks",
    "governance.measures.demo.seed_measures",
    "governance.glossary.demo.seed_glossary",
    # After the glossary: a draft decision proposes agreeing one of its terms.
    "governance.decisions.changes.demo.seed_decision_changes",
    "governance.assurance.demo.seed_assurance",
    "initiatives.portfolio_offices.demo.seed_portfolio_offices",
    # Last: who needs two-step verification depends on the roles the seeders above gave.
    "people.demo.seed_sign_in",
]


class Command(BaseCommand):
    help = "Load demonstration bodies, users for every role and initiatives at different stages."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=1, help="Make N times more of everything, for performance work."
        )

    def handle(self, *args, scale: int, **options):
        if scale < 1:
            raise CommandError("--scale must be 1 or more")
        from django.utils.module_loading import import_string

        with transaction.atomic():
            world = seed_people_and_initiatives(scale)
            for path in FURTHER_SEEDERS:
                import_string(path)(world)
        self.stdout.write(
            f"Demo data ready: {len(world.bodies)} bodies, {len(world.initiatives)} initiatives "
            f"({len(world.created_initiatives)} new).\n\nDemo logins (password for all: "
            f"{world.logins[0][2]}):"
        )
        for role, email, _password in world.logins:
            self.stdout.write(f"  {role:<36} {email}")
        for note in world.notes:
            self.stdout.write(f"\n{note}")
