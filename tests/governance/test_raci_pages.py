"""A large RACI matrix, a page of rows at a time: each page shows and saves its own rows, the gaps of the
whole matrix are summarised with links, and a page costs the same however large the matrix."""

import pytest
from django.urls import reverse

from collab.page_benchmark import counting_queries
from governance.models import RaciCell
from governance.packs.benchmark import LARGE, SMALL, seed_bench_initiative
from governance.raci import services
from governance.raci.slices import matrix_slice, rows_per_page
from tests.factories import BodyFactory
from tests.governance.factories import long_matrix, two_row_matrix

pytestmark = pytest.mark.django_db

URL = reverse("governance:raci", kwargs={"slug": "tell-us-once"})


def cell(row, column):
    return f"cell-{row.pk}-{column.pk}"


def letters(row):
    return {
        c.column.body.short_name: c.value
        for c in RaciCell.objects.filter(row=row).select_related("column__body")
    }


@pytest.fixture
def rows(world):
    """120 complete rows across DWP and HMRC: three pages of 50, 50 and 20."""
    return long_matrix(world, 120)


@pytest.fixture
def manager(client, world):
    client.force_login(world.programme_manager)
    return client


class TestPagesOfRows:
    @pytest.mark.parametrize(
        ("columns", "per_page"), [(1, 50), (2, 50), (3, 33), (12, 8), (100, 1), (400, 1)]
    )
    def test_a_page_holds_at_most_100_cells_and_50_rows(self, columns, per_page):
        assert rows_per_page(columns) == per_page

    @pytest.mark.parametrize(
        ("asked", "shown"), [(None, 1), ("2", 2), ("3", 3), ("99", 3), ("0", 3), ("two", 1)]
    )
    def test_a_page_number_that_is_not_one_gives_the_nearest_page(self, asked, shown):
        rows = list(range(120))

        assert matrix_slice(rows, columns=2, page=asked).page.number == shown

    def test_a_matrix_that_fits_on_one_page_is_shown_whole_without_page_links(self, manager, world):
        two_row_matrix(world)

        body = manager.get(URL).content.decode()

        assert "govuk-pagination" not in body
        assert body.count("<select") == 4

    def test_a_large_matrix_shows_one_page_of_rows_and_links_to_the_others(self, manager, world, rows):
        made, dwp, _hmrc = rows

        body = manager.get(f"{URL}?page=2").content.decode()

        assert "Activities and decisions: rows 51 to 100 of 120" in body
        assert body.count("<select") == 100
        assert f'name="{cell(made[50], dwp)}"' in body and f'name="{cell(made[99], dwp)}"' in body
        assert f'name="{cell(made[49], dwp)}"' not in body and f'name="{cell(made[100], dwp)}"' not in body
        assert 'href="?page=1"' in body and 'aria-label="Page 1: rows 1 to 50"' in body
        assert 'href="?page=3"' in body and 'aria-label="Page 3: rows 101 to 120"' in body
        assert 'aria-label="Page 2: rows 51 to 100" aria-current="page"' in body


class TestTheWholeMatrixSummary:
    def test_every_page_names_the_rows_to_complete_on_each_page_with_a_link(self, manager, world, rows):
        made, dwp, _hmrc = rows
        for row in made[100:105]:
            RaciCell.objects.filter(row=row, column=dwp).delete()

        body = manager.get(URL).content.decode()

        assert "5 rows are not complete" in body
        summary = body[body.index("Rows to complete across the matrix") :]
        assert '<a class="govuk-link" href="?page=3">Rows 101 to 120</a>: 5 rows' in summary
        assert "“Activity 101”, “Activity 102”, “Activity 103”" in summary
        assert "and 2 more" in summary

    def test_a_complete_matrix_has_no_summary_of_gaps(self, manager, world, rows):
        body = manager.get(URL).content.decode()

        assert "Rows to complete across the matrix" not in body


