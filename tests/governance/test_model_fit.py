"""Model fit: the chosen model against what is recorded, as tables; then the gatherer and the panel."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.decisions.models import Decision
from governance.health.facts import initiative_health
from governance.health.gathering import gather_health_facts
from governance.health.model_fit import ModelFitFacts, gather_model_fit_facts, model_fit
from governance.models import Forum, RaciCell, RaciColumn, RaciRow
from tests.factories import BOARD, DATA, LEAD, LIGHT, SHARED, BodyFactory, ParticipationFactory
from tests.governance.register_factories import AssessmentFactory, DataSharingAgreementFactory


@pytest.mark.parametrize(
    ("facts", "detail"),
    [
        (
            ModelFitFacts(model=LEAD, bodies_holding_a=("DWP", "HMRC", "MCC")),
            "A lead department model, but 3 bodies hold an A in the RACI matrix (DWP, HMRC, MCC)",
        ),
        (
            ModelFitFacts(model=LIGHT, pooled_budget_decisions=1),
            "Light coordination, but the decision log holds a decision about a pooled budget.",
        ),
        (
            ModelFitFacts(model=LEAD, components=(DATA,)),
            "Records are exchanged under a data-sharing partnership, but no data sharing agreement is "
            "signed.",
        ),
        (
            ModelFitFacts(model=BOARD, signed_agreements=1),
            "A joint programme board, but no forum where it takes its decisions.",
        ),
        (
            ModelFitFacts(model=SHARED, components=(BOARD,)),
            "A joint programme board, but no forum where it takes its decisions.",
        ),
    ],
)
def test_a_record_that_does_not_fit_the_model_fails_and_suggests_re_running_the_checklist(facts, detail):
    status, text = model_fit(facts)

    assert status == "failing"
    assert detail in text
    assert text.endswith(
        "Re-run the operating model checklist if the way the bodies work together has changed."
    )


@pytest.mark.parametrize(
    "facts",
    [
        ModelFitFacts(model=LEAD, bodies_holding_a=("DWP", "HMRC")),
        ModelFitFacts(model=BOARD, bodies_holding_a=("DWP", "HMRC", "MCC"), decision_forums=1),
        ModelFitFacts(model=BOARD, components=(DATA,), decision_forums=1, signed_agreements=1),
        ModelFitFacts(model=LIGHT),
        ModelFitFacts(model=LEAD, pooled_budget_decisions=2),
    ],
)
def test_records_that_fit_the_model_pass(facts):
    assert model_fit(facts)[0] == "passing"


def test_the_passing_detail_names_the_structure_with_its_components():
    facts = ModelFitFacts(model=BOARD, components=(SHARED, DATA), decision_forums=1, signed_agreements=1)

    assert model_fit(facts) == (
        "passing",
        "What is recorded fits the joint programme board, with a shared service or platform and a "
        "data-sharing partnership",
    )


def test_with_no_model_chosen_it_does_not_apply():
    assert model_fit(ModelFitFacts())[0] == "not_applicable"


# --- Against the database ------------------------------------------------------------------------


def accountable(world, body, activity: str) -> None:
    row = RaciRow.objects.create(initiative=world.initiative, activity=activity)
    column, _ = RaciColumn.objects.get_or_create(initiative=world.initiative, body=body, role_name="")
    RaciCell.objects.create(row=row, column=column, value="A")


@pytest.mark.django_db
def test_the_gatherer_reads_the_facts_of_one_initiative(world):
    mcc = BodyFactory(short_name="MCC", name="Manchester City Council")
    ParticipationFactory(initiative=world.initiative, body=mcc)
    world.initiative.operating_model = LEAD
    world.initiative.save()
    assessment = AssessmentFactory(initiative=world.initiative, chosen_model=LEAD, components=[DATA])
    for n, body in enumerate((world.lead_body, world.partner_body, mcc, mcc)):
        accountable(world, body, f"Decision {n}")
    Decision.objects.create(
        initiative=world.initiative,
        number=1,
        title="Agree the pooled budget",
        context="c",
        options="o",
        recommendation="r",
        created_by=world.programme_manager,
    )
    DataSharingAgreementFactory(initiative=world.initiative, signed_on=None)
    Forum.objects.create(initiative=world.initiative, name="Steering", purpose="decisions", cadence="monthly")

    facts = gather_model_fit_facts(world.initiative, assessment)

    assert facts == ModelFitFacts(
        model=LEAD,
        components=(DATA,),
        bodies_holding_a=("DWP", "HMRC", "MCC"),
        pooled_budget_decisions=1,
        signed_agreements=0,
        decision_forums=1,
    )


@pytest.mark.django_db
def test_components_only_count_when_the_model_is_the_one_the_assessment_chose(world):
    world.initiative.operating_model = BOARD
    world.initiative.save()
    assessment = AssessmentFactory(initiative=world.initiative, chosen_model=LEAD, components=[DATA])

    assert gather_model_fit_facts(world.initiative, assessment).components == ()


@pytest.mark.django_db
def test_the_health_check_makes_the_same_number_of_queries_however_many_as_and_decisions(world):
    world.initiative.operating_model = LEAD
    world.initiative.save()
    AssessmentFactory(initiative=world.initiative, chosen_model=LEAD, components=[DATA])
    accountable(world, world.lead_body, "Decision 0")
    with CaptureQueriesContext(connection) as few:
        gather_health_facts(world.initiative, datetime.date(2026, 11, 24))
    for n in range(1, 8):
        accountable(world, world.partner_body, f"Decision {n}")
        DataSharingAgreementFactory(initiative=world.initiative, title=f"Agreement {n}")
    with CaptureQueriesContext(connection) as many:
        gather_health_facts(world.initiative, datetime.date(2026, 11, 24))

    assert len(many) == len(few)


@pytest.mark.django_db
def test_the_overview_panel_links_a_misfit_to_the_checklist(world):
    world.initiative.operating_model = BOARD
    world.initiative.save()

    report = initiative_health(world.initiative)

    [item] = [item for item in report.items if item.key == "model_fit"]
    assert item.status.value == "failing"
    assert "no forum where it takes its decisions" in item.detail
    assert report.links["model_fit"] == f"/initiatives/{world.initiative.slug}/operating-model/"
