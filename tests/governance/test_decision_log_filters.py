"""The decision log's filters and CSV download: bookmarkable, explained when wrong, formula-safe, scoped."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.decisions.changes.models import DecisionLink
from governance.models import Decision
from tests.factories import BodyFactory, InitiativeFactory, UserFactory
from tests.governance.factories import decision_in, draft

pytestmark = pytest.mark.django_db


def log_url(world, name="governance:decisions"):
    return reverse(name, kwargs={"slug": world.initiative.slug})


def listed(response) -> list[str]:
    return [decision.title for decision in response.context["decisions"]]


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def log(world):
    """Three decisions: a draft linked to a risk, one awaiting the senior owner, one withdrawn."""
    linked = draft(world, title="Agree the risk appetite")
    DecisionLink.objects.create(decision=linked, kind="risk", target_id=1, added_by=world.programme_manager)
    awaiting = decision_in(world, "submitted", title="Approve the budget")
    withdrawn = decision_in(world, "withdrawn", title="Choose a supplier")
    return {"linked": linked, "awaiting": awaiting, "withdrawn": withdrawn}


class TestFilters:
    def test_without_filters_the_log_lists_every_current_decision(self, client, world, log):
        client.force_login(world.partner_member)

        response = client.get(log_url(world))

        assert listed(response) == ["Approve the budget", "Agree the risk appetite"]

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({"status": "submitted"}, ["Approve the budget"]),
            ({"status": "withdrawn"}, ["Choose a supplier"]),
            ({"linked": "risk"}, ["Agree the risk appetite"]),
            ({"linked": "none"}, ["Approve the budget"]),
            ({"linked": "term"}, []),
        ],
    )
    def test_each_filter_narrows_the_log(self, client, world, log, params, expected):
        client.force_login(world.partner_member)

        assert listed(client.get(log_url(world), params)) == expected

    def test_the_decider_filter_offers_the_people_named_to_decide(self, client, world, log):
        client.force_login(world.partner_member)

        response = client.get(log_url(world), {"decider": world.senior_owner.pk})

        assert listed(response) == ["Approve the budget"]
        assert ("", "Anyone") in response.context["filter_form"].fields["decider"].choices

    def test_the_date_range_takes_gov_uk_dates(self, client, world, log):
        Decision.objects.filter(pk=log["awaiting"].pk).update(
            created_at=timezone.now() - datetime.timedelta(days=40)
        )
        client.force_login(world.partner_member)
        today = timezone.localdate()
        since = today - datetime.timedelta(days=7)

        recent = client.get(
            log_url(world),
            {"raised_from_day": since.day, "raised_from_month": since.month, "raised_from_year": since.year},
        )
        older = client.get(
            log_url(world),
            {"raised_to_day": since.day, "raised_to_month": since.month, "raised_to_year": since.year},
        )

        assert listed(recent) == ["Agree the risk appetite"]
        assert listed(older) == ["Approve the budget"]

    @pytest.mark.parametrize(
        ("params", "message"),
        [
            ({"status": "lost"}, "Select a status from the list"),
            ({"decider": "999999"}, "Select a decider from the list"),
            ({"decider": "someone"}, "Select a decider from the list"),
            ({"linked": "spreadsheet"}, "Select a kind of linked record from the list"),
            (
                {"raised_from_day": "31", "raised_from_month": "2", "raised_from_year": "2026"},
                "Enter a real date",
            ),
            (
                {
                    "raised_from_day": "2",
                    "raised_from_month": "2",
                    "raised_from_year": "2026",
                    "raised_to_day": "1",
                    "raised_to_month": "2",
                    "raised_to_year": "2026",
                },
                "Raised on or before must be the same as or after raised on or after",
            ),
        ],
    )
    def test_invalid_filters_are_explained_in_the_error_summary(self, client, world, log, params, message):
        client.force_login(world.partner_member)

        response = client.get(log_url(world), params)

        page = response.content.decode()
        assert response.status_code == 200
        assert "govuk-error-summary" in page and message in page
        assert listed(response) == ["Approve the budget", "Agree the risk appetite"]

    def test_a_decider_from_another_initiative_is_not_offered(self, client, world, log):
        elsewhere = InitiativeFactory(lead_body=world.unrelated_body)
        stranger = UserFactory(bodies=[BodyFactory()])
        Decision.objects.create(
            initiative=elsewhere,
            number=1,
            title="Theirs",
            context="-",
            options="-",
            recommendation="-",
            decider=stranger,
            created_by=world.outsider,
        )
        client.force_login(world.partner_member)

        response = client.get(log_url(world), {"decider": stranger.pk})

        assert "Select a decider from the list" in response.content.decode()


class TestExport:
    def test_the_csv_holds_the_filtered_log(self, client, world, log):
        client.force_login(world.partner_member)

        response = client.get(log_url(world, "governance:decisions_export"), {"status": "submitted"})

        rows = csv_rows(response)
        assert response["Content-Type"].startswith("text/csv")
        assert rows[0][:3] == ["Reference", "Title", "Status"]
        assert [row[1] for row in rows[1:]] == ["Approve the budget"]
        assert rows[1][3] == world.senior_owner.full_name

    def test_the_csv_names_the_kinds_of_linked_records(self, client, world, log):
        client.force_login(world.partner_member)

        rows = csv_rows(client.get(log_url(world, "governance:decisions_export"), {"linked": "risk"}))

        assert rows[1][8] == "risk"

    def test_the_csv_neutralises_formulas(self, client, world):
        draft(world, title='=HYPERLINK("http://evil.example")', context="+cmd", recommendation="@SUM(1)")
        client.force_login(world.partner_member)

        rows = csv_rows(client.get(log_url(world, "governance:decisions_export")))

        assert rows[1][1].startswith("'=")
        assert rows[1][9] == "'+cmd"
        assert rows[1][11] == "'@SUM(1)"

    def test_the_filter_page_links_to_the_filtered_csv(self, client, world, log):
        client.force_login(world.partner_member)

        page = client.get(log_url(world), {"status": "submitted"}).content.decode()

        assert f"{log_url(world, 'governance:decisions_export')}?status=submitted" in page

    def test_an_outsider_cannot_download_the_log(self, client, world, log):
        client.force_login(world.outsider)

        assert client.get(log_url(world, "governance:decisions_export")).status_code == 404
