"""The RACI matrix in the browser's requests: one POST saves every complete row, and shows the rest."""

import csv
import io

import pytest
from django.urls import reverse

from governance.models import RaciCell, RaciColumn, RaciRow
from governance.raci import services
from tests.factories import BodyFactory, ParticipationFactory, UserFactory
from tests.governance.factories import save_letters, two_row_matrix

pytestmark = pytest.mark.django_db


def url(name, slug="tell-us-once", **kwargs):
    return reverse(f"governance:{name}", kwargs={"slug": slug, **kwargs})


@pytest.fixture
def matrix(world):
    """Two rows across the two bodies: DWP and HMRC."""
    return two_row_matrix(world)


def cell(row, column):
    return f"cell-{row.pk}-{column.pk}"


def stored(world):
    return {
        (c.row.activity, c.column.body.short_name): c.value
        for c in RaciCell.objects.filter(row__initiative=world.initiative).select_related(
            "row", "column__body"
        )
    }


class TestSavingTheMatrix:
    def test_the_first_row_brings_a_column_for_each_body_taking_part_lead_first(self, world, matrix):
        _first, _second, dwp, hmrc = matrix

        assert (dwp.body, hmrc.body) == (world.lead_body, world.partner_body)

    def test_a_valid_matrix_is_saved_in_one_post(self, client, world, matrix):
        first, second, dwp, hmrc = matrix
        client.force_login(world.programme_manager)

        response = client.post(
            url("raci"),
            {cell(first, dwp): "A", cell(first, hmrc): "R", cell(second, dwp): "R", cell(second, hmrc): "A"},
        )

        assert response.status_code == 302
        assert stored(world) == {
            ("Approve the business case", "DWP"): "A",
            ("Approve the business case", "HMRC"): "R",
            ("Own the shared risk register", "DWP"): "R",
            ("Own the shared risk register", "HMRC"): "A",
        }

    def test_a_row_with_two_as_is_not_saved_and_the_page_explains_and_keeps_the_choices(
        self, client, world, matrix
    ):
        # The other, valid row is saved (tests/governance/test_raci_partial_save.py).
        first, second, dwp, hmrc = matrix
        client.force_login(world.programme_manager)

        response = client.post(
            url("raci"),
            {cell(first, dwp): "A", cell(first, hmrc): "A", cell(second, dwp): "R", cell(second, hmrc): "A"},
        )

        body = response.content.decode()
        assert response.status_code == 200
        assert stored(world) == {
            ("Own the shared risk register", "DWP"): "R",
            ("Own the shared risk register", "HMRC"): "A",
        }
        assert "<title>Error: RACI matrix" in body
        assert "There is a problem" in body
        summary = body[
            body.index("govuk-error-summary") : body.index("</ul>", body.index("govuk-error-summary"))
        ]
        assert f'href="#id_{cell(first, dwp)}"' in summary
        assert "“Approve the business case” has 2 As (DWP and HMRC)" in summary
        assert "Own the shared risk register" not in summary
        assert "jup-raci-row--error" in body
        assert f'id="raci-row-{first.pk}-problems" class="govuk-error-message' in body
        # The choices the user made are still there to correct.
        select = body[body.index(f'name="{cell(first, hmrc)}"') :]
        assert (
            select[: select.index("</select>")].count('<option selected aria-label="Accountable">A</option>')
            == 1
        )

    def test_a_row_without_a_or_r_is_not_saved_but_the_valid_row_is(self, client, world, matrix):
        first, second, dwp, hmrc = matrix
        client.force_login(world.programme_manager)

        response = client.post(
            url("raci"), {cell(first, dwp): "C", cell(second, dwp): "A", cell(second, hmrc): "R"}
        )

        body = response.content.decode()
        assert "Choose who is accountable (A) for “Approve the business case”" in body
        assert "Choose at least one responsible (R) for “Approve the business case”" in body
        assert stored(world) == {
            ("Own the shared risk register", "DWP"): "A",
            ("Own the shared risk register", "HMRC"): "R",
        }

    def test_a_tampered_value_is_refused_with_a_message(self, client, world, matrix):
        first, second, dwp, hmrc = matrix
        client.force_login(world.programme_manager)

        response = client.post(
            url("raci"),
            {cell(first, dwp): "X", cell(first, hmrc): "R", cell(second, dwp): "A", cell(second, hmrc): "R"},
        )

        assert "Select R, A, C, I or nothing for Approve the business case — DWP" in response.content.decode()
        assert stored(world) == {}

    def test_clearing_a_cell_removes_it(self, client, world, matrix):
        first, second, dwp, hmrc = matrix
        save_letters(world, (dwp, hmrc), (first, "A R"), (second, "A R"))
        client.force_login(world.programme_manager)
        extra = BodyFactory(short_name="MCC")
        ParticipationFactory(initiative=world.initiative, body=extra)
        mcc = services.raci_columns_from_bodies(initiative=world.initiative, by=world.programme_manager)[0]
        RaciCell.objects.create(row=first, column=mcc, value="I")

        client.post(
            url("raci"),
            {
                cell(first, dwp): "A",
                cell(first, hmrc): "R",
                cell(second, dwp): "A",
                cell(second, hmrc): "R",
                cell(first, mcc): "",
            },
        )

        assert ("Approve the business case", "MCC") not in stored(world)

    @pytest.mark.parametrize("persona", ["senior_owner", "partner_member", "assurance_reviewer"])
    def test_readers_see_the_matrix_without_selects_and_cannot_post(self, client, world, matrix, persona):
        first, _second, dwp, _hmrc = matrix
        client.force_login(getattr(world, persona))

        page = client.get(url("raci"))
        post = client.post(url("raci"), {cell(first, dwp): "A"})

        assert page.status_code == 200
        assert "<select" not in page.content.decode()
        assert "Approve the business case" in page.content.decode()
        assert post.status_code == 403

    def test_an_unrelated_body_gets_not_found(self, client, world, matrix):
        client.force_login(world.outsider)

        for name in ("raci", "raci_csv", "raci_structure", "raci_starter"):
            assert client.get(url(name)).status_code == 404

    def test_each_select_is_labelled_with_its_row_and_column(self, client, world, matrix):
        first, _second, dwp, _hmrc = matrix
        client.force_login(world.programme_manager)

        body = client.get(url("raci")).content.decode()

        assert f'name="{cell(first, dwp)}" aria-label="Approve the business case — DWP"' in body

    def test_a_reader_hears_each_letter_as_its_word(self, client, world, matrix):
        first, second, dwp, hmrc = matrix
        save_letters(world, (dwp, hmrc), (first, "A R"), (second, "R A"))
        client.force_login(world.partner_member)

        body = client.get(url("raci")).content.decode()

        for letter, word in (("A", "Accountable"), ("R", "Responsible")):
            assert (
                f'<span aria-hidden="true">{letter}</span><span class="govuk-visually-hidden">{word}</span>'
                in body
            )

    def test_stored_rows_still_to_complete_are_counted_without_an_error_summary(self, client, world, matrix):
        client.force_login(world.programme_manager)

        body = client.get(url("raci")).content.decode()

        assert "2 rows are not complete" in body
        assert "There is a problem" not in body


