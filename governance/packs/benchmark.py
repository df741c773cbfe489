"""A large initiative with every record type, for measuring how a pack scales (bench_pack, scripts/bench;
the measurements are in timing.py).

Written with bulk_create for speed; it writes no history rows, which the pack does not read.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from governance import models as gov
from initiatives.models import Assessment, Body, Initiative, InitiativeRole, Membership, Participation, User
from initiatives.recommendation import recommend


@dataclass(frozen=True)
class BenchSize:
    bodies: int = 12
    raci_rows: int = 40
    risks: int = 300
    measures: int = 30
    readings: int = 24
    definitions: int = 60
    decisions: int = 100


LARGE = BenchSize()
SMALL = BenchSize(bodies=2, raci_rows=2, risks=2, measures=1, readings=2, definitions=2, decisions=2)

CAUSES = [
    "Partner bodies hold different records of the same death",
    "Registration offices send notifications on paper",
    "The identity service is not yet assured to the required level",
    "Funding for the second year is not yet agreed",
]
EFFECTS = [
    "Families are contacted more than once and lose trust",
    "Benefits are overpaid and must be recovered",
    "The service misses its launch date",
    "Partners fall back on their own processes",
]


def seed_bench_initiative(size: BenchSize = LARGE, *, label: str = "Benchmark", seed: int = 6) -> Initiative:
    """Create one initiative holding `size` records of each kind; returns it. Names carry `label`."""
    rng = random.Random(seed)
    today = timezone.localdate()
    token = f"{label} {timezone.now():%H%M%S%f}"
    bodies, people = _seed_cast(size, token)
    manager, owner, reviewer = people[0], people[1], people[-1]
    initiative = _seed_initiative(label, token, bodies, manager=manager, owner=owner, reviewer=reviewer)
    _seed_assessment(initiative, size, manager)
    _seed_forums(initiative, bodies, people)
    rows = _seed_raci(initiative, bodies, people, size, rng)
    _seed_risks(initiative, bodies, people, size, rng, today)
    _seed_measures(initiative, bodies, size, rng, today)
    _seed_definitions(initiative, bodies, size, rng)
    _seed_decisions(initiative, rows, people, size, rng)
    _seed_reviews(initiative, bodies, reviewer, today)
    return initiative


def _seed_cast(size: BenchSize, token: str) -> tuple[list[Body], list[User]]:
    """`size.bodies` bodies and two more people than bodies, each a member of one body."""
    bodies = Body.objects.bulk_create(
        Body(
            name=f"{token} body {n:02d}",
            short_name=f"B{n:02d}-{token[-8:]}",
            kind=Body.Kind.MINISTERIAL_DEPARTMENT,
        )
        for n in range(1, size.bodies + 1)
    )
    people = User.objects.bulk_create(
        User(
            email=f"person{n}.{token.replace(' ', '-').lower()}@bench.example", full_name=f"Bench Person {n}"
        )
        for n in range(1, size.bodies + 3)
    )
    Membership.objects.bulk_create(
        Membership(user=people[n], body=bodies[n % len(bodies)]) for n in range(len(people))
    )
    return bodies, people


def _seed_initiative(
    label: str, token: str, bodies: list[Body], *, manager: User, owner: User, reviewer: User
) -> Initiative:
    """The initiative, led by the first body with every other as a partner, and its team."""
    initiative = Initiative.objects.create(
        title=f"{label} initiative with every record",
        slug=f"bench-{token.replace(' ', '-').lower()}"[:80],
        outcome_statement="Citizens tell government once and every body acts within 10 days.",
        value_areas=["operational_delivery", "data_sharing"],
        lead_body=bodies[0],
        status=Initiative.Status.ACTIVE,
        senior_owner=owner,
        senior_owner_decision_rights=[
            "Approve changes to scope within budget",
            "Agree the order partners join",
        ],
        operating_model="joint_programme_board",
        created_by=manager,
    )
    Participation.objects.bulk_create(
        Participation(
            initiative=initiative,
            body=body,
            role="lead" if n == 0 else "partner",
            stop_doing=[f"Stop running a separate process {n}"] if n % 3 else [],
        )
        for n, body in enumerate(bodies)
    )
    InitiativeRole.objects.bulk_create(
        [
            InitiativeRole(initiative=initiative, user=manager, role=InitiativeRole.Role.PROGRAMME_MANAGER),
            InitiativeRole(initiative=initiative, user=reviewer, role=InitiativeRole.Role.ASSURANCE_REVIEWER),
        ]
    )
    return initiative


def _seed_assessment(initiative: Initiative, size: BenchSize, manager: User) -> None:
    answers = {
        "single_owner": "no",
        "decisions": "joint",
        "budget": "pooled",
        "data": "definitions",
        "operations": "handoffs",
        "crisis": False,
        "bodies": size.bodies,
    }
    result = recommend(answers)
    Assessment.objects.create(
        initiative=initiative,
        number=1,
        answers=answers,
        result=result,
        recommended_model=result["model"],
        chosen_model=result["model"],
        created_by=manager,
    )


def _seed_forums(initiative, bodies, people) -> None:
    forums = gov.Forum.objects.bulk_create(
        gov.Forum(initiative=initiative, name=name, purpose=purpose, chair=people[1], cadence=cadence)
        for name, purpose, cadence in [
            ("Programme board", "decisions", "monthly"),
            ("Delivery group", "delivery", "fortnightly"),
            ("Risk panel", "risk", "monthly"),
        ]
    )
    for forum in forums:
        forum.member_bodies.set(bodies[:4])
    gov.EscalationLevel.objects.bulk_create(
        gov.EscalationLevel(
            initiative=initiative,
            level=level,
            name=name,
            who=who,
            forum=forum,
            threshold="A risk scoring above its threshold for two reviews running",
        )
        for level, name, who, forum in [
            (1, "Delivery group", "Programme manager", forums[1]),
            (2, "Programme board", "Senior accountable owner", forums[0]),
            (3, "Departmental boards", "Permanent secretaries", None),
        ]
    )


def _seed_raci(initiative, bodies, people, size, rng) -> list:
    columns = gov.RaciColumn.objects.bulk_create(
        gov.RaciColumn(initiative=initiative, body=body, holder=people[n], position=n)
        for n, body in enumerate(bodies)
    )
    rows = gov.RaciRow.objects.bulk_create(
        gov.RaciRow(
            initiative=initiative,
            activity=f"{'Approve' if n % 4 == 0 else 'Deliver'} workstream {n + 1}",
            kind="decision" if n % 4 == 0 else "activity",
            position=n,
        )
        for n in range(size.raci_rows)
    )
    cells = []
    for row in rows:
        accountable, responsible = rng.sample(range(len(columns)), 2) if len(columns) > 1 else (0, 0)
        for index, column in enumerate(columns):
            value = (
                "A" if index == accountable else "R" if index == responsible else rng.choice(["C", "I", ""])
            )
            if value:
                cells.append(gov.RaciCell(row=row, column=column, value=value))
    gov.RaciCell.objects.bulk_create(cells)
    return rows


def _seed_risks(initiative, bodies, people, size, rng, today) -> None:
    risks = gov.Risk.objects.bulk_create(
        gov.Risk(
            initiative=initiative,
            number=n,
            title=f"Risk {n}: {rng.choice(CAUSES).lower()}",
            cause=rng.choice(CAUSES),
            effect=rng.choice(EFFECTS),
            category=rng.choice(gov.Risk.Category.values),
            owner_body=bodies[n % len(bodies)],
            # Someone in the owner body, as the risk forms and the import insist.
            owner=people[n % len(bodies)] if n % 7 else None,
            is_joint=n % 2 == 0,
            inherent_likelihood=rng.randint(3, 5),
            inherent_impact=rng.randint(3, 5),
            current_likelihood=rng.randint(1, 5),
            current_impact=rng.randint(1, 5),
            target_likelihood=rng.randint(1, 2),
            target_impact=rng.randint(1, 3),
            appetite=rng.choice(gov.Risk.Appetite.values),
            treatment=rng.choice(gov.Risk.Treatment.values),
            proximity=rng.choice(gov.Risk.Proximity.values),
            escalation_threshold=15,
            review_date=today + datetime.timedelta(days=rng.randint(-20, 90)),
            status="closed" if n % 25 == 0 else "open",
            created_by=people[0],
        )
        for n in range(1, size.risks + 1)
    )
    gov.RiskAction.objects.bulk_create(
        gov.RiskAction(
            risk=risk,
            kind="action",
            description="Agree a single notification format with every partner",
            owner=people[0],
            due_date=today + datetime.timedelta(days=30),
        )
        for risk in risks
    )


def _seed_measures(initiative, bodies, size, rng, today) -> None:
    measures = gov.Measure.objects.bulk_create(
        gov.Measure(
            initiative=initiative,
            name=f"Measure {n:02d}: end-to-end journey time",
            definition="Working days from the first report of a death to the last body acting on it.",
            unit="days",
            baseline=Decimal("42"),
            target=Decimal("10"),
            direction="lower",
            data_source="Partner case systems",
            owner_body=bodies[n % len(bodies)],
            investing_body=bodies[0],
            agreed_before_start=n % 2 == 0,
        )
        for n in range(1, size.measures + 1)
    )
    for measure in measures:
        measure.benefiting_bodies.set(bodies[1:3])
    gov.MeasureReading.objects.bulk_create(
        gov.MeasureReading(
            measure=measure,
            taken_on=today - datetime.timedelta(days=30 * (size.readings - month)),
            value=Decimal(max(5, 42 - month * rng.randint(1, 2))),
        )
        for measure in measures
        for month in range(size.readings)
    )


def _seed_definitions(initiative, bodies, size, rng) -> None:
    definitions = gov.DataDefinition.objects.bulk_create(
        gov.DataDefinition(
            initiative=initiative,
            term=f"Term {n:02d}",
            agreed_meaning="" if n % 3 == 0 else "A person whose death has been registered in the UK",
            master_body=bodies[n % len(bodies)],
            standard="ISO 8601 dates; NINO as identifier",
            status=["disputed", "agreed", "proposed"][n % 3],
        )
        for n in range(1, size.definitions + 1)
    )
    gov.BodyMeaning.objects.bulk_create(
        gov.BodyMeaning(definition=definition, body=body, meaning=f"As {body.short_name} records it")
        for definition in definitions
        for body in bodies[:2]
    )
    agreement = gov.DataSharingAgreement.objects.create(
        initiative=initiative,
        title="Death notification data sharing agreement",
        legal_gateway="Digital Economy Act 2017, section 35",
        dpia_status="completed",
        retention_period="6 years",
        review_date=timezone.localdate() + datetime.timedelta(days=365),
    )
    agreement.parties.set(bodies[:3])


def _seed_decisions(initiative, rows, people, size, rng) -> None:
    statuses = ["approved", "rejected", "deferred", "submitted", "draft"]
    decisions = gov.Decision.objects.bulk_create(
        gov.Decision(
            initiative=initiative,
            number=n,
            title=f"Decision {n}: agree the approach to workstream {n}",
            context="Partners need one approach so families are contacted once.",
            options="Do nothing\nAdopt the lead body's process\nDesign a shared process",
            recommendation="Design a shared process, owned by the lead body.",
            raci_row=rows[n % len(rows)] if rows else None,
            decider=people[1],
            status=statuses[n % len(statuses)],
            created_by=people[0],
        )
        for n in range(1, size.decisions + 1)
    )
    steps = []
    for decision in decisions:
        steps.append(
            gov.DecisionTransition(
                decision=decision, from_status="draft", to_status="submitted", by=people[0]
            )
        )
        if decision.status not in ("draft", "submitted"):
            steps.append(
                gov.DecisionTransition(
                    decision=decision,
                    from_status="submitted",
                    to_status=decision.status,
                    by=people[1],
                    comment="Agreed at the programme board.",
                )
            )
    gov.DecisionTransition.objects.bulk_create(steps)


def _seed_reviews(initiative, bodies, reviewer, today) -> None:
    review = gov.AssuranceReview.objects.create(
        initiative=initiative,
        review_type="health_check",
        review_date=today - datetime.timedelta(days=14),
        reviewer=reviewer,
        findings="Governance is clear; data definitions lag behind delivery.",
        confidence="amber",
    )
    gov.Recommendation.objects.bulk_create(
        gov.Recommendation(
            review=review,
            text=f"Agree the disputed definitions, part {n}",
            owner_body=bodies[n % len(bodies)],
            due_date=today + datetime.timedelta(days=30 * n),
        )
        for n in range(1, 4)
    )