class TestSavingAPage:
    def page_one(self, made, dwp, hmrc, **changes):
        """Page 1 as drawn, each row's version with it, and the letters changed as given by row index."""
        data = {f"version-{row.pk}": "" for row in made[:50]}
        for row in made[:50]:
            data[cell(row, dwp)], data[cell(row, hmrc)] = "A", "R"
        for index, (for_dwp, for_hmrc) in changes.items():
            row = made[int(index.removeprefix("row"))]
            data[cell(row, dwp)], data[cell(row, hmrc)] = for_dwp, for_hmrc
        return data

    def test_saving_a_page_leaves_the_rows_of_the_other_pages_as_stored(self, manager, world, rows):
        made, dwp, hmrc = rows

        response = manager.post(f"{URL}?page=1", self.page_one(made, dwp, hmrc, row0=("R", "A")))

        assert response.status_code == 302
        assert response["Location"] == f"{URL}?page=1"
        assert letters(made[0]) == {"DWP": "R", "HMRC": "A"}
        assert all(letters(row) == {"DWP": "A", "HMRC": "R"} for row in made[50:])

    def test_rows_to_complete_on_other_pages_do_not_hold_back_or_count_against_a_page(
        self, manager, world, rows
    ):
        made, dwp, hmrc = rows
        RaciCell.objects.filter(row=made[110], column=dwp).delete()

        response = manager.post(f"{URL}?page=1", self.page_one(made, dwp, hmrc, row3=("R", "A")), follow=True)

        assert "RACI matrix saved: 1 row changed" in response.content.decode()
        assert "not saved" not in response.content.decode()
        assert letters(made[3]) == {"DWP": "R", "HMRC": "A"}
        assert letters(made[110]) == {"HMRC": "R"}

    def test_an_incomplete_row_on_the_page_is_refused_and_the_summary_still_covers_the_others(
        self, manager, world, rows
    ):
        made, dwp, hmrc = rows
        RaciCell.objects.filter(row=made[110], column=dwp).delete()

        response = manager.post(f"{URL}?page=1", self.page_one(made, dwp, hmrc, row2=("C", "R")))

        body = response.content.decode()
        assert "1 row not saved" in body
        assert "Choose who is accountable (A) for “Activity 3”" in body
        assert '<a class="govuk-link" href="?page=3">Rows 101 to 120</a>: 1 row' in body
        assert letters(made[2]) == {"DWP": "A", "HMRC": "R"}

    def test_a_save_covers_the_rows_the_page_drew_wherever_the_pages_now_fall(self, manager, world, rows):
        """Rows added or removed since the page was read move the page boundaries: the rows saved are
        those whose versions were posted, never a row the person did not see."""
        made, dwp, hmrc = rows
        drawn = {f"version-{made[60].pk}": "", cell(made[60], dwp): "R", cell(made[60], hmrc): "A"}

        response = manager.post(f"{URL}?page=1", drawn, follow=True)

        assert "RACI matrix saved: 1 row changed" in response.content.decode()
        assert "not saved" not in response.content.decode()
        assert letters(made[60]) == {"DWP": "R", "HMRC": "A"}
        assert all(letters(row) == {"DWP": "A", "HMRC": "R"} for row in made[:50])

    def test_the_service_saves_only_the_rows_given_whatever_the_values_say_of_others(self, world, rows):
        made, dwp, hmrc = rows

        result = services.raci_matrix_save_valid_rows(
            initiative=world.initiative,
            values={(made[0].pk, dwp.pk): "R", (made[0].pk, hmrc.pk): "A"},
            by=world.programme_manager,
            row_ids={made[0].pk},
        )

        assert (result.saved_rows, result.refused_rows) == (1, 0)
        assert letters(made[0]) == {"DWP": "R", "HMRC": "A"}
        assert letters(made[1]) == {"DWP": "A", "HMRC": "R"}


class TestCost:
    def test_a_page_of_a_large_matrix_makes_as_many_queries_as_a_small_matrix(self, client):
        small, large = (
            seed_bench_initiative(SMALL, label="Small"),
            seed_bench_initiative(LARGE, label="Large"),
        )
        counts = []
        for initiative, query in ((small, ""), (large, "?page=3")):
            client.force_login(initiative.roles.get(role="programme_manager").user)
            url = reverse("governance:raci", kwargs={"slug": initiative.slug})
            with counting_queries() as queries:
                assert client.get(f"{url}{query}").status_code == 200
            counts.append(len(queries))

        assert counts[0] == counts[1]

    def test_the_benchmark_matrix_page_weighs_well_under_150_kb(self, client):
        """12 bodies and 40 rows: 8 rows a page. It weighed 277 KB shown whole (docs/adr/0026)."""
        initiative = seed_bench_initiative(LARGE, label="Large")
        client.force_login(initiative.roles.get(role="programme_manager").user)
        url = reverse("governance:raci", kwargs={"slug": initiative.slug})

        sizes = [len(client.get(f"{url}?page={number}").content) for number in (1, 3, 5)]

        assert max(sizes) < 60_000


def test_the_warnings_above_a_large_matrix_are_listed_ten_at_most_the_bodies_first(manager, world):
    made, _dwp, _hmrc = long_matrix(world, 60)
    # Two of two bodies only consulted would be "most": every row gets the consulting warning.
    RaciCell.objects.filter(row__in=made).update(value="C")
    world.initiative.participations.create(body=BodyFactory(short_name="Idle"), role="partner")

    body = manager.get(URL).content.decode()

    listed = body[body.index("Worth a look") : body.index("</ul>", body.index("Worth a look"))]
    assert listed.count("<li>") == 11
    assert listed.index("Idle is not responsible") < listed.index("Most bodies are only consulted")
    assert "<li>and 53 more</li>" in listed
