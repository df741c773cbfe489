"""The health check: each item from failing to passing, as tables over plain facts; then the gatherer."""

import datetime
from dataclasses import replace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.health.checks import FIX_URL_NAMES, HealthFacts, Status, health_check
from governance.health.gathering import gather_health_facts
from governance.health.model_fit import ModelFitFacts
from governance.models import DataSharingAgreement, Forum, RaciCell, RaciColumn, RaciRow
from initiatives.models import Participation
from tests.governance.register_factories import (
    AssessmentFactory,
    BodyMeaningFactory,
    DataDefinitionFactory,
    DataSharingAgreementFactory,
    MeasureFactory,
    RiskFactory,
)

HEALTHY = HealthFacts(
    initiative_active=True,
    has_senior_owner=True,
    decision_rights=2,
    forum_purposes=("decisions", "delivery", "risk"),
    definition_statuses=("agreed", "agreed"),
    measures=2,
    measures_agreed_before_start=1,
    raci_rows=3,
    live_risks=3,
    bodies_without_stop_doing=(),
    exchanges_records=True,
    agreements=1,
    agreements_with_completed_dpia=1,
    model_fit=ModelFitFacts(model="joint_programme_board", decision_forums=1),
)


def status_of(facts: HealthFacts, key: str) -> Status:
    return next(item.status for item in health_check(facts) if item.key == key)


def test_a_healthy_initiative_passes_every_item():
    assert {item.key: item.status for item in health_check(HEALTHY)} == dict.fromkeys(
        FIX_URL_NAMES, Status.PASSING
    )


@pytest.mark.parametrize(
    ("key", "failing", "detail"),
    [
        ("senior_owner", {"has_senior_owner": False}, "No senior accountable owner"),
        ("senior_owner", {"decision_rights": 0}, "decision rights are not stated"),
        ("forums", {"forum_purposes": ()}, "No forum is recorded"),
        ("forums", {"forum_purposes": ("decisions", "risk", "decisions")}, "more than one for decisions"),
        ("definitions", {"definition_statuses": ("agreed", "disputed")}, "1 term disputed"),
        (
            "definitions",
            {"definition_statuses": ("agreed", "proposed")},
            "still proposed in an active initiative",
        ),
        ("definitions", {"definition_statuses": ()}, "No shared data definitions"),
        ("measures", {"measures": 0, "measures_agreed_before_start": 0}, "No shared measure is recorded"),
        ("measures", {"measures_agreed_before_start": 0}, "agreed before work started"),
        ("raci", {"raci_rows": 0}, "No RACI rows"),
        ("raci", {"raci_failing_rows": 2}, "2 rows without exactly one A and at least one R"),
        ("risks", {"live_risks": 0}, "No risks are recorded"),
        ("risks", {"unowned_risks": 1}, "1 risk with no owner"),
        ("risks", {"overdue_risks": 2}, "2 risks past the review date"),
        ("stop_doing", {"bodies_without_stop_doing": ("HMRC",)}, "No commitment from HMRC"),
        ("data_sharing", {"agreements": 0, "agreements_with_completed_dpia": 0}, "no data sharing agreement"),
        ("data_sharing", {"agreements_with_completed_dpia": 0}, "1 agreement without a completed DPIA"),
    ],
)
def test_each_item_fails_when_its_records_fall_short_and_passes_once_they_do_not(key, failing, detail):
    broken = replace(HEALTHY, **failing)

    item = next(item for item in health_check(broken) if item.key == key)

    assert item.status == Status.FAILING
    assert detail in item.detail
    assert status_of(HEALTHY, key) == Status.PASSING


def test_proposed_terms_are_fine_before_the_initiative_is_active():
    facts = replace(HEALTHY, initiative_active=False, definition_statuses=("agreed", "proposed"))

    assert status_of(facts, "definitions") == Status.PASSING


@pytest.mark.parametrize(
    ("facts", "key"),
    [
        (replace(HEALTHY, exchanges_records=False, agreements=0), "data_sharing"),
        (
            replace(HEALTHY, definition_statuses=(), data_answer="none", exchanges_records=False),
            "definitions",
        ),
    ],
)
def test_items_that_do_not_apply_say_so(facts, key):
    assert status_of(facts, key) == Status.NOT_APPLICABLE


