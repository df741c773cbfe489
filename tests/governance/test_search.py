"""The header's search: every kind found, ranked, filtered, and never beyond what the person may see."""

import importlib

import pytest
from django.db import connection
from django.urls import reverse

from governance.search.forms import MAX_QUERY_LENGTH
from governance.search.kinds import KINDS
from governance.search.matching import matching
from governance.search.results import search
from initiatives.models import Initiative
from tests.factories import BodyFactory, InitiativeFactory, ParticipationFactory, UserFactory
from tests.governance.search_records import one_of_each, retire

pytestmark = pytest.mark.django_db

KIND_SLUGS = ("initiative", "risk", "decision", "term", "measure", "agreement", "forum")


def results_of(client, **params):
    response = client.get(reverse("search:results"), params)
    assert response.status_code == 200
    return response


def found_titles(response) -> list[str]:
    return [row.title for row in response.context.get("rows", [])]


@pytest.fixture
def elsewhere(world):
    """An initiative of the Scottish Government alone, with a record of each kind saying "zephyr"."""
    initiative = InitiativeFactory(title="Zephyr elsewhere", lead_body=world.unrelated_body)
    one_of_each(initiative, world.outsider, "zephyr")
    return initiative


class TestFinding:
    @pytest.mark.parametrize("kind", KIND_SLUGS[1:])
    def test_it_finds_each_kind_by_a_word_of_its_title(self, client, world, kind):
        records = one_of_each(world.initiative, world.programme_manager, "Zephyr")
        client.force_login(world.partner_member)

        response = results_of(client, q="zephyr", kind=kind)

        assert response.context["total"] == 1
        assert response.context["rows"][0].url == KINDS[kind].link(records[kind])

    def test_it_finds_initiatives_by_their_outcome_statement(self, client, world):
        world.initiative.outcome_statement = "Bereaved people tell government once"
        world.initiative.save()
        client.force_login(world.partner_member)

        response = results_of(client, q="bereaved", kind="initiative")

        assert found_titles(response) == [world.initiative.title]
        assert response.context["rows"][0].url == world.initiative.get_absolute_url()

    def test_it_finds_words_in_the_text_and_ranks_title_matches_first(self, client, world):
        one_of_each(world.initiative, world.programme_manager, "zephyr", in_title=False)
        one_of_each(world.initiative, world.programme_manager, "zephyr")
        client.force_login(world.programme_manager)

        rows = results_of(client, q="zephyr").context["rows"]

        assert len(rows) == 12
        in_title = ["zephyr" in row.title.lower() for row in rows]
        assert in_title == [True] * 6 + [False] * 6

    def test_it_marks_retired_records_and_links_them_to_their_closed_list(self, client, world):
        records = one_of_each(world.initiative, world.programme_manager, "zephyr")
        retire(records["forum"], world.programme_manager)
        client.force_login(world.programme_manager)

        row = results_of(client, q="zephyr", kind="forum").context["rows"][0]

        assert row.retired == "Stood down"
        assert row.url == reverse("governance:forums_closed", args=[world.initiative.slug])

    def test_it_counts_each_kind_and_keeps_the_words_in_the_box(self, client, world):
        one_of_each(world.initiative, world.programme_manager, "zephyr")
        client.force_login(world.programme_manager)

        response = results_of(client, q="zephyr", kind="risk")

        assert [kind.count for kind in response.context["counts"]] == [0, 1, 1, 1, 1, 1, 1]
        assert 'value="zephyr"' in response.content.decode()
        assert "1 result for “zephyr”" in response.content.decode()

    def test_it_says_what_to_try_when_nothing_matches(self, client, world):
        client.force_login(world.programme_manager)

        response = results_of(client, q="nothing-like-this")

        assert "There are no matching results" in response.content.decode()


class TestScope:
    def test_nobody_finds_the_records_of_an_initiative_they_cannot_see(self, client, world, elsewhere):
        for person in (world.partner_member, world.programme_manager, world.assurance_reviewer):
            client.force_login(person)
            assert results_of(client, q="zephyr").context["total"] == 0

    def test_the_initiatives_own_bodies_find_its_records(self, client, world, elsewhere):
        client.force_login(world.outsider)

        assert results_of(client, q="zephyr").context["total"] == 7

    def test_an_assigned_reviewer_finds_the_records_of_the_initiative_they_assure(self, client, world):
        one_of_each(world.initiative, world.programme_manager, "zephyr")
        client.force_login(world.assurance_reviewer)

        assert results_of(client, q="zephyr").context["total"] == 6

    def test_someone_in_no_body_finds_nothing(self, client, world):
        one_of_each(world.initiative, world.programme_manager, "zephyr")
        client.force_login(UserFactory(bodies=[BodyFactory()]))

        assert results_of(client, q="zephyr").context["total"] == 0

    def test_signing_in_comes_first(self, client):
        response = client.get(reverse("search:results"), {"q": "zephyr"})

        assert response.status_code == 302


