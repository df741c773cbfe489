import pytest
from django.db import IntegrityError

from initiatives.models import Initiative, Participation
from tests.factories import BodyFactory, InitiativeFactory, ParticipationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_user_signs_in_with_a_lower_cased_email_address():
    from initiatives.models import User

    user = User.objects.create_user("Priya.Shah@DWP.example", "long-enough-password", full_name="Priya Shah")

    assert user.email == "priya.shah@dwp.example"
    assert str(user) == "Priya Shah"


def test_a_body_takes_part_in_an_initiative_only_once():
    initiative = InitiativeFactory()

    with pytest.raises(IntegrityError):
        ParticipationFactory(initiative=initiative, body=initiative.lead_body)


def test_value_areas_have_readable_labels():
    initiative = InitiativeFactory(value_areas=["data_sharing", "crisis_response"])

    assert initiative.value_area_labels == ["Data sharing", "Crisis response"]


def test_participations_list_the_lead_first_then_partners_then_others():
    initiative = InitiativeFactory(lead_body=BodyFactory(name="Zeta Agency"))
    ParticipationFactory(initiative=initiative, body=BodyFactory(name="Alpha Council"), role="consulted")
    ParticipationFactory(initiative=initiative, body=BodyFactory(name="Beta Department"), role="partner")

    roles = [p.role for p in Participation.objects.filter(initiative=initiative).in_role_order()]

    assert roles == ["lead", "partner", "consulted"]


def test_changes_to_an_initiative_are_kept_as_history():
    initiative = InitiativeFactory(status=Initiative.Status.DRAFT)
    initiative.status = Initiative.Status.ACTIVE
    initiative.save()

    assert [h.status for h in initiative.history.order_by("history_date")] == ["draft", "active"]


class TestVisibleTo:
    def test_members_of_a_participating_body_see_the_initiative(self, world):
        assert world.initiative in Initiative.objects.visible_to(world.partner_member)

    def test_members_of_an_unrelated_body_do_not(self, world):
        assert world.initiative not in Initiative.objects.visible_to(world.outsider)

    def test_an_assigned_assurance_reviewer_does_though_their_body_takes_no_part(self, world):
        assert world.initiative in Initiative.objects.visible_to(world.assurance_reviewer)

    def test_administrators_see_everything(self, world):
        assert world.initiative in Initiative.objects.visible_to(world.administrator)

    def test_anonymous_users_see_nothing(self, world):
        from django.contrib.auth.models import AnonymousUser

        assert not Initiative.objects.visible_to(AnonymousUser()).exists()

    def test_a_person_in_two_participating_bodies_sees_the_initiative_once(self, world):
        person = UserFactory(bodies=[world.lead_body, world.partner_body])

        assert list(Initiative.objects.visible_to(person)) == [world.initiative]