class TestTheWarningsWhenSaved:
    def test_a_saved_matrix_lists_a_body_with_no_r_or_a(self, client, world, matrix):
        first, second, dwp, hmrc = matrix
        mcc = BodyFactory(short_name="MCC")
        ParticipationFactory(initiative=world.initiative, body=mcc)
        client.force_login(world.programme_manager)

        response = client.post(
            url("raci"),
            {cell(first, dwp): "A", cell(first, hmrc): "R", cell(second, dwp): "A", cell(second, hmrc): "R"},
            follow=True,
        )

        body = response.content.decode()
        assert "RACI matrix saved: 2 rows changed, with 1 warning to look at" in body
        assert "MCC is not responsible or accountable for anything" in body


class TestExport:
    def test_it_downloads_the_matrix_as_csv_with_formulas_neutralised(self, client, world, matrix):
        first, second, dwp, hmrc = matrix
        first.activity = '=HYPERLINK("http://evil.example","Click")'
        first.save()
        dwp.role_name, dwp.holder = "Senior responsible owner", world.senior_owner
        dwp.save()
        save_letters(world, (dwp, hmrc), (first, "A R"), (second, "R A"))
        client.force_login(world.partner_member)

        response = client.get(url("raci_csv"))

        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="tell-us-once-raci.csv"'
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows == [
            ["Activity or decision", "Kind", "DWP — Senior responsible owner (David Okafor)", "HMRC"],
            ['\'=HYPERLINK("http://evil.example","Click")', "Decision", "A", "R"],
            ["Own the shared risk register", "Activity", "R", "A"],
        ]


