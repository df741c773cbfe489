"""In Django admin the RACI matrix keeps its rules: one A and an R a row, columns of bodies taking part."""

import pytest

from governance.models import RaciCell, RaciColumn, RaciRow
from governance.raci import services
from initiatives.models import Participation
from tests.admin_forms import admin_form_data, admin_url, error_messages
from tests.governance.factories import role_column, save_letters, two_row_matrix

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, world):
    client.force_login(world.administrator)
    return client


@pytest.fixture
def matrix(world):
    """Two rows across DWP and HMRC: HMRC holds the only A of the first, DWP the only A of the second."""
    first, second, dwp, hmrc = two_row_matrix(world)
    save_letters(world, (dwp, hmrc), (first, "R A"), (second, "A R"))
    return first, second, dwp, hmrc


def cells(row: RaciRow) -> dict[str, str]:
    return dict(RaciCell.objects.filter(row=row).values_list("column__body__short_name", "value"))


def change_row(admin_client, row: RaciRow, **changes):
    url = admin_url(RaciRow, "change", row.pk)
    return admin_client.post(url, {**admin_form_data(admin_client, url), **changes})


class TestARowsCells:
    def test_the_admin_cannot_save_a_row_with_two_as(self, admin_client, matrix):
        first, _, dwp, hmrc = matrix

        response = change_row(admin_client, first, **{f"cell_{dwp.pk}": "A", f"cell_{hmrc.pk}": "A"})

        assert response.status_code == 200
        assert response.context["adminform"].form.non_field_errors() == [
            "“Approve the business case” has 2 As (DWP and HMRC): choose exactly one accountable",
            "Choose at least one responsible (R) for “Approve the business case”",
        ]
        assert cells(first) == {"DWP": "R", "HMRC": "A"}

    def test_the_form_shown_again_keeps_what_the_administrator_typed(self, admin_client, matrix):
        first, _, dwp, _ = matrix

        response = change_row(
            admin_client, first, activity="Approve the full business case", **{f"cell_{dwp.pk}": "A"}
        )

        form = response.context["adminform"].form
        assert form["activity"].value() == "Approve the full business case"
        assert form[f"cell_{dwp.pk}"].value() == "A"
        first.refresh_from_db()
        assert first.activity == "Approve the business case"

    def test_the_admin_moves_a_rows_a_through_the_matrix_service_with_who_changed_it(
        self, admin_client, world, matrix
    ):
        first, _, dwp, hmrc = matrix

        response = change_row(admin_client, first, **{f"cell_{dwp.pk}": "A", f"cell_{hmrc.pk}": "R"})

        assert response.status_code == 302
        assert cells(first) == {"DWP": "A", "HMRC": "R"}
        moved = RaciCell.objects.get(row=first, column=dwp)
        assert moved.history.latest().history_user == world.administrator

    def test_renaming_a_row_is_not_refused_for_a_gap_in_another_row(self, admin_client, world, matrix):
        first, _, _, _ = matrix
        services.raci_row_add(
            initiative=world.initiative, activity="Run the helpline", kind="activity", by=world.administrator
        )

        response = change_row(admin_client, first, activity="Approve the full business case")

        assert response.status_code == 302
        first.refresh_from_db()
        assert first.activity == "Approve the full business case"

    def test_a_row_is_added_at_the_bottom_of_the_matrix(self, admin_client, world, matrix):
        response = admin_client.post(
            admin_url(RaciRow, "add"),
            {"initiative": world.initiative.pk, "activity": "Run the helpline", "kind": "activity"},
        )

        assert response.status_code == 302
        assert list(world.initiative.raci_rows.values_list("activity", "position")) == [
            ("Approve the business case", 0),
            ("Own the shared risk register", 1),
            ("Run the helpline", 2),
        ]

    def test_a_row_whose_name_the_matrix_already_has_is_refused(self, admin_client, world, matrix):
        response = admin_client.post(
            admin_url(RaciRow, "add"),
            {"initiative": world.initiative.pk, "activity": "approve the business case", "kind": "decision"},
        )

        assert response.status_code == 200
        assert "activity" in response.context["adminform"].form.errors

    def test_cells_are_not_changed_one_at_a_time(self, admin_client, matrix):
        first, _, _, hmrc = matrix
        cell = RaciCell.objects.get(row=first, column=hmrc)

        response = admin_client.post(admin_url(RaciCell, "change", cell.pk), {"value": "R"})

        assert response.status_code == 403
        assert admin_client.get(admin_url(RaciCell, "add")).status_code == 403


