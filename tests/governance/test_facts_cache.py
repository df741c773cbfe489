"""An initiative's derived facts are cached under its facts version and today's date (ADR 0027).

A stale health check is worse than a slow one: every write that can change a fact gives the
initiative a new version, a new day moves the key too, and a page after a write shows the write.
"""

import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance.decisions import services as decision_services
from governance.decisions.states import Action
from governance.health.facts import initiative_facts_for
from governance.health.freshness import FACT_SOURCES, facts_changed
from governance.measures import services as measure_services
from governance.models import Forum, RaciRow
from governance.retirement.services import retire
from governance.risks import services as risk_services
from initiatives import services as initiative_services
from initiatives.models import Initiative, Participation
from tests.factories import BodyFactory, InitiativeFactory, ParticipationFactory
from tests.governance.factories import ForumFactory, complete_two_row_matrix, decision_in, save_letters
from tests.governance.register_factories import (
    AssessmentFactory,
    BodyMeaningFactory,
    DataDefinitionFactory,
    DataSharingAgreementFactory,
    MeasureFactory,
    RiskFactory,
)

FIGURE = re.compile(r'<span data-figure="(?P<name>[a-z_]+)">(?P<value>\d+)</span>')

# Models that belong to an initiative but hold nothing the facts count: a new model must be put
# here or in FACT_SOURCES, so no one adds a register the health check reads and forgets the version.
HOLD_NO_FACTS = {
    "governance.AssuranceReview",
    "governance.Escalation",
    "governance.GovernancePack",
    "governance.ImportJob",  # the rows it writes move the version (facts_changed in the import services)
    "initiatives.InitiativeRole",
    "initiatives.AssessmentDraft",
    "initiatives.PortfolioGrant",
    "people.Invitation",
}


def version_of(initiative: Initiative) -> int:
    return Initiative.objects.values_list("facts_version", flat=True).get(pk=initiative.pk)


def figures(client, initiative: Initiative) -> dict[str, int]:
    response = client.get(reverse("initiatives:overview", kwargs={"slug": initiative.slug}))
    assert response.status_code == 200
    return {match["name"]: int(match["value"]) for match in FIGURE.finditer(response.content.decode())}


A_RISK = {
    "title": "Councils cannot receive notices",
    "category": "operations",
    "inherent_likelihood": 4,
    "inherent_impact": 4,
    "current_likelihood": 3,
    "current_impact": 3,
    "target_likelihood": 2,
    "target_impact": 2,
    "appetite": "cautious",
    "treatment": "treat",
}


def _risk_created(world):
    risk_services.risk_create(initiative=world.initiative, by=world.programme_manager, **A_RISK)


def _risk_edited(world):
    risk = RiskFactory(initiative=world.initiative)
    return lambda: risk_services.risk_update(risk=risk, by=world.programme_manager, current_likelihood=5)


def _risk_retired(world):
    risk = RiskFactory(initiative=world.initiative)
    return lambda: retire(record=risk, by=world.programme_manager, reason="Overtaken")


def _risk_deleted(world):
    risk = RiskFactory(initiative=world.initiative)
    return risk.delete


def _decision_decided(world):
    decision = decision_in(world, "submitted")
    return lambda: approve(decision)


def approve(decision):
    decision_services.decision_decide(
        decision=decision, by=decision.decider, action=Action.APPROVE, comment="Yes"
    )


def _reading_added(world):
    measure = MeasureFactory(initiative=world.initiative)
    return lambda: measure_services.reading_add(
        measure=measure, by=world.programme_manager, taken_on=timezone.localdate(), value=Decimal("12")
    )


def _reading_removed(world):
    measure = MeasureFactory(initiative=world.initiative)
    reading = measure_services.reading_add(
        measure=measure, by=world.programme_manager, taken_on=timezone.localdate(), value=Decimal("12")
    )
    return lambda: measure_services.reading_remove(reading=reading, by=world.programme_manager)


def _raci_cell_set(world):
    first, second, dwp, hmrc = complete_two_row_matrix(world)
    return lambda: save_letters(world, (dwp, hmrc), (first, "R A"), (second, "A R"))


