"""Lists that grow with the data show a page at a time (collab/paging.py), keep their filters and sort in
the page links, and download every matching row; Your work shows a few of each kind and links to all."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from collab.paging import shown_page_numbers
from governance.models import Risk
from tests.governance.register_factories import DataDefinitionFactory, RiskActionFactory, RiskFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("current", "last", "shown"),
    [
        (1, 1, [1]),
        (1, 3, [1, 2, 3]),
        (1, 10, [1, 2, None, 10]),
        (4, 10, [1, 2, 3, 4, 5, None, 10]),  # a gap of one page shows the page, not an ellipsis
        (6, 10, [1, None, 5, 6, 7, None, 10]),
        (10, 10, [1, None, 9, 10]),
    ],
)
def test_it_shows_the_first_last_current_and_neighbouring_pages_with_ellipses_between(current, last, shown):
    assert shown_page_numbers(current, last) == shown


def risks(world, count: int, **fields) -> list[Risk]:
    return [RiskFactory(initiative=world.initiative, number=n, **fields) for n in range(1, count + 1)]


def register(client, world, person=None, **params):
    client.force_login(person or world.programme_manager)
    return client.get(reverse("governance:risk_register", kwargs={"slug": world.initiative.slug}), params)


def listed(response) -> list[int]:
    return [row.risk.number for row in response.context["register"].rows]


class TestTheRiskRegister:
    def test_it_shows_fifty_risks_a_page_and_says_which(self, client, world):
        risks(world, 60)

        first, second = register(client, world), register(client, world, page="2")

        assert listed(first) == list(range(1, 51))
        assert "Showing 1 to 50 of 60 risks" in first.content.decode()
        assert listed(second) == list(range(51, 61))
        assert "Showing 51 to 60 of 60 risks" in second.content.decode()
        # The summaries above the table count every risk, not the page's.
        assert first.context["register"].heat_map.plotted == 60

    def test_a_page_past_the_end_shows_the_last_and_a_page_that_is_not_a_number_the_first(
        self, client, world
    ):
        risks(world, 60)

        assert listed(register(client, world, page="99")) == list(range(51, 61))
        assert listed(register(client, world, page="two"))[0] == 1

    def test_the_page_links_keep_the_filters_and_the_sort(self, client, world):
        body = world.partner_body.pk
        risks(world, 55, owner_body=world.partner_body)

        page = register(client, world, owner_body=str(body), sort="score").content.decode()

        assert f'href="?owner_body={body}&amp;sort=score&amp;page=2"' in page
        assert 'aria-label="Page 2"' in page and 'rel="next"' in page

    def test_it_sorts_by_current_score_or_review_date_and_the_order_runs_across_pages(self, client, world):
        low, high, middle = (
            RiskFactory(initiative=world.initiative, number=n, current_likelihood=score, current_impact=1)
            for n, score in ((1, 1), (2, 5), (3, 3))
        )

        by_score = register(client, world, sort="score")
        by_number = register(client, world)

        assert [row.risk for row in by_score.context["register"].rows] == [high, middle, low]
        assert [row.risk for row in by_number.context["register"].rows] == [low, high, middle]
        assert not by_score.context["filter_form"].is_filtered

    def test_the_download_holds_every_risk_matching_the_filters_not_just_the_page(self, client, world):
        risks(world, 60, owner_body=world.partner_body)
        RiskFactory(initiative=world.initiative, number=61, owner_body=world.lead_body)
        client.force_login(world.programme_manager)

        response = client.get(
            reverse("governance:risks_export", kwargs={"slug": world.initiative.slug}),
            {"owner_body": world.partner_body.pk, "page": "2"},
        )

        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert len(rows) == 1 + 60

    def test_page_two_costs_the_queries_page_one_does(self, client, world):
        risks(world, 120)
        register(client, world)

        def queries(page: str) -> int:
            with CaptureQueriesContext(connection) as captured:
                register(client, world, page=page)
            return len(captured)

        assert queries("1") == queries("2") == queries("3")


def test_the_glossary_shows_ten_terms_a_page_disputed_first(client, world):
    for n in range(12):
        DataDefinitionFactory(initiative=world.initiative, term=f"Term {n:02d}")
    client.force_login(world.programme_manager)
    url = reverse("governance:glossary", kwargs={"slug": world.initiative.slug})

    first, second = client.get(url), client.get(url, {"page": "2"})

    assert len(first.context["shown"].rows) == 10
    assert len(second.context["shown"].rows) == 2
    assert "Showing 11 to 12 of 12 terms" in second.content.decode()


def test_the_portfolios_sort_links_start_again_at_the_first_page(client, world):
    client.force_login(world.programme_manager)

    columns = client.get(reverse("portfolio:portfolio"), {"page": "2", "sort": "status"}).context["columns"]

    assert columns and all("page=" not in column.href for column in columns)


class TestYourWork:
    def actions(self, world, count: int) -> None:
        risk = RiskFactory(initiative=world.initiative)
        for n in range(count):
            RiskActionFactory(risk=risk, owner=world.partner_member, description=f"Action {n:02d}")

    def test_the_home_page_shows_five_of_a_kind_and_links_to_them_all(self, client, world):
        self.actions(world, 7)
        client.force_login(world.partner_member)

        home = client.get("/").content.decode()
        everything = client.get(reverse("your_work", kwargs={"key": "actions"})).content.decode()

        assert "Actions assigned to you (7)" in home
        assert sum(f"Action {n:02d}" in home for n in range(7)) == 5
        assert f'href="{reverse("your_work", kwargs={"key": "actions"})}">See all 7' in home
        assert all(f"Action {n:02d}" in everything for n in range(7))

    def test_a_kind_with_no_more_than_five_has_no_see_all_link(self, client, world):
        self.actions(world, 5)
        client.force_login(world.partner_member)

        assert "See all" not in client.get("/").content.decode()

    def test_the_kinds_page_is_paged_and_costs_the_same_queries_for_more_work(self, client, world):
        client.force_login(world.partner_member)
        url = reverse("your_work", kwargs={"key": "actions"})

        def queries() -> int:
            client.get(url)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            assert response.status_code == 200
            return len(captured)

        self.actions(world, 3)
        few = queries()
        self.actions(world, 57)
        assert queries() == few
        assert "Showing 1 to 50 of 60 items" in client.get(url).content.decode()

    def test_an_unknown_kind_is_not_found_and_an_empty_kind_says_so(self, client, world):
        client.force_login(world.partner_member)

        assert client.get(reverse("your_work", kwargs={"key": "no-such-kind"})).status_code == 404
        empty = client.get(reverse("your_work", kwargs={"key": "actions"}))
        assert "Nothing of this kind is waiting for you." in empty.content.decode()
