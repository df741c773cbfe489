"""The named reads pages, forms, rules and services share: who and what takes part in an initiative."""

import pytest
from django.contrib.auth.models import Group

from initiatives.models import Body, Initiative, InitiativeRole, User
from initiatives.roles import ASSURANCE_REVIEWERS_GROUP
from tests.factories import InitiativeFactory, InitiativeRoleFactory, UserFactory

pytestmark = pytest.mark.django_db


class TestBodies:
    def test_the_bodies_taking_part_are_the_lead_and_the_partners(self, world):
        assert list(Body.objects.taking_part_in(world.initiative)) == [world.lead_body, world.partner_body]

    def test_the_bodies_not_taking_part_are_every_other_body(self, world):
        taking_no_part = Body.objects.not_taking_part_in(world.initiative)

        assert world.unrelated_body in taking_no_part
        assert world.lead_body not in taking_no_part

    def test_a_persons_own_bodies_taking_part_leave_out_their_bodies_that_do_not(self, world):
        UserFactory(email="partner@hmrc.example", bodies=[world.unrelated_body])

        own = Body.objects.taking_part_in(world.initiative).with_member(world.partner_member)

        assert list(own) == [world.partner_body]


class TestPeople:
    def test_people_working_on_an_initiative_belong_to_a_body_taking_part(self, world):
        working = set(User.objects.working_on(world.initiative))

        assert working == {world.programme_manager, world.senior_owner, world.partner_member}

    def test_someone_in_two_bodies_taking_part_is_listed_once(self, world):
        UserFactory(email=world.partner_member.email, bodies=[world.lead_body])

        assert list(User.objects.working_on(world.initiative)).count(world.partner_member) == 1

    def test_a_deactivated_person_no_longer_works_on_it(self, world):
        world.partner_member.is_active = False
        world.partner_member.save()

        assert world.partner_member not in User.objects.working_on(world.initiative)

    def test_programme_managers_and_reviewers_are_those_assigned_to_this_initiative(self, world):
        other = InitiativeFactory(lead_body=world.lead_body)
        InitiativeRoleFactory(initiative=other, user=world.senior_owner)

        assert list(User.objects.managing(world.initiative)) == [world.programme_manager]
        assert list(User.objects.reviewing(world.initiative)) == [world.assurance_reviewer]
        assert list(world.initiative.roles.programme_managers().values_list("user", flat=True)) == [
            world.programme_manager.pk
        ]

    def test_people_eligible_to_review_are_the_active_members_of_the_group(self, world):
        group, _ = Group.objects.get_or_create(name=ASSURANCE_REVIEWERS_GROUP)
        world.assurance_reviewer.groups.add(group)
        world.outsider.groups.add(group)
        world.outsider.is_active = False
        world.outsider.save()

        assert list(User.objects.eligible_to_review()) == [world.assurance_reviewer]


class TestInitiatives:
    def test_a_reviewer_is_assigned_to_review_only_the_initiatives_they_were_given(self, world):
        InitiativeFactory(lead_body=world.lead_body)

        assert list(Initiative.objects.reviewed_by(world.assurance_reviewer)) == [world.initiative]
        assert not Initiative.objects.reviewed_by(world.programme_manager).exists()


def test_a_manager_of_another_initiative_can_still_be_made_a_manager_of_this_one(world):
    """Excluding this initiative's managers looks at this initiative's roles only."""
    from initiatives.forms import ProgrammeManagerForm

    other = InitiativeFactory(lead_body=world.lead_body)
    InitiativeRoleFactory(initiative=other, user=world.senior_owner)
    InitiativeRoleFactory(
        initiative=world.initiative, user=world.senior_owner, role=InitiativeRole.Role.ASSURANCE_REVIEWER
    )

    offered = ProgrammeManagerForm(initiative=world.initiative).fields["user"].queryset

    assert world.senior_owner in offered
    assert world.programme_manager not in offered
