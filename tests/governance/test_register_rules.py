"""Who may change the shared registers, persona by persona: every permission allowed and refused."""

import pytest

from governance.glossary.rules import ADD_DEFINITION, CHANGE_DEFINITION, RECORD_BODY_MEANING
from governance.measures.rules import ADD_MEASURE, CHANGE_MEASURE
from governance.predicates import MANAGE_REGISTERS
from governance.risks.rules import ADD_RISK, CHANGE_RISK, ESCALATE_RISK
from tests.factories import PERSONAS
from tests.governance.register_factories import DataDefinitionFactory, MeasureFactory, RiskFactory

pytestmark = pytest.mark.django_db

PARTICIPANTS = {"programme_manager", "senior_owner", "partner_member", "administrator"}

ON_INITIATIVE = {
    ADD_RISK: PARTICIPANTS,
    ADD_MEASURE: PARTICIPANTS,
    ADD_DEFINITION: PARTICIPANTS,
    MANAGE_REGISTERS: {"programme_manager", "administrator"},
}


@pytest.mark.parametrize("permission", sorted(ON_INITIATIVE))
@pytest.mark.parametrize("persona", PERSONAS)
def test_initiative_level_permissions(world, permission, persona):
    user = getattr(world, persona)

    assert user.has_perm(permission, world.initiative) is (persona in ON_INITIATIVE[permission])


# Who may change a record, by the body that owns it: its members and the programme managers.
BY_OWNER = {
    "lead": {"programme_manager", "senior_owner", "administrator"},
    "partner": {"programme_manager", "partner_member", "administrator"},
    None: {"programme_manager", "administrator"},
}


def owner(world, which):
    return {"lead": world.lead_body, "partner": world.partner_body, None: None}[which]


@pytest.mark.parametrize("permission", [CHANGE_RISK, ESCALATE_RISK])
@pytest.mark.parametrize("which", ["lead", "partner", None])
@pytest.mark.parametrize("persona", PERSONAS)
def test_members_of_the_owner_body_and_programme_managers_change_a_risk(world, permission, which, persona):
    risk = RiskFactory(initiative=world.initiative, owner_body=owner(world, which))

    assert getattr(world, persona).has_perm(permission, risk) is (persona in BY_OWNER[which])


@pytest.mark.parametrize("which", ["lead", "partner", None])
@pytest.mark.parametrize("persona", PERSONAS)
def test_members_of_the_owner_body_and_programme_managers_change_a_measure(world, which, persona):
    measure = MeasureFactory(initiative=world.initiative, owner_body=owner(world, which))

    assert getattr(world, persona).has_perm(CHANGE_MEASURE, measure) is (persona in BY_OWNER[which])


@pytest.mark.parametrize("which", ["lead", "partner", None])
@pytest.mark.parametrize("persona", PERSONAS)
def test_the_master_body_and_programme_managers_change_a_term_and_every_participant_records_a_meaning(
    world, which, persona
):
    definition = DataDefinitionFactory(initiative=world.initiative, master_body=owner(world, which))
    user = getattr(world, persona)

    assert user.has_perm(CHANGE_DEFINITION, definition) is (persona in BY_OWNER[which])
    assert user.has_perm(RECORD_BODY_MEANING, definition) is (persona in PARTICIPANTS)


def test_members_of_an_owner_body_that_has_left_the_initiative_lose_their_rights(world):
    risk = RiskFactory(initiative=world.initiative, owner_body=world.partner_body)
    world.initiative.participations.filter(body=world.partner_body).delete()

    assert not world.partner_member.has_perm(CHANGE_RISK, risk)


def test_a_programme_manager_of_another_initiative_cannot_change_this_ones_risks(world):
    from tests.factories import InitiativeFactory, InitiativeRoleFactory

    other = InitiativeFactory(lead_body=world.unrelated_body)
    InitiativeRoleFactory(initiative=other, user=world.outsider)
    risk = RiskFactory(initiative=world.initiative)

    assert not world.outsider.has_perm(CHANGE_RISK, risk)
    assert world.outsider.has_perm(MANAGE_REGISTERS, other)
