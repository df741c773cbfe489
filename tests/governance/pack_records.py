"""Governance records for the world's initiative, with names the pack tests look for."""

import datetime
from decimal import Decimal

from django.utils import timezone

from governance import models as gov
from initiatives.models import Initiative
from tests.governance.register_factories import scores


def fill_initiative(world, *, text: str = "") -> Initiative:
    """One or two of every record type. `text` is appended to every free-text field (for hostile input)."""
    initiative = world.initiative
    today = timezone.localdate()
    lead, partner = world.lead_body, world.partner_body
    initiative.classification = Initiative.Classification.OFFICIAL_SENSITIVE
    initiative.outcome_statement += text
    initiative.save()
    participation = initiative.participations.get(body=partner)
    participation.stop_doing = [f"Stop running a separate bereavement line{text}"]
    participation.save()
    board = gov.Forum.objects.create(
        initiative=initiative,
        name="Programme board",
        purpose="decisions",
        cadence="monthly",
        terms_of_reference=f"Takes the decisions the partners share{text}",
    )
    board.member_bodies.set([lead, partner])
    gov.EscalationLevel.objects.create(
        initiative=initiative,
        level=1,
        name="Programme board",
        who="Senior owner",
        threshold=f"Score above 15{text}",
    )
    column_lead = gov.RaciColumn.objects.create(initiative=initiative, body=lead, holder=world.senior_owner)
    column_partner = gov.RaciColumn.objects.create(initiative=initiative, body=partner, position=1)
    row = gov.RaciRow.objects.create(
        initiative=initiative, activity=f"Approve the business case{text}", kind="decision"
    )
    gov.RaciCell.objects.create(row=row, column=column_lead, value="A")
    gov.RaciCell.objects.create(row=row, column=column_partner, value="R")
    top = gov.Risk.objects.create(
        initiative=initiative,
        number=1,
        title="Partners hold different records of the same death",
        cause=f"Each body keeps its own register{text}",
        effect="Families are contacted more than once",
        category="information",
        owner_body=lead,
        owner=world.programme_manager,
        is_joint=True,
        **scores(inherent=(5, 5), current=(4, 5), target=(2, 2)),
        appetite="cautious",
        treatment="treat",
        review_date=today + datetime.timedelta(days=14),
    )
    gov.RiskAction.objects.create(
        risk=top,
        kind="action",
        description=f"Agree one death record format{text}",
        owner=world.programme_manager,
    )
    gov.Risk.objects.create(
        initiative=initiative,
        number=2,
        title="Council notification route is slow",
        category="operations",
        owner_body=partner,
        **scores(inherent=(3, 2), current=(2, 2), target=(1, 1)),
        appetite="open",
        treatment="tolerate",
        review_date=today - datetime.timedelta(days=3),
    )
    measure = gov.Measure.objects.create(
        initiative=initiative,
        name=f"End-to-end journey time{text}",
        definition="Working days from the first report of a death to the last body acting on it.",
        unit="days",
        baseline=Decimal("42"),
        target=Decimal("10"),
        direction="lower",
        owner_body=lead,
        agreed_before_start=True,
    )
    for months_ago, value in [(3, "40"), (2, "31"), (1, "24")]:
        gov.MeasureReading.objects.create(
            measure=measure, taken_on=today - datetime.timedelta(days=30 * months_ago), value=Decimal(value)
        )
    disputed = gov.DataDefinition.objects.create(
        initiative=initiative, term="Date of death notification", status="disputed", master_body=lead
    )
    gov.BodyMeaning.objects.create(
        definition=disputed, body=lead, meaning=f"The date the registrar told us{text}"
    )
    gov.BodyMeaning.objects.create(definition=disputed, body=partner, meaning="The date the family called")
    gov.DataDefinition.objects.create(
        initiative=initiative,
        term="Customer",
        status="agreed",
        agreed_meaning="The person who reports the death",
    )
    decision = gov.Decision.objects.create(
        initiative=initiative,
        number=1,
        title="Adopt one notification format",
        context=f"Partners send notifications in four formats{text}",
        options="Keep four formats\nAdopt one format",
        recommendation="Adopt one format",
        status="approved",
        decider=world.senior_owner,
        created_by=world.programme_manager,
    )
    gov.DecisionTransition.objects.create(
        decision=decision, from_status="draft", to_status="submitted", by=world.programme_manager
    )
    gov.DecisionTransition.objects.create(
        decision=decision,
        from_status="submitted",
        to_status="approved",
        by=world.senior_owner,
        comment=f"Agreed at the March board{text}",
    )
    review = gov.AssuranceReview.objects.create(
        initiative=initiative,
        review_type="health_check",
        review_date=today - datetime.timedelta(days=10),
        reviewer=world.assurance_reviewer,
        findings=f"Ownership is clear; definitions lag behind delivery.{text}",
        confidence="amber",
    )
    gov.Recommendation.objects.create(
        review=review,
        text=f"Agree the disputed definitions{text}",
        owner_body=partner,
        due_date=today + datetime.timedelta(days=30),
    )
    return initiative
