"""Demonstration data definitions and data sharing agreements, written through the services.

Registered in seed_demo's FURTHER_SEEDERS; only the initiatives the seed has just created are
touched, so seeding twice adds nothing. The registers of every copy made by --scale are written
by the first copy's people.
"""

from __future__ import annotations

from governance.glossary.models import DataDefinition, DataSharingAgreement
from governance.glossary.services import agreement_create, definition_create
from initiatives.demo.story import in_days
from initiatives.demo.world import DemoWorld
from initiatives.models import Initiative


def seed_glossary(world: DemoWorld) -> None:
    for new in world.created:
        for definition in new.story.definitions:
            _definition_create(world, new.initiative, **definition)
        for agreement in new.story.agreements:
            _agreement_create(world, new.initiative, **agreement)


def _definition_create(
    world: DemoWorld,
    initiative: Initiative,
    *,
    by: str,
    term: str,
    meanings: dict[str, str],
    agreed_meaning: str = "",
    master_body: str = "",
    standard: str = "",
    status: str = DataDefinition.Status.PROPOSED,
) -> None:
    """`meanings` is each body's current meaning, by the body's short name."""
    definition_create(
        initiative=initiative,
        by=world.people[by],
        term=term,
        meanings={world.bodies[body]: meaning for body, meaning in meanings.items()},
        agreed_meaning=agreed_meaning,
        master_body=world.bodies[master_body] if master_body else None,
        standard=standard,
        status=DataDefinition.Status(status),
    )


def _agreement_create(
    world: DemoWorld,
    initiative: Initiative,
    *,
    by: str,
    title: str,
    parties: tuple[str, ...],
    legal_gateway: str,
    dpia_status: str,
    dpia_reviewer: str,
    retention_period: str,
    review_in_days: int,
) -> None:
    agreement_create(
        initiative=initiative,
        by=world.people[by],
        title=title,
        parties=[world.bodies[body] for body in parties],
        legal_gateway=legal_gateway,
        dpia_status=DataSharingAgreement.DpiaStatus(dpia_status),
        dpia_reviewer=dpia_reviewer,
        retention_period=retention_period,
        review_date=in_days(review_in_days),
    )
