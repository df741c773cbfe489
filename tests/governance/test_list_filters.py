"""Filters on the glossary and the measures list: bookmarkable GET forms; CSV downloads honour them."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.measures.models import Measure
from governance.measures.querysets import next_reading_on
from tests.governance.register_factories import (
    BodyMeaningFactory,
    DataDefinitionFactory,
    MeasureFactory,
    MeasureReadingFactory,
    RiskFactory,
)


def url(name, world) -> str:
    return reverse(f"governance:{name}", kwargs={"slug": world.initiative.slug})


def csv_rows(response) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def terms(world):
    """A disputed term HMRC masters, an agreed one DWP masters whose meanings still differ, a proposed one."""
    disputed = DataDefinitionFactory(
        initiative=world.initiative, term="customer", master_body=world.partner_body
    )
    BodyMeaningFactory(definition=disputed, body=world.lead_body, meaning="A claimant")
    BodyMeaningFactory(definition=disputed, body=world.partner_body, meaning="A taxpayer")
    agreed = DataDefinitionFactory(
        initiative=world.initiative,
        term="case",
        status="agreed",
        agreed_meaning="One death",
        master_body=world.lead_body,
    )
    BodyMeaningFactory(definition=agreed, body=world.lead_body, meaning="A claim")
    BodyMeaningFactory(definition=agreed, body=world.partner_body, meaning="A record")
    DataDefinitionFactory(initiative=world.initiative, term='=HYPERLINK("http://evil")')


class TestTheGlossary:
    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("", {"customer", "case", '=HYPERLINK("http://evil")'}),
            ("?status=disputed", {"customer"}),
            ("?status=agreed", {"case"}),
            ("?body={hmrc}", {"customer"}),
            ("?meanings=differ", {"customer", "case"}),
            ("?meanings=match&status=proposed", {'=HYPERLINK("http://evil")'}),
            ("?meanings=differ&body={dwp}", {"case"}),
        ],
    )
    def test_it_filters_by_status_body_and_differing_meanings(self, client, world, terms, query, expected):
        client.force_login(world.partner_member)
        query = query.format(hmrc=world.partner_body.pk, dwp=world.lead_body.pk)

        response = client.get(url("glossary", world) + query)

        glossary = response.context["glossary"]
        assert {entry.definition.term for entry in glossary.disputed + glossary.others} == expected

    def test_the_download_holds_the_filtered_terms_and_keeps_formulas_as_text(self, client, world, terms):
        client.force_login(world.partner_member)

        page = client.get(url("glossary", world) + "?meanings=match").content.decode()
        rows = csv_rows(client.get(url("glossary_export", world) + "?meanings=match"))

        assert f"{url('glossary_export', world)}?meanings=match" in page
        assert rows[0][:3] == ["Term", "Status", "Meanings differ"]
        assert rows[0][-2:] == ["Meaning in DWP", "Meaning in HMRC"]
        assert [row[0] for row in rows[1:]] == ['\'=HYPERLINK("http://evil")']

    def test_a_nonsense_filter_is_a_form_error_not_a_crash(self, client, world, terms):
        client.force_login(world.partner_member)

        response = client.get(url("glossary", world) + "?status=sideways&body=abc")
        page = response.content.decode()

        assert response.status_code == 200
        assert "<title>Error:" in page and "govuk-error-summary" in page
        assert "Choose a status from the list" in page and "Choose a mastered by from the list" in page
        assert client.get(url("glossary_export", world) + "?status=sideways").status_code == 302

    def test_an_outsider_cannot_download_it(self, client, world, terms):
        client.force_login(world.outsider)

        assert client.get(url("glossary_export", world)).status_code == 404


@pytest.fixture
def measures(world):
    today = timezone.localdate()
    overdue = MeasureFactory(
        initiative=world.initiative, name="Journey time", owner_body=world.lead_body, frequency="monthly"
    )
    MeasureReadingFactory(measure=overdue, taken_on=today - datetime.timedelta(days=40))
    fresh = MeasureFactory(
        initiative=world.initiative,
        name="=1+1 duplication removed",
        owner_body=world.partner_body,
        frequency="quarterly",
        benefit_type=Measure.BenefitType.CASH_RELEASING,
    )
    MeasureReadingFactory(measure=fresh, taken_on=today - datetime.timedelta(days=5))
    return overdue, fresh


class TestTheMeasures:
    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("", {"Journey time", "=1+1 duplication removed"}),
            ("?owner_body={hmrc}", {"=1+1 duplication removed"}),
            ("?frequency=monthly", {"Journey time"}),
            ("?reading=due", {"Journey time"}),
            ("?reading=not_due", {"=1+1 duplication removed"}),
            ("?benefit_type=cash_releasing", {"=1+1 duplication removed"}),
            ("?benefit_type=cash_releasing&reading=due", set()),
        ],
    )
    def test_it_filters_by_owner_frequency_reading_due_and_benefit(
        self, client, world, measures, query, expected
    ):
        client.force_login(world.partner_member)

        response = client.get(url("measures", world) + query.format(hmrc=world.partner_body.pk))

        assert {summary.measure.name for summary in response.context["summaries"]} == expected

    def test_the_download_honours_the_filters_and_keeps_formulas_as_text(self, client, world, measures):
        client.force_login(world.partner_member)

        page = client.get(url("measures", world) + "?reading=not_due").content.decode()
        rows = csv_rows(client.get(url("measures_export", world) + "?reading=not_due"))

        assert f"{url('measures_export', world)}?reading=not_due" in page
        assert [row[1] for row in rows[1:]] == ["'=1+1 duplication removed"]

    def test_a_nonsense_filter_is_a_form_error_not_a_crash(self, client, world, measures):
        client.force_login(world.partner_member)

        response = client.get(url("measures", world) + "?reading=yesterday&frequency=hourly")

        assert response.status_code == 200
        assert "Choose a next reading from the list" in response.content.decode()
        assert client.get(url("measures_export", world) + "?reading=yesterday").status_code == 302


def test_the_risk_download_honours_the_register_filters(client, world):
    RiskFactory(initiative=world.initiative, title="DWP's risk", owner_body=world.lead_body)
    RiskFactory(initiative=world.initiative, title="HMRC's risk", owner_body=world.partner_body)
    client.force_login(world.partner_member)

    rows = csv_rows(client.get(url("risks_export", world) + f"?owner_body={world.partner_body.pk}"))

    assert [row for row in rows[1:] if "DWP's risk" in row] == []
    assert len(rows) == 2


@pytest.mark.parametrize(
    ("day", "frequency", "due"),
    [
        (datetime.date(2026, 1, 31), "weekly", datetime.date(2026, 2, 7)),
        (datetime.date(2026, 1, 31), "monthly", datetime.date(2026, 2, 28)),
        (datetime.date(2026, 11, 30), "quarterly", datetime.date(2027, 2, 28)),
        (datetime.date(2024, 2, 29), "annually", datetime.date(2025, 2, 28)),
    ],
)
def test_the_next_reading_is_one_reporting_period_after_the_last(day, frequency, due):
    assert next_reading_on(day, frequency) == due
