import pytest
from django.db import IntegrityError

from initiatives.models import Initiative, Participation
from initiatives.querysets import visibility_read_once
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


class TestVisibilityReadOnce:
    def test_gives_each_person_what_visible_to_gives_them(self, world):
        people = [world.partner_member, world.outsider, world.assurance_reviewer, world.administrator]
        outside = {person.pk: set(Initiative.objects.visible_to(person)) for person in people}

        with visibility_read_once():
            inside = {person.pk: set(Initiative.objects.visible_to(person)) for person in people}

        assert inside == outside

    def test_reads_each_persons_initiatives_once(self, world, django_assert_num_queries):
        with visibility_read_once():
            with django_assert_num_queries(1):  # the list of ids, read when the filter is built
                Initiative.objects.visible_to(world.partner_member)
            with django_assert_num_queries(0):
                Initiative.objects.visible_to(world.partner_member)

    def test_forgets_at_the_end_of_the_block(self, world):
        newcomer_body = BodyFactory()
        person = UserFactory(bodies=[newcomer_body])
        with visibility_read_once():
            assert not Initiative.objects.visible_to(person).exists()

        ParticipationFactory(initiative=world.initiative, body=newcomer_body)

        assert list(Initiative.objects.visible_to(person)) == [world.initiative]