class TestColumns:
    def test_a_column_holding_a_rows_only_a_is_not_removed(self, admin_client, matrix):
        first, _, _, hmrc = matrix

        response = admin_client.post(admin_url(RaciColumn, "delete", hmrc.pk), {"post": "yes"}, follow=True)

        assert error_messages(response) == [
            "Column “HMRC” cannot be removed: in the RACI matrix “Approve the business case” would have no "
            "accountable (A) and “Own the shared risk register” would have no responsible (R). "
            "Give those rows another A or R in the matrix first."
        ]
        assert RaciColumn.objects.filter(pk=hmrc.pk).exists()
        assert cells(first) == {"DWP": "R", "HMRC": "A"}

    def test_a_column_holding_neither_an_only_a_nor_a_last_r_is_removed_with_its_cells(
        self, admin_client, world, matrix
    ):
        policy = role_column(world, by=world.administrator)

        response = admin_client.post(admin_url(RaciColumn, "delete", policy.pk), {"post": "yes"})

        assert response.status_code == 302
        assert not RaciColumn.objects.filter(pk=policy.pk).exists()

    def test_a_column_is_added_only_for_a_body_taking_part(self, admin_client, world, matrix):
        response = admin_client.post(
            admin_url(RaciColumn, "add"),
            {"initiative": world.initiative.pk, "body": world.unrelated_body.pk, "role_name": ""},
        )

        assert response.status_code == 200
        assert response.context["adminform"].form.errors["body"] == [
            "SG does not take part in Tell Us Once for bereavement"
        ]
        assert not RaciColumn.objects.filter(body=world.unrelated_body).exists()

    def test_a_named_role_of_a_body_taking_part_is_added_after_the_other_columns(
        self, admin_client, world, matrix
    ):
        response = admin_client.post(
            admin_url(RaciColumn, "add"),
            {
                "initiative": world.initiative.pk,
                "body": world.partner_body.pk,
                "role_name": "Policy",
                "holder": world.partner_member.pk,
            },
        )

        assert response.status_code == 302
        added = RaciColumn.objects.get(role_name="Policy")
        assert (added.holder, added.position) == (world.partner_member, 2)

    def test_a_holder_from_another_body_is_refused(self, admin_client, world, matrix):
        _, _, _, hmrc = matrix
        url = admin_url(RaciColumn, "change", hmrc.pk)

        response = admin_client.post(
            url, {**admin_form_data(admin_client, url), "holder": world.programme_manager.pk}
        )

        assert response.status_code == 200
        assert "holder" in response.context["adminform"].form.errors
        hmrc.refresh_from_db()
        assert hmrc.holder is None


class TestABodyLeaving:
    def test_the_admin_cannot_remove_a_body_that_still_holds_a_rows_only_a(self, admin_client, world, matrix):
        partner = world.initiative.participations.get(body=world.partner_body)

        response = admin_client.post(
            admin_url(Participation, "delete", partner.pk), {"post": "yes"}, follow=True
        )

        assert error_messages(response) == [
            "HM Revenue and Customs cannot be removed yet. RACI rows left without their A or last R: "
            "give them another first: “Approve the business case” would have no A, "
            "“Own the shared risk register” would have no R."
        ]
        assert Participation.objects.filter(pk=partner.pk).exists()
        assert world.initiative.raci_columns.filter(body=world.partner_body).exists()

    def test_a_body_whose_as_and_rs_are_held_elsewhere_leaves_with_its_columns(
        self, admin_client, world, matrix
    ):
        first, second, dwp, hmrc = matrix
        delivery = role_column(world, body=world.lead_body, role_name="Delivery", by=world.administrator)
        save_letters(world, (dwp, delivery, hmrc), (first, "A R C"), (second, "A R C"))
        partner = world.initiative.participations.get(body=world.partner_body)

        response = admin_client.post(admin_url(Participation, "delete", partner.pk), {"post": "yes"})

        assert response.status_code == 302
        assert not Participation.objects.filter(pk=partner.pk).exists()
        assert list(world.initiative.raci_columns.values_list("body__short_name", "role_name")) == [
            ("DWP", ""),
            ("DWP", "Delivery"),
        ]