def test_an_item_whose_page_is_not_built_says_so_rather_than_failing():
    facts = replace(HEALTHY, raci_rows=0, built_sections=frozenset(FIX_URL_NAMES) - {"raci"})

    item = next(item for item in health_check(facts) if item.key == "raci")

    assert item.status == Status.NOT_BUILT
    assert "not built yet" in item.detail


# --- The gatherer, against the database --------------------------------------------------

TODAY = datetime.date(2026, 11, 24)


def fill(world, copies: int, start: int = 0) -> None:
    initiative = world.initiative
    for n in range(start, start + copies):
        RiskFactory(initiative=initiative, owner=world.programme_manager, owner_body=world.lead_body)
        RiskFactory(initiative=initiative, review_date=TODAY - datetime.timedelta(days=1))
        definition = DataDefinitionFactory(initiative=initiative)
        BodyMeaningFactory(definition=definition, body=world.lead_body, meaning=f"Meaning {n}")
        BodyMeaningFactory(definition=definition, body=world.partner_body, meaning=f"Other meaning {n}")
        MeasureFactory(initiative=initiative, agreed_before_start=n % 2 == 0)
        Forum.objects.create(initiative=initiative, name=f"Board {n}", purpose="decisions", cadence="monthly")
        row = RaciRow.objects.create(initiative=initiative, activity=f"Activity {n}")
        column = RaciColumn.objects.create(initiative=initiative, body=world.lead_body, role_name=f"Role {n}")
        RaciCell.objects.create(row=row, column=column, value="A")
        partner = RaciColumn.objects.create(
            initiative=initiative, body=world.partner_body, role_name=f"Role {n}"
        )
        RaciCell.objects.create(row=row, column=partner, value="R")
        DataSharingAgreementFactory(initiative=initiative, title=f"Agreement {n}")


@pytest.mark.django_db
def test_the_gatherer_reads_the_facts_of_one_initiative(world):
    fill(world, 2)
    world.initiative.participations.filter(body=world.lead_body).update(stop_doing=["Stop a helpline"])
    AssessmentFactory(initiative=world.initiative, answers={"data": "exchange"})

    facts, flags = gather_health_facts(world.initiative, TODAY)

    assert facts.has_senior_owner and facts.decision_rights == 1
    assert facts.forum_purposes == ("decisions", "decisions")
    assert facts.definition_statuses == ("disputed", "disputed")
    assert (facts.measures, facts.measures_agreed_before_start) == (2, 1)
    assert (facts.raci_rows, facts.raci_failing_rows) == (2, 0)
    assert (facts.live_risks, facts.unowned_risks, facts.overdue_risks) == (4, 2, 2)
    assert (flags.no_owner, flags.review_overdue) == (2, 2)
    assert facts.bodies_without_stop_doing == ("HMRC",)
    assert facts.exchanges_records and facts.data_answer == "exchange"
    assert (facts.agreements, facts.agreements_with_completed_dpia) == (2, 0)


@pytest.mark.django_db
def test_the_gatherer_makes_the_same_number_of_queries_however_many_records(world):
    fill(world, 1)
    with CaptureQueriesContext(connection) as few:
        gather_health_facts(world.initiative, TODAY)
    fill(world, 10, start=1)
    Participation.objects.create(initiative=world.initiative, body=world.unrelated_body)
    DataSharingAgreement.objects.update(dpia_status="completed")
    with CaptureQueriesContext(connection) as many:
        gather_health_facts(world.initiative, TODAY)

    # Twelve for the items, two for the model fit.
    assert len(many) == len(few) <= 14


@pytest.mark.parametrize("persona", ["partner_member", "senior_owner", "assurance_reviewer"])
def test_the_overview_links_only_the_checks_a_person_may_put_right(world, client, persona):
    """The checklist and the senior owner are the programme managers' to change: nobody else is sent
    to a page that would refuse them."""
    slug = {"slug": world.initiative.slug}
    managers_pages = [
        reverse("initiatives:wizard_start", kwargs=slug),
        reverse("initiatives:edit", kwargs=slug),
    ]
    client.force_login(getattr(world, persona))
    someone_else = client.get(world.initiative.get_absolute_url()).content.decode()
    client.force_login(world.programme_manager)
    manager = client.get(world.initiative.get_absolute_url()).content.decode()

    assert all(f'href="{url}"' in manager for url in managers_pages)
    assert not any(f'href="{url}"' in someone_else for url in managers_pages)
    # The check is still shown to them, without a link.
    assert "Named senior owner with stated decision rights" in someone_else
