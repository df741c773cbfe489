"""Varied initiatives for the figure-consistency test, generated from a seeded random source.

Each initiative gets a random mix of what makes figures differ: bodies with and without a
"stop doing" commitment, forums and escalation levels, RACI rows, open, draft and closed risks
(owned or not, above threshold or not, reviews past or not), measures meeting, missing and
without readings, terms agreed, proposed and disputed, agreements signed or not with or without
a completed DPIA, and decisions in every state. The same seed gives the same initiatives.
"""

from __future__ import annotations

import dataclasses
import datetime
import random
from decimal import Decimal

from governance.checklist.items import ChecklistItem
from governance.raci import services as raci_services
from governance.risks.services import risks_add_from_checklist
from initiatives.models import Initiative
from tests.factories import InitiativeFactory, InitiativeRoleFactory, ParticipationFactory
from tests.governance.factories import ForumFactory, decision_in
from tests.governance.register_factories import (
    BodyMeaningFactory,
    DataDefinitionFactory,
    DataSharingAgreementFactory,
    EscalationLevelFactory,
    MeasureFactory,
    MeasureReadingFactory,
    RiskFactory,
)

DECISION_STATES = ["draft", "submitted", "approved", "rejected", "deferred"]


def varied_initiatives(world, count: int, seed: int) -> list[Initiative]:
    rng = random.Random(seed)
    return [varied_initiative(world, rng, n) for n in range(count)]


def varied_initiative(world, rng: random.Random, n: int) -> Initiative:
    initiative = InitiativeFactory(
        title=f"Varied initiative {n}",
        lead_body=world.lead_body,
        senior_owner=world.senior_owner if rng.random() < 0.8 else None,
        senior_owner_decision_rights=["Approve scope"] if rng.random() < 0.7 else [],
        status=rng.choice(["draft", "active"]),
    )
    InitiativeRoleFactory(initiative=initiative, user=world.programme_manager)
    there = dataclasses.replace(world, initiative=initiative)
    _bodies(there, rng)
    _forums_and_raci(there, rng)
    _risks(there, rng)
    _measures(there, rng)
    _terms_and_agreements(there, rng)
    if initiative.senior_owner_id:
        for state in rng.sample(DECISION_STATES, rng.randint(0, 4)):
            decision_in(there, state, title=f"Decision {state}")
    return initiative


def _bodies(world, rng: random.Random) -> None:
    for body in (world.partner_body, world.unrelated_body):
        if rng.random() < 0.6:
            ParticipationFactory(
                initiative=world.initiative,
                body=body,
                stop_doing=["Run a helpline"] if rng.random() < 0.5 else [],
            )
    if rng.random() < 0.5:
        world.initiative.participations.filter(body=world.lead_body).update(stop_doing=["Post letters"])


def _forums_and_raci(world, rng: random.Random) -> None:
    for _ in range(rng.randint(0, 3)):
        ForumFactory(initiative=world.initiative, purpose=rng.choice(["decisions", "delivery", "risk"]))
    for level in range(1, rng.randint(1, 3)):
        EscalationLevelFactory(initiative=world.initiative, level=level)
    for n in range(rng.randint(0, 2)):
        raci_services.raci_row_add(
            initiative=world.initiative, activity=f"Activity {n}", kind="activity", by=world.programme_manager
        )


def _risks(world, rng: random.Random) -> None:
    today = datetime.date.today()
    drafts = [ChecklistItem(f"Draft risk {n}") for n in range(rng.randint(0, 2))]
    risks_add_from_checklist(initiative=world.initiative, items=drafts, by=world.programme_manager)
    for n in range(rng.randint(0, 5)):
        owned = rng.random() < 0.6
        RiskFactory(
            initiative=world.initiative,
            number=100 + n,
            status=rng.choice(["open", "open", "closed"]),
            current_likelihood=rng.randint(1, 5),
            current_impact=rng.randint(1, 5),
            owner=world.senior_owner if owned else None,
            owner_body=world.lead_body if owned else None,
            review_date=today + datetime.timedelta(days=rng.randint(-30, 60)),
        )


def _measures(world, rng: random.Random) -> None:
    for n in range(rng.randint(0, 3)):
        measure = MeasureFactory(
            initiative=world.initiative,
            name=f"Measure {n}",
            agreed_before_start=rng.random() < 0.5,
            direction=rng.choice(["lower", "higher", ""]),
        )
        for month in range(rng.randint(0, 3)):
            MeasureReadingFactory(
                measure=measure,
                taken_on=datetime.date(2026, month + 1, 1),
                value=Decimal(rng.randint(5, 25)),
            )


def _terms_and_agreements(world, rng: random.Random) -> None:
    for n in range(rng.randint(0, 4)):
        term = DataDefinitionFactory(
            initiative=world.initiative,
            term=f"term {n}",
            status=rng.choice(["proposed", "agreed", "disputed"]),
        )
        for body in rng.sample([world.lead_body, world.partner_body], rng.randint(0, 2)):
            BodyMeaningFactory(definition=term, body=body, meaning=rng.choice(["A claimant", "A taxpayer"]))
    for n in range(rng.randint(0, 2)):
        DataSharingAgreementFactory(
            initiative=world.initiative,
            title=f"Agreement {n}",
            dpia_status=rng.choice(["not_started", "completed"]),
            signed_on=datetime.date(2026, 1, 5) if rng.random() < 0.5 else None,
        )
