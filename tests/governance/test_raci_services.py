"""Taking columns out of the RACI matrix never leaves a row without its A or its last R."""

import pytest

from governance.models import RaciCell, RaciColumn
from governance.raci import services
from initiatives.departures import BodyStillNeeded
from initiatives.models import Participation
from initiatives.services import CannotRemoveLeadBody, participation_remove
from tests.governance.factories import role_column, save_letters, two_row_matrix

pytestmark = pytest.mark.django_db


@pytest.fixture
def matrix(world):
    """Two rows across DWP and HMRC, and a named role within HMRC."""
    first, second, dwp, hmrc = two_row_matrix(world)
    policy = role_column(world)
    return first, second, dwp, hmrc, policy


def columns(world):
    return list(
        RaciColumn.objects.filter(initiative=world.initiative).values_list("body__short_name", "role_name")
    )


class TestRemovingAColumn:
    def test_a_column_whose_a_and_r_are_also_held_elsewhere_is_removed_with_its_cells(self, world, matrix):
        first, second, dwp, hmrc, policy = matrix
        save_letters(world, (dwp, hmrc, policy), (first, "A R R"), (second, "A R ."))

        services.raci_column_remove(column=policy, by=world.programme_manager)

        assert columns(world) == [("DWP", ""), ("HMRC", "")]
        assert not RaciCell.objects.filter(column_id=policy.pk).exists()

    def test_a_column_with_the_only_a_of_a_row_is_refused_naming_the_row(self, world, matrix):
        first, second, dwp, hmrc, policy = matrix
        save_letters(world, (dwp, hmrc, policy), (first, "A R ."), (second, ". A R"))

        with pytest.raises(services.RaciColumnsStillNeeded) as refusal:
            services.raci_column_remove(column=dwp, by=world.programme_manager)

        assert refusal.value.without_a == ["Approve the business case"]
        assert refusal.value.without_r == []
        assert str(refusal.value) == (
            "Column “DWP” cannot be removed: in the RACI matrix “Approve the business case” would have "
            "no accountable (A). Give that row another A in the matrix first."
        )
        assert columns(world) == [("DWP", ""), ("HMRC", ""), ("HMRC", "Policy")]
        assert RaciCell.objects.filter(row__initiative=world.initiative).count() == 4

    def test_a_column_with_the_last_r_of_rows_is_refused_naming_every_row(self, world, matrix):
        first, second, dwp, hmrc, _policy = matrix
        save_letters(world, (dwp, hmrc), (first, "A R"), (second, "A R"))

        with pytest.raises(services.RaciColumnsStillNeeded) as refusal:
            services.raci_column_remove(column=hmrc, by=world.programme_manager)

        assert refusal.value.without_r == ["Approve the business case", "Own the shared risk register"]
        assert "Give those rows another R in the matrix first" in str(refusal.value)

    def test_a_row_with_no_a_or_r_yet_does_not_stop_a_column_going(self, world, matrix):
        *_, policy = matrix

        services.raci_column_remove(column=policy, by=world.programme_manager)

        assert ("HMRC", "Policy") not in columns(world)


class TestABodyLeaving:
    def test_its_columns_named_roles_included_go_with_it(self, world, matrix):
        first, second, dwp, hmrc, policy = matrix
        finance = role_column(world, body=world.lead_body, role_name="Finance")
        save_letters(world, (dwp, finance, hmrc, policy), (first, "A R I C"), (second, "R A . ."))
        participation = world.initiative.participations.get(body=world.partner_body)

        participation_remove(participation=participation, by=world.programme_manager)

        assert not world.initiative.participations.filter(body=world.partner_body).exists()
        assert columns(world) == [("DWP", ""), ("DWP", "Finance")]
        assert RaciCell.objects.filter(row__initiative=world.initiative).count() == 4

    def test_it_is_refused_if_one_of_its_columns_holds_the_only_a_and_nothing_is_removed(self, world, matrix):
        first, second, dwp, hmrc, policy = matrix
        save_letters(world, (dwp, hmrc, policy), (first, "R . A"), (second, "A R ."))
        participation = world.initiative.participations.get(body=world.partner_body)

        # Refused before anything runs, listing what the confirmation page listed as "deal with first".
        with pytest.raises(BodyStillNeeded) as refusal:
            participation_remove(participation=participation, by=world.programme_manager)

        assert str(refusal.value).startswith("HM Revenue and Customs cannot be removed yet.")
        assert "“Approve the business case” would have no A" in str(refusal.value)
        assert "“Own the shared risk register” would have no R" in str(refusal.value)
        assert Participation.objects.filter(pk=participation.pk).exists()
        assert columns(world) == [("DWP", ""), ("HMRC", ""), ("HMRC", "Policy")]
        assert RaciCell.objects.filter(row__initiative=world.initiative).count() == 4

    def test_the_lead_body_is_refused_as_the_lead_before_its_columns_are_looked_at(self, world, matrix):
        first, second, dwp, hmrc, _policy = matrix
        save_letters(world, (dwp, hmrc), (first, "A R"), (second, "A R"))
        lead = world.initiative.participations.get(body=world.lead_body)

        with pytest.raises(CannotRemoveLeadBody):
            participation_remove(participation=lead, by=world.programme_manager)

        assert RaciColumn.objects.filter(pk=dwp.pk).exists()

    def test_a_body_without_columns_simply_leaves(self, world):
        participation = world.initiative.participations.get(body=world.partner_body)

        participation_remove(participation=participation, by=world.programme_manager)

        assert not world.initiative.participations.filter(body=world.partner_body).exists()
