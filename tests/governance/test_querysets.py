"""Named reads beside the governance models: each filter written once, and chainable."""

import pytest
from django.contrib.auth.models import Group

from governance.assurance.forms import AssuranceReviewerForm
from initiatives.models import InitiativeRole
from initiatives.roles import ASSURANCE_REVIEWERS_GROUP
from tests.factories import InitiativeFactory, InitiativeRoleFactory

pytestmark = pytest.mark.django_db


def test_a_reviewer_of_another_initiative_can_still_be_assigned_to_this_one(world):
    """Excluding this initiative's reviewers looks at this initiative's roles only."""
    group, _ = Group.objects.get_or_create(name=ASSURANCE_REVIEWERS_GROUP)
    world.programme_manager.groups.add(group)
    world.assurance_reviewer.groups.add(group)
    other = InitiativeFactory(lead_body=world.lead_body)
    InitiativeRoleFactory(
        initiative=other, user=world.programme_manager, role=InitiativeRole.Role.ASSURANCE_REVIEWER
    )

    offered = AssuranceReviewerForm(initiative=world.initiative).fields["reviewer"].queryset

    assert list(offered) == [world.programme_manager]