def _raci_row_removed(world):
    row = RaciRow.objects.create(initiative=world.initiative, activity="Sign off the design", position=9)
    return row.delete


def _meaning_given(world):
    definition = DataDefinitionFactory(initiative=world.initiative)
    return lambda: BodyMeaningFactory(definition=definition, body=world.partner_body)


def _forum_added(world):
    return lambda: ForumFactory(initiative=world.initiative, purpose=Forum.Purpose.DECISIONS)


def _agreement_added(world):
    return lambda: DataSharingAgreementFactory(initiative=world.initiative)


def _assessment_recorded(world):
    return lambda: AssessmentFactory(initiative=world.initiative)


def _stop_doing_recorded(world):
    participation = Participation.objects.get(initiative=world.initiative, body=world.partner_body)

    def write():
        participation.stop_doing = ["Our own bereavement letters"]
        participation.save()

    return write


def _body_renamed(world):
    def write():
        world.partner_body.short_name = "HMRC-new"
        world.partner_body.save()

    return write


def _initiative_edited(world):
    return lambda: initiative_services.initiative_update(
        initiative=world.initiative, by=world.programme_manager, status=Initiative.Status.ACTIVE
    )


def _initiative_saved_with_update_fields(world):
    def write():
        world.initiative.status = Initiative.Status.PAUSED
        world.initiative.save(update_fields=["status"])

    return write


def _bulk_write_reported(world):
    risk = RiskFactory(initiative=world.initiative)

    def write():
        type(risk).objects.filter(pk=risk.pk).update(owner=None)
        facts_changed([world.initiative.pk])

    return write


def _risks_imported(world):
    return lambda: risk_services.risks_import(
        initiative=world.initiative, by=world.programme_manager, new=[A_RISK], changed=[]
    )


def _measures_imported(world):
    new = [{"name": "Imported: notices sent on time", "unit": "%"}]
    return lambda: measure_services.measures_import(
        initiative=world.initiative, by=world.programme_manager, new=new, changed=[]
    )


WRITES = {
    "risk created": lambda world: lambda: _risk_created(world),
    "risk edited": _risk_edited,
    "risk retired": _risk_retired,
    "risk deleted": _risk_deleted,
    "decision decided": _decision_decided,
    "measure reading added": _reading_added,
    "measure reading removed": _reading_removed,
    "RACI cell set": _raci_cell_set,
    "RACI row removed": _raci_row_removed,
    "body's meaning of a term given": _meaning_given,
    "forum added": _forum_added,
    "data sharing agreement added": _agreement_added,
    "assessment recorded": _assessment_recorded,
    "stop doing recorded": _stop_doing_recorded,
    "body taking part renamed": _body_renamed,
    "initiative edited": _initiative_edited,
    "initiative saved with update_fields": _initiative_saved_with_update_fields,
    "queryset update reported with facts_changed": _bulk_write_reported,
    "risks imported in bulk": _risks_imported,
    "measures imported in bulk": _measures_imported,
}


@pytest.mark.parametrize("kind", WRITES)
def test_each_kind_of_write_gives_the_initiative_a_new_facts_version(world, kind):
    write = WRITES[kind](world)
    before = version_of(world.initiative)
    write()
    assert version_of(world.initiative) != before


def test_a_write_to_another_initiative_leaves_this_ones_version(world):
    other = InitiativeFactory(lead_body=world.lead_body)
    before = version_of(world.initiative)
    RiskFactory(initiative=other)
    assert version_of(world.initiative) == before


def test_the_callers_initiative_object_reads_the_new_version_too(world):
    before = world.initiative.facts_version
    RiskFactory(initiative=world.initiative)
    assert world.initiative.facts_version == version_of(world.initiative) != before


def test_an_initiative_object_read_before_a_write_and_saved_after_it_never_puts_the_old_version_back(world):
    read_earlier = Initiative.objects.get(pk=world.initiative.pk)
    old = read_earlier.facts_version
    RiskFactory(initiative=world.initiative)
    read_earlier.title = "Tell Us Once, renamed"
    read_earlier.save()
    assert version_of(world.initiative) != old