class TestRowsAndColumns:
    def test_rows_are_added_renamed_reordered_and_removed(self, client, world, matrix):
        first, second, _dwp, _hmrc = matrix
        client.force_login(world.programme_manager)

        client.post(url("raci_row_add"), {"activity": "Report shared measures", "kind": "activity"})
        client.post(
            url("raci_row_edit", pk=first.pk),
            {"activity": "Approve the full business case", "kind": "decision"},
        )
        client.post(url("raci_row_move", pk=second.pk), {"direction": "up"})
        client.post(url("raci_row_remove", pk=first.pk), {"confirmed": "yes"})

        assert list(
            RaciRow.objects.filter(initiative=world.initiative).values_list("activity", flat=True)
        ) == [
            "Own the shared risk register",
            "Report shared measures",
        ]

    def test_a_row_name_already_in_the_matrix_is_refused(self, client, world, matrix):
        client.force_login(world.programme_manager)

        response = client.post(
            url("raci_row_add"), {"activity": "approve the business case", "kind": "decision"}
        )

        assert "The matrix already has a row called “approve the business case”" in response.content.decode()

    def test_suggested_rows_come_from_the_operating_model_and_only_chosen_ones_are_added(
        self, client, world, matrix
    ):
        world.initiative.operating_model = "data_sharing_partnership"
        world.initiative.save()
        client.force_login(world.programme_manager)

        page = client.get(url("raci_starter")).content.decode()
        client.post(
            url("raci_starter"),
            {"activities": ["Approve the data sharing agreement", "Report shared measures"]},
        )

        assert "Approve the data sharing agreement" in page
        assert "Approve migration plan" not in page
        # Already in the matrix, so not offered again.
        assert 'value="Approve the business case"' not in page
        activities = set(
            RaciRow.objects.filter(initiative=world.initiative).values_list("activity", flat=True)
        )
        assert {"Approve the data sharing agreement", "Report shared measures"} <= activities
        assert "Own data definitions" not in activities

    def test_choosing_no_suggested_row_is_explained(self, client, world):
        client.force_login(world.programme_manager)

        assert "Select at least one row to add" in client.post(url("raci_starter"), {}).content.decode()

    def test_a_column_for_a_named_role_with_a_holder_from_that_body(self, client, world, matrix):
        client.force_login(world.programme_manager)

        client.post(
            url("raci_column_add"),
            {
                "body": world.lead_body.pk,
                "role_name": "Senior responsible owner",
                "holder": world.senior_owner.pk,
            },
        )

        column = RaciColumn.objects.get(role_name="Senior responsible owner")
        assert (column.body, column.holder, column.position) == (world.lead_body, world.senior_owner, 2)

    def test_a_holder_from_another_body_is_refused(self, client, world, matrix):
        client.force_login(world.programme_manager)

        response = client.post(
            url("raci_column_add"),
            {"body": world.lead_body.pk, "role_name": "Chair", "holder": world.partner_member.pk},
        )

        assert "Choose a holder who is a member of DWP, or no named holder" in response.content.decode()
        assert not RaciColumn.objects.filter(role_name="Chair").exists()

    def test_a_second_whole_body_column_is_refused(self, client, world, matrix):
        client.force_login(world.programme_manager)

        response = client.post(url("raci_column_add"), {"body": world.lead_body.pk, "role_name": ""})

        assert "DWP already has a column for the whole body" in response.content.decode()

    def test_a_body_outside_the_initiative_cannot_be_a_column(self, client, world, matrix):
        client.force_login(world.programme_manager)

        response = client.post(url("raci_column_add"), {"body": world.unrelated_body.pk, "role_name": "x"})

        assert "Select a valid choice" in response.content.decode()

    def test_columns_are_reordered_changed_and_removed(self, client, world, matrix):
        _first, _second, dwp, hmrc = matrix
        client.force_login(world.programme_manager)

        client.post(url("raci_column_move", pk=hmrc.pk), {"direction": "up"})
        client.post(
            url("raci_column_edit", pk=hmrc.pk), {"role_name": "Policy", "holder": world.partner_member.pk}
        )
        order = list(
            RaciColumn.objects.filter(initiative=world.initiative).values_list(
                "body__short_name", "role_name", "holder"
            )
        )
        client.post(url("raci_column_remove", pk=dwp.pk), {"confirmed": "yes"})

        assert order == [("HMRC", "Policy", world.partner_member.pk), ("DWP", "", None)]
        assert list(RaciColumn.objects.filter(initiative=world.initiative)) == [hmrc]

    def test_removing_a_column_with_the_only_a_of_a_row_is_refused_with_a_message(
        self, client, world, matrix
    ):
        first, second, dwp, hmrc = matrix
        save_letters(world, (dwp, hmrc), (first, "A R"), (second, "R A"))
        client.force_login(world.programme_manager)

        response = client.post(url("raci_column_remove", pk=hmrc.pk), {"confirmed": "yes"}, follow=True)

        assert response.redirect_chain == [(url("raci_structure"), 302)]
        page = response.content.decode()
        assert "There is a problem" in page
        assert (
            "Column “HMRC” cannot be removed: in the RACI matrix “Own the shared risk register” would "
            "have no accountable (A) and “Approve the business case” would have no responsible (R). "
            "Give those rows another A or R in the matrix first."
        ) in page
        assert RaciColumn.objects.filter(pk=hmrc.pk).exists()
        assert len(stored(world)) == 4

    def test_a_body_that_joins_later_gets_a_column_on_request(self, client, world, matrix):
        ParticipationFactory(initiative=world.initiative, body=BodyFactory(short_name="MCC"))
        client.force_login(world.programme_manager)

        assert "Add a column for MCC" in client.get(url("raci_structure")).content.decode()
        client.post(url("raci_columns_from_bodies"))

        assert RaciColumn.objects.filter(initiative=world.initiative, body__short_name="MCC").exists()

    @pytest.mark.parametrize(
        "name", ["raci_row_add", "raci_column_add", "raci_columns_from_bodies", "raci_starter"]
    )
    def test_only_programme_managers_change_the_structure(self, client, world, matrix, name):
        client.force_login(world.partner_member)

        assert client.post(url(name), {"activity": "x", "kind": "activity"}).status_code == 403

    def test_moving_is_post_only_and_removing_asks_first(self, client, world, matrix):
        first, *_ = matrix
        client.force_login(world.programme_manager)

        assert client.get(url("raci_row_move", pk=first.pk)).status_code == 405
        assert "govuk-warning-text" in client.get(url("raci_row_remove", pk=first.pk)).content.decode()
        assert RaciRow.objects.filter(pk=first.pk).exists()


def test_a_holder_is_listed_by_name_only_among_people_of_participating_bodies(client, world, matrix):
    stranger = UserFactory(full_name="Stranger Danger", bodies=[world.unrelated_body])
    client.force_login(world.programme_manager)

    body = client.get(url("raci_column_add")).content.decode()

    assert "David Okafor" in body
    assert stranger.full_name not in body
