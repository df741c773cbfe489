"""The RACI matrix saves what is valid and keeps what you typed.

One incomplete row no longer throws away the changes to every other row: complete rows are
saved, incomplete ones stay as they were stored and come back with what was typed, marked inline
and in the error summary, and the message says how many rows were saved.
"""

import pytest
from django.urls import reverse

from governance.models import RaciCell
from governance.raci import services
from governance.raci.presenters import saved_message
from governance.raci.validation import MatrixCheck
from tests.governance.factories import two_row_matrix

pytestmark = pytest.mark.django_db


@pytest.fixture
def matrix(world):
    """Two rows across the two bodies (DWP and HMRC), the first stored complete."""
    first, second, dwp, hmrc = two_row_matrix(world)
    services.raci_matrix_save_valid_rows(
        initiative=world.initiative,
        values={(first.pk, dwp.pk): "A", (first.pk, hmrc.pk): "R"},
        by=world.programme_manager,
    )
    return first, second, dwp, hmrc


def stored(world):
    return {
        (cell.row.activity[:7], cell.column.body.short_name): cell.value
        for cell in RaciCell.objects.filter(row__initiative=world.initiative).select_related(
            "row", "column__body"
        )
    }


def cell(row, column):
    return f"cell-{row.pk}-{column.pk}"


class TestTheService:
    def test_complete_rows_are_saved_and_an_incomplete_row_keeps_what_was_stored(self, world, matrix):
        first, second, dwp, hmrc = matrix

        result = services.raci_matrix_save_valid_rows(
            initiative=world.initiative,
            # The first row loses its A (incomplete); the second is completed.
            values={(first.pk, hmrc.pk): "R", (second.pk, dwp.pk): "R", (second.pk, hmrc.pk): "A"},
            by=world.programme_manager,
        )

        assert (result.saved_rows, result.refused_rows) == (1, 1)
        assert result.check.failing_rows == [0]
        assert stored(world) == {
            ("Approve", "DWP"): "A",
            ("Approve", "HMRC"): "R",
            ("Own the", "DWP"): "R",
            ("Own the", "HMRC"): "A",
        }

    def test_an_unchanged_complete_row_is_not_counted_as_saved(self, world, matrix):
        first, _second, dwp, hmrc = matrix

        result = services.raci_matrix_save_valid_rows(
            initiative=world.initiative,
            values={(first.pk, dwp.pk): "A", (first.pk, hmrc.pk): "R"},
            by=world.programme_manager,
        )

        assert (result.saved_rows, result.refused_rows) == (0, 1)


@pytest.mark.parametrize(
    ("saved", "refused", "message"),
    [
        (2, 0, "RACI matrix saved: 2 rows changed"),
        (1, 1, "RACI matrix saved: 1 row changed. 1 row not saved: correct it below and save again"),
        (0, 3, "No rows changed. 3 rows not saved: correct them below and save again"),
    ],
)
def test_the_message_says_how_many_rows_were_saved_and_how_many_were_not(saved, refused, message):
    result = services.MatrixSave(check=MatrixCheck(), saved_rows=saved, refused_rows=refused)

    assert saved_message(result) == message


class TestThePage:
    def post(self, client, world, data):
        client.force_login(world.programme_manager)
        return client.post(reverse("governance:raci", kwargs={"slug": world.initiative.slug}), data)

    def test_the_page_saves_the_complete_row_and_shows_the_incomplete_one_as_typed(
        self, client, world, matrix
    ):
        first, second, dwp, hmrc = matrix

        response = self.post(
            client,
            world,
            {cell(first, dwp): "C", cell(first, hmrc): "R", cell(second, dwp): "R", cell(second, hmrc): "A"},
        )

        body = response.content.decode()
        assert response.status_code == 200
        assert "RACI matrix saved: 1 row changed. 1 row not saved: correct it below and save again" in body
        assert "There is a problem" in body
        assert f'id="raci-row-{first.pk}-problems" class="govuk-error-message' in body
        typed = body[body.index(f'name="{cell(first, dwp)}"') :]
        assert '<option selected aria-label="Consulted">C</option>' in typed[: typed.index("</select>")]
        assert stored(world)[("Own the", "HMRC")] == "A"
        assert stored(world)[("Approve", "DWP")] == "A"

    def test_a_fully_valid_save_redirects_and_says_how_many_rows_changed(self, client, world, matrix):
        first, second, dwp, hmrc = matrix

        response = self.post(
            client,
            world,
            {cell(first, dwp): "A", cell(first, hmrc): "R", cell(second, dwp): "A", cell(second, hmrc): "R"},
        )

        assert response.status_code == 302
        page = client.get(response.url).content.decode()
        assert "RACI matrix saved: 1 row changed" in page