def test_every_model_belonging_to_an_initiative_is_a_fact_source_or_said_to_hold_no_facts():
    belonging = {
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in ("governance", "initiatives", "people")
        and not model._meta.label.split(".")[1].startswith("Historical")
        and any(
            isinstance(field, models.ForeignKey) and field.related_model is Initiative
            for field in model._meta.get_fields()
        )
    }
    sources = {model._meta.label for model in FACT_SOURCES}
    assert belonging - sources - HOLD_NO_FACTS == set()


# The page after a write shows the write ------------------------------------------------------------


def test_the_overview_after_a_risk_is_added_counts_it(client, world):
    client.force_login(world.programme_manager)
    assert figures(client, world.initiative)["risks_open"] == 0
    _risk_created(world)
    assert figures(client, world.initiative)["risks_open"] == 1


def test_the_overview_after_a_decision_is_approved_no_longer_counts_it_as_awaiting(client, world):
    decision = decision_in(world, "submitted")
    client.force_login(world.programme_manager)
    assert figures(client, world.initiative)["decisions_awaiting"] == 1
    approve(decision)
    assert figures(client, world.initiative)["decisions_awaiting"] == 0


def test_the_overview_after_a_reading_counts_the_measure_as_read(client, world):
    measure = MeasureFactory(initiative=world.initiative)
    client.force_login(world.programme_manager)
    assert figures(client, world.initiative)["measures_without_readings"] == 1
    measure_services.reading_add(
        measure=measure, by=world.programme_manager, taken_on=timezone.localdate(), value=Decimal("3")
    )
    assert figures(client, world.initiative)["measures_without_readings"] == 0


def test_the_portfolio_after_a_risk_loses_its_owner_counts_the_flag(client, world):
    risk = RiskFactory(initiative=world.initiative, owner=world.programme_manager)
    client.force_login(world.programme_manager)
    assert flagged_in_portfolio(client) == 0
    risk_services.risk_update(risk=risk, by=world.programme_manager, owner=None)
    assert flagged_in_portfolio(client) == 1


def flagged_in_portfolio(client) -> int:
    """The risk flags of the one initiative in the portfolio's CSV (its "flagged risks" column)."""
    assert client.get(reverse("portfolio:portfolio")).status_code == 200
    rows = list(csv.reader(io.StringIO(client.get(reverse("portfolio:export")).content.decode())))
    (row,) = rows[1:]
    return int(row[11])


def test_a_review_date_that_passes_overnight_is_overdue_the_next_morning_without_any_write(
    client, world, monkeypatch
):
    today = timezone.localdate()
    RiskFactory(initiative=world.initiative, review_date=today)
    client.force_login(world.programme_manager)
    assert figures(client, world.initiative)["risks_past_review"] == 0
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today + datetime.timedelta(days=1))
    assert figures(client, world.initiative)["risks_past_review"] == 1


def test_facts_read_through_a_failing_cache_are_counted_and_the_page_answers(client, world, monkeypatch):
    from django.core.cache import cache

    def down(*args, **kwargs):
        raise ConnectionError("Redis is gone")

    monkeypatch.setattr(cache, "get_many", down)
    monkeypatch.setattr(cache, "set_many", down)
    RiskFactory(initiative=world.initiative)
    client.force_login(world.programme_manager)
    assert figures(client, world.initiative)["risks_open"] == 1


# What the cache saves ------------------------------------------------------------------------------


def test_the_overview_seen_again_makes_fewer_queries(client, world):
    RiskFactory(initiative=world.initiative)
    client.force_login(world.programme_manager)
    url = reverse("initiatives:overview", kwargs={"slug": world.initiative.slug})
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    with CaptureQueriesContext(connection) as again:
        client.get(url)
    # The facts are counted in sixteen queries; seen again, they are read from the cache in none.
    assert len(again) <= len(first) - 15


def test_many_initiatives_facts_seen_again_are_read_without_a_query(world):
    many = [world.initiative] + [InitiativeFactory(lead_body=world.lead_body) for _ in range(3)]
    for initiative in many[1:]:
        ParticipationFactory(initiative=initiative, body=BodyFactory())
        RiskFactory(initiative=initiative)
    counted = initiative_facts_for(many)
    with CaptureQueriesContext(connection) as queries:
        again = initiative_facts_for(many)
    assert len(queries) == 0
    assert again == counted
