"""Demonstration risks, measures, data definitions and a data sharing agreement.

Registered in seed_demo's FURTHER_SEEDERS. Only initiatives the seed has just created are
touched, so running it again adds nothing. Records are written through the services, so
the score history and simple-history trail look as they would in real use.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from governance.glossary.models import DataDefinition
from governance.glossary.services import agreement_create, definition_create
from governance.measures.models import Measure
from governance.measures.services import measure_create, reading_add
from governance.risks.models import Risk, RiskAction
from governance.risks.services import risk_action_add, risk_create, risk_update
from initiatives.demo import DemoWorld
from initiatives.models import Initiative


def _days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def _month_starts(count: int) -> list[datetime.date]:
    """The first day of each of the last `count` months, oldest first."""
    first = timezone.localdate().replace(day=1)
    months = []
    for _ in range(count):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
        months.append(first)
    return list(reversed(months))


def _positions(inherent, current, target) -> dict:
    return {
        "inherent_likelihood": inherent[0],
        "inherent_impact": inherent[1],
        "current_likelihood": current[0],
        "current_impact": current[1],
        "target_likelihood": target[0],
        "target_impact": target[1],
    }


def seed_registers(world: DemoWorld) -> None:
    for initiative in world.created_initiatives:
        slug = initiative.slug
        if slug.startswith("tell-us-once-bereavement"):
            _tell_us_once(initiative, world)
        elif slug.startswith("cost-of-living-support-coordination"):
            _cost_of_living(initiative, world)
        elif slug.startswith("shared-identity-checking-platform"):
            _identity_platform(initiative, world)


def _tell_us_once(initiative: Initiative, world: DemoWorld) -> None:
    bodies, people = world.bodies, world.people
    pm, sro, hmrc, council = (
        people["programme_manager"],
        people["senior_owner"],
        people["partner_member"],
        people["council_member"],
    )
    late = risk_create(
        initiative=initiative,
        by=pm,
        title="Death notifications reach some bodies days late",
        cause="Registrars batch notifications overnight and two partner systems poll them weekly.",
        effect="Payments continue after a death, and families are chased for overpayments.",
        category=Risk.Category.OPERATIONS,
        owner_body=bodies["DWP"],
        owner=pm,
        is_joint=True,
        appetite=Risk.Appetite.MINIMAL,
        treatment=Risk.Treatment.TREAT,
        proximity=Risk.Proximity.IMMINENT,
        escalation_threshold=15,
        review_date=_days(10),
        **_positions((4, 4), (3, 4), (2, 2)),
    )
    # The position worsened when a partner's polling job failed: kept in the score history.
    risk_update(risk=late, by=pm, current_likelihood=4, current_impact=5)
    risk_action_add(
        risk=late,
        by=pm,
        kind=RiskAction.Kind.CONTROL,
        description="Daily reconciliation of notifications sent against notifications acknowledged",
        owner_body=bodies["DWP"],
        owner=pm,
        due_date=_days(7),
    )
    risk_action_add(
        risk=late,
        by=pm,
        kind=RiskAction.Kind.ACTION,
        description="Move HMRC and the council to the real-time notification feed",
        owner_body=bodies["HMRC"],
        owner=hmrc,
        due_date=_days(45),
    )
    mismatch = risk_create(
        initiative=initiative,
        by=hmrc,
        title="Bodies match the deceased to different records",
        cause="Each body matches on its own identifiers; some records lack a National Insurance number.",
        effect="The wrong person's account is closed, or the right one is left open.",
        category=Risk.Category.INFORMATION,
        owner_body=bodies["HMRC"],
        owner=hmrc,
        is_joint=True,
        appetite=Risk.Appetite.AVERSE,
        treatment=Risk.Treatment.TREAT,
        proximity=Risk.Proximity.NEAR,
        escalation_threshold=15,
        # Last reviewed too long ago: flagged as overdue.
        review_date=_days(-12),
        **_positions((4, 4), (3, 4), (1, 3)),
    )
    risk_action_add(
        risk=mismatch,
        by=hmrc,
        kind=RiskAction.Kind.ACTION,
        description="Agree a shared matching rule on NINO, name and date of birth",
        owner_body=bodies["HMRC"],
        owner=hmrc,
        due_date=_days(30),
    )
    risk_create(
        initiative=initiative,
        by=pm,
        title="Families are asked for the same details twice",
        cause="Partner bodies do not yet trust the shared notification and write to the family themselves.",
        effect="Bereaved families repeat distressing conversations; the service loses their confidence.",
        category=Risk.Category.REPUTATIONAL,
        is_joint=True,
        appetite=Risk.Appetite.CAUTIOUS,
        treatment=Risk.Treatment.TREAT,
        review_date=_days(20),
        **_positions((4, 3), (3, 3), (1, 2)),
    )
    risk_create(
        initiative=initiative,
        by=council,
        title="Council registration system cannot send the new notification format",
        cause="The supplier's next release is not due until the spring.",
        effect="Manchester notifications fall back to paper for another quarter.",
        category=Risk.Category.TECHNOLOGY,
        owner_body=bodies["MCC"],
        owner=council,
        appetite=Risk.Appetite.OPEN,
        treatment=Risk.Treatment.TOLERATE,
        proximity=Risk.Proximity.NEAR,
        review_date=None,
        **_positions((3, 3), (3, 3), (2, 3)),
    )
    risk_create(
        initiative=initiative,
        by=sro,
        title="Funding for the notification service ends before every partner has joined",
        category=Risk.Category.FINANCIAL,
        owner_body=bodies["DWP"],
        owner=sro,
        appetite=Risk.Appetite.CAUTIOUS,
        treatment=Risk.Treatment.TREAT,
        proximity=Risk.Proximity.DISTANT,
        review_date=None,
        **_positions((3, 4), (2, 4), (1, 4)),
    )
    risk_create(
        initiative=initiative,
        by=pm,
        title="Paper notification forms still posted by some registrars",
        category=Risk.Category.OPERATIONS,
        owner_body=bodies["DWP"],
        owner=pm,
        appetite=Risk.Appetite.MINIMAL,
        treatment=Risk.Treatment.TERMINATE,
        status=Risk.Status.CLOSED,
        review_date=_days(80),
        **_positions((3, 3), (1, 2), (1, 1)),
    )

    months = _month_starts(12)
    days = measure_create(
        initiative=initiative,
        by=pm,
        name="Days from death registration to all bodies notified",
        definition=(
            "Median working days from the registrar recording a death to the last participating body "
            "confirming it has acted, for deaths registered in the month."
        ),
        unit="working days",
        direction=Measure.Direction.LOWER_IS_BETTER,
        baseline=Decimal("21"),
        baseline_date=months[0],
        target=Decimal("10"),
        target_date=_days(180),
        data_source="Tell Us Once service management information",
        owner_body=bodies["DWP"],
        frequency=Measure.Frequency.MONTHLY,
        investing_body=bodies["DWP"],
        benefiting_bodies=[bodies["HMRC"], bodies["MCC"], bodies["HMPO"]],
        benefit_type=Measure.BenefitType.NON_CASH_RELEASING,
        agreed_before_start=True,
        agreed_on=months[0] - datetime.timedelta(days=20),
    )
    for month, value in zip(months, [21, 20, 20, 19, 18, 18, 17, 16, 16, 15, 14, 14], strict=True):
        reading_add(measure=days, by=pm, taken_on=month, value=Decimal(value))
    repeats = measure_create(
        initiative=initiative,
        by=hmrc,
        name="Repeat contacts from bereaved families",
        definition="Contacts per bereavement made to any partner body about something already reported once.",
        unit="contacts per bereavement",
        direction=Measure.Direction.LOWER_IS_BETTER,
        baseline=Decimal("3.4"),
        baseline_date=months[0],
        target=Decimal("1.5"),
        target_date=_days(180),
        data_source="Partner contact centre records, sampled monthly",
        owner_body=bodies["HMRC"],
        frequency=Measure.Frequency.MONTHLY,
        benefit_type=Measure.BenefitType.NOT_AN_EFFICIENCY,
        agreed_before_start=True,
        agreed_on=months[0] - datetime.timedelta(days=20),
    )
    values = ["3.4", "3.3", "3.4", "3.2", "3.1", "3.1", "3.0", "2.9", "2.9", "2.8", "2.7", "2.6"]
    for month, value in zip(months, values, strict=True):
        reading_add(measure=repeats, by=hmrc, taken_on=month, value=Decimal(value))
    recovered = measure_create(
        initiative=initiative,
        by=pm,
        name="Overpayments avoided by earlier notification",
        definition="Benefit and tax credit payments stopped before being paid after a death, per quarter.",
        unit="£ thousand",
        direction=Measure.Direction.HIGHER_IS_BETTER,
        baseline=Decimal("120"),
        target=Decimal("200"),
        data_source="DWP and HMRC payment systems",
        owner_body=bodies["DWP"],
        frequency=Measure.Frequency.QUARTERLY,
        investing_body=bodies["DWP"],
        benefiting_bodies=[bodies["HMRC"]],
        benefit_type=Measure.BenefitType.CASH_RELEASING,
    )
    for month, value in zip(months[2::3], ["126", "141", "150", "162"], strict=True):
        reading_add(measure=recovered, by=pm, taken_on=month, value=Decimal(value))

    dwp, hmrc_body, mcc = bodies["DWP"], bodies["HMRC"], bodies["MCC"]
    definition_create(
        initiative=initiative,
        by=pm,
        term="customer",
        meanings={
            dwp: "A person who claims or receives a benefit.",
            hmrc_body: "A taxpayer, or a tax credits claimant, with an HMRC record.",
            mcc: "Anyone who contacts the register office, including the informant.",
        },
    )
    definition_create(
        initiative=initiative,
        by=pm,
        term="case",
        meanings={
            dwp: "One bereavement, from the first notification until every body has acted.",
            hmrc_body: "One bereavement, from the first notification until every body has acted",
        },
        agreed_meaning="One bereavement, from the first notification until every partner body has acted.",
        master_body=dwp,
        standard="Tell Us Once case reference (TUO followed by 8 digits)",
        status=DataDefinition.Status.AGREED,
    )
    definition_create(
        initiative=initiative,
        by=council,
        term="date of death notification",
        meanings={
            dwp: "The date the registrar records the death.",
            mcc: "The date the informant attends the register office.",
            hmrc_body: "The date HMRC receives the Tell Us Once message.",
        },
        status=DataDefinition.Status.DISPUTED,
        standard="ISO 8601 date",
    )
    definition_create(
        initiative=initiative,
        by=pm,
        term="National Insurance number",
        meanings={dwp: "The person's NINO as held on the Customer Information System."},
        agreed_meaning="The NINO held on DWP's Customer Information System for the deceased.",
        master_body=dwp,
        standard="NINO: two letters, six digits, one letter A to D",
        status=DataDefinition.Status.AGREED,
    )
    agreement_create(
        initiative=initiative,
        by=pm,
        title="Tell Us Once death notification sharing",
        parties=[dwp, hmrc_body, mcc, bodies["HMPO"]],
        legal_gateway=(
            "UK GDPR article 6(1)(e), public task; Digital Economy Act 2017, section 35, for sharing "
            "between the specified public authorities; the informant's agreement for onward sharing."
        ),
        dpia_status="in_progress",
        dpia_reviewer="DWP Data Protection Officer",
        retention_period="Two years after the last partner has acted on the case",
        review_date=_days(300),
    )


def _cost_of_living(initiative: Initiative, world: DemoWorld) -> None:
    bodies, people = world.bodies, world.people
    pm = people["co_programme_manager"]
    risk_create(
        initiative=initiative,
        by=pm,
        title="Households hear about schemes they do not qualify for",
        category=Risk.Category.REPUTATIONAL,
        owner_body=bodies["CO"],
        owner=pm,
        is_joint=True,
        appetite=Risk.Appetite.CAUTIOUS,
        treatment=Risk.Treatment.TREAT,
        review_date=None,
        **_positions((4, 3), (3, 3), (2, 2)),
    )
    risk_create(
        initiative=initiative,
        by=pm,
        title="Council advice lines overwhelmed after the winter announcement",
        category=Risk.Category.OPERATIONS,
        owner_body=bodies["MCC"],
        is_joint=False,
        appetite=Risk.Appetite.OPEN,
        treatment=Risk.Treatment.TOLERATE,
        review_date=None,
        **_positions((3, 4), (3, 4), (2, 3)),
    )
    measure_create(
        initiative=initiative,
        by=pm,
        name="Households told about every scheme in one conversation",
        definition="Share of hardship conversations in which every eligible scheme was mentioned.",
        unit="per cent",
        direction=Measure.Direction.HIGHER_IS_BETTER,
        baseline=Decimal("35"),
        target=Decimal("80"),
        owner_body=bodies["CO"],
    )
    definition_create(
        initiative=initiative,
        by=pm,
        term="household",
        meanings={
            bodies["DWP"]: "A benefit unit: a claimant, their partner and dependent children.",
            bodies["MCC"]: "Everyone living at one address and sharing living costs.",
        },
    )


def _identity_platform(initiative: Initiative, world: DemoWorld) -> None:
    bodies, people = world.bodies, world.people
    pm = people["programme_manager"]
    risk_create(
        initiative=initiative,
        by=pm,
        title="Partner services cannot accept the shared identity assurance level",
        category=Risk.Category.TECHNOLOGY,
        owner_body=bodies["HMPO"],
        is_joint=True,
        appetite=Risk.Appetite.CAUTIOUS,
        treatment=Risk.Treatment.TREAT,
        review_date=None,
        **_positions((4, 4), (4, 3), (2, 3)),
    )
    risk_create(
        initiative=initiative,
        by=pm,
        title="Migration effort underestimated for DWP services",
        category=Risk.Category.PROJECT,
        owner_body=bodies["DWP"],
        owner=pm,
        appetite=Risk.Appetite.CAUTIOUS,
        treatment=Risk.Treatment.TREAT,
        review_date=None,
        **_positions((4, 4), (3, 4), (2, 3)),
    )
    definition_create(
        initiative=initiative,
        by=pm,
        term="verified identity",
        meanings={bodies["HMPO"]: "An identity checked to GPG 45 medium confidence."},
        standard="GPG 45 identity profiles",
    )
