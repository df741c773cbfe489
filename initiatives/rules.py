"""Who may do what with initiatives. Every permission is a django-rules predicate combination."""

from __future__ import annotations

import rules

from initiatives.models import Initiative, InitiativeRole

VIEW_INITIATIVE = "initiatives.view_initiative"
ADD_INITIATIVE = "initiatives.add_initiative"
CHANGE_INITIATIVE = "initiatives.change_initiative"
MANAGE_TEAM = "initiatives.manage_team"


@rules.predicate
def is_administrator(user) -> bool:
    return user.is_active and user.is_superuser


@rules.predicate
def is_body_member(user) -> bool:
    return user.is_authenticated and user.memberships.exists()


def _has_role(user, initiative: Initiative, role: str) -> bool:
    if not user.is_authenticated or initiative is None:
        return False
    return initiative.roles.filter(user=user, role=role).exists()


@rules.predicate
def is_programme_manager_of(user, initiative: Initiative) -> bool:
    return _has_role(user, initiative, InitiativeRole.Role.PROGRAMME_MANAGER)


@rules.predicate
def is_assurance_reviewer_of(user, initiative: Initiative) -> bool:
    return _has_role(user, initiative, InitiativeRole.Role.ASSURANCE_REVIEWER)


@rules.predicate
def is_senior_owner_of(user, initiative: Initiative) -> bool:
    return initiative is not None and user.is_authenticated and initiative.senior_owner_id == user.pk


@rules.predicate
def is_participant_of(user, initiative: Initiative) -> bool:
    """The user belongs to a body that takes part in the initiative."""
    if not user.is_authenticated or initiative is None:
        return False
    return initiative.participations.filter(body__memberships__user=user).exists()


can_read_initiative = is_participant_of | is_assurance_reviewer_of | is_administrator
can_edit_initiative = (is_programme_manager_of & is_participant_of) | is_administrator

rules.add_perm(VIEW_INITIATIVE, can_read_initiative)
rules.add_perm(ADD_INITIATIVE, is_body_member | is_administrator)
rules.add_perm(CHANGE_INITIATIVE, can_edit_initiative)
rules.add_perm(MANAGE_TEAM, can_edit_initiative)