class TestFilters:
    def test_the_initiative_filter_narrows_to_one_initiative(self, client, world, elsewhere):
        ParticipationFactory(initiative=elsewhere, body=world.partner_body)
        one_of_each(world.initiative, world.programme_manager, "zephyr")
        client.force_login(world.partner_member)

        everywhere = results_of(client, q="zephyr").context["total"]
        here = results_of(client, q="zephyr", initiative=world.initiative.pk).context

        assert (everywhere, here["total"]) == (13, 6)
        assert {row.initiative for row in here["rows"]} == {world.initiative.title}

    def test_the_kind_links_keep_the_words_and_the_initiative(self, client, world):
        one_of_each(world.initiative, world.programme_manager, "zephyr")
        client.force_login(world.partner_member)

        counts = results_of(client, q="zephyr", initiative=world.initiative.pk, page=2).context["counts"]

        assert counts[1].url == f"?q=zephyr&initiative={world.initiative.pk}&kind=risk"

    def test_results_come_fifty_to_a_page(self, client, world):
        for _ in range(9):
            one_of_each(world.initiative, world.programme_manager, "zephyr")
        client.force_login(world.programme_manager)

        first = results_of(client, q="zephyr").context
        second = results_of(client, q="zephyr", page=2).context

        assert (len(first["rows"]), len(second["rows"]), first["total"]) == (50, 4, 54)
        assert not {row.url + row.title for row in first["rows"]} & {
            row.url + row.title for row in second["rows"]
        }


class TestBadInput:
    @pytest.mark.parametrize(
        ("params", "message"),
        [
            ({"q": "x" * (MAX_QUERY_LENGTH + 1)}, f"Search for {MAX_QUERY_LENGTH} characters or fewer"),
            ({"q": "zephyr", "kind": "spreadsheet"}, "Select a kind of record from the list"),
            ({"q": "zephyr", "initiative": "not-a-number"}, "Select an initiative from the list"),
            ({"q": "zephyr\x00"}, "Null characters are not allowed"),
        ],
    )
    def test_bad_input_is_explained_not_a_server_error(self, client, world, params, message):
        client.force_login(world.programme_manager)

        response = results_of(client, **params)

        assert message in response.content.decode()
        assert "govuk-error-summary" in response.content.decode()
        assert "rows" not in response.context

    def test_someone_elses_initiative_is_refused_as_not_on_the_list(self, client, world, elsewhere):
        client.force_login(world.partner_member)

        response = results_of(client, q="zephyr", initiative=elsewhere.pk)

        assert "Select an initiative from the list" in response.content.decode()
        assert "Zephyr elsewhere" not in response.content.decode()

    @pytest.mark.parametrize("words", ['"unclosed', "-", "or or", "a:b & c | !d", "<script>", "ünïcode"])
    def test_odd_words_are_searched_safely(self, client, world, words):
        client.force_login(world.programme_manager)

        response = results_of(client, q=words, page="999")

        assert "<script>" not in response.content.decode().split("<main", 1)[1]

    def test_the_header_search_box_is_on_every_signed_in_page(self, client, world):
        client.force_login(world.partner_member)

        page = client.get(reverse("home")).content.decode()

        assert 'role="search"' in page
        assert 'for="header-search"' in page


def test_search_reads_only_the_page_it_shows(world, django_assert_max_num_queries):
    for _ in range(3):
        one_of_each(world.initiative, world.programme_manager, "zephyr")

    with django_assert_max_num_queries(7 + 6):
        found = search(user=world.programme_manager, words="zephyr")
        assert all(hit.record is not None for hit in found.page.object_list)


@pytest.mark.postgres  # full-text search runs on PostgreSQL
class TestFullTextOnPostgreSQL:
    def test_it_finds_other_forms_of_a_word(self, client, world):
        one_of_each(world.initiative, world.programme_manager, "notifications")
        client.force_login(world.programme_manager)

        assert results_of(client, q="notification", kind="risk").context["total"] == 1

    def test_it_reads_phrases_and_left_out_words_as_a_web_search_does(self, client, world):
        one_of_each(world.initiative, world.programme_manager, "zephyr wind")
        one_of_each(world.initiative, world.programme_manager, "zephyr calm")
        client.force_login(world.programme_manager)

        assert results_of(client, q='"zephyr wind"', kind="risk").context["total"] == 1
        assert results_of(client, q="zephyr -wind", kind="risk").context["total"] == 1


def test_every_kind_but_initiatives_has_a_search_index_on_its_very_search_expression():
    """Migration 0025's indexes serve the search only while their fields are the kinds' fields."""
    migration = importlib.import_module("governance.migrations.0025_search_indexes")
    indexed = {
        model: (title_field, text_fields)
        for model, _name, title_field, text_fields in migration.SEARCH_INDEXES
    }

    assert indexed == {
        kind.model._meta.model_name: (kind.title_field, kind.text_fields)
        for kind in KINDS.values()
        if kind.initiative_path
    }


@pytest.mark.postgres  # the index exists on PostgreSQL only
def test_searching_risks_reads_the_index_not_every_risk(world):
    kind = KINDS["risk"]
    records = matching(kind.records_in(Initiative.objects.all()), kind, "zephyr")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a test's few rows would not need an index
        sql, params = records.values("pk").query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "risk_search" in plan
