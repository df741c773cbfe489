"""Every governance permission, with who is allowed and who is refused."""

import pytest

from governance.decisions.rules import (
    ADD_DECISION,
    CHANGE_DECISION,
    DECIDE_DECISION,
    ESCALATE_DECISION,
    decide_allowed,
)
from governance.forums.rules import CHANGE_FORUMS
from governance.raci.rules import CHANGE_RACI
from initiatives.rules import VIEW_INITIATIVE
from tests.factories import PERSONAS
from tests.governance.factories import decision_in

pytestmark = pytest.mark.django_db

MANAGERS = {"programme_manager", "administrator"}

ON_INITIATIVE = {
    VIEW_INITIATIVE: {
        "programme_manager",
        "senior_owner",
        "partner_member",
        "assurance_reviewer",
        "administrator",
    },
    CHANGE_RACI: MANAGERS,
    CHANGE_FORUMS: MANAGERS,
    ADD_DECISION: MANAGERS,
}
# On a submitted decision whose decider is the senior owner.
ON_DECISION = {
    CHANGE_DECISION: MANAGERS,
    ESCALATE_DECISION: {"programme_manager", "senior_owner", "administrator"},
}


@pytest.mark.parametrize("permission", sorted(ON_INITIATIVE))
@pytest.mark.parametrize("persona", PERSONAS)
def test_initiative_level_permissions(world, permission, persona):
    user = getattr(world, persona)

    assert user.has_perm(permission, world.initiative) is (persona in ON_INITIATIVE[permission])


@pytest.mark.parametrize("permission", sorted(ON_DECISION))
@pytest.mark.parametrize("persona", PERSONAS)
def test_decision_level_permissions(world, permission, persona):
    decision = decision_in(world, "submitted")
    user = getattr(world, persona)

    assert user.has_perm(permission, decision) is (persona in ON_DECISION[permission])


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_named_decider_may_decide_administrators_included(world, persona):
    decision = decision_in(world, "submitted")

    assert decide_allowed(getattr(world, persona), decision) is (persona == "senior_owner")


def test_django_lets_superusers_through_has_perm_which_is_why_deciding_uses_decide_allowed(world):
    decision = decision_in(world, "submitted")

    assert world.administrator.has_perm(DECIDE_DECISION, decision)
    assert not decide_allowed(world.administrator, decision)


def test_a_decider_who_has_left_every_participating_body_may_no_longer_decide(world):
    decision = decision_in(world, "submitted")
    world.senior_owner.memberships.all().delete()

    assert not decide_allowed(world.senior_owner, decision)


def test_an_inactive_decider_may_not_decide(world):
    decision = decision_in(world, "submitted")
    world.senior_owner.is_active = False
    world.senior_owner.save()

    assert not decide_allowed(world.senior_owner, decision)


def test_a_programme_manager_who_leaves_every_participating_body_can_no_longer_manage(world):
    decision = decision_in(world, "draft")
    world.programme_manager.memberships.all().delete()

    assert not world.programme_manager.has_perm(CHANGE_RACI, world.initiative)
    assert not world.programme_manager.has_perm(CHANGE_DECISION, decision)
