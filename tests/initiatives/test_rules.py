"""Every permission, with who is allowed and who is refused."""

import pytest

from initiatives.rules import ADD_INITIATIVE, CHANGE_INITIATIVE, MANAGE_TEAM, VIEW_INITIATIVE
from tests.factories import PERSONAS, UserFactory

pytestmark = pytest.mark.django_db


EXPECTED = {
    VIEW_INITIATIVE: {
        "programme_manager",
        "senior_owner",
        "partner_member",
        "assurance_reviewer",
        "administrator",
    },
    CHANGE_INITIATIVE: {"programme_manager", "administrator"},
    MANAGE_TEAM: {"programme_manager", "administrator"},
}


@pytest.mark.parametrize("permission", sorted(EXPECTED))
@pytest.mark.parametrize("persona", PERSONAS)
def test_initiative_permissions(world, permission, persona):
    user = getattr(world, persona)

    assert user.has_perm(permission, world.initiative) is (persona in EXPECTED[permission])


def test_a_programme_manager_who_leaves_every_participating_body_can_no_longer_edit(world):
    world.programme_manager.memberships.all().delete()

    assert not world.programme_manager.has_perm(CHANGE_INITIATIVE, world.initiative)


def test_members_of_any_body_may_create_initiatives(world):
    assert world.outsider.has_perm(ADD_INITIATIVE)


def test_people_in_no_body_may_not(world):
    assert not UserFactory().has_perm(ADD_INITIATIVE)
