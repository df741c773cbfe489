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


@rules.predicate
def is_portfolio_office(user) -> bool:
    """The user holds a current portfolio office grant, on one body or on all."""
    return user.is_authenticated and user.portfolio_grants.filter(ended_at__isnull=True).exists()


def remembered(user, key: tuple, compute):
    """A fact about the user, worked out once per request.

    request.user is loaded afresh for every request, so facts cached on it last exactly one
    request. Pages check the same permission for many records (a register row, a
    recommendation); this keeps their query count from growing with the records.
    """
    facts = user.__dict__.setdefault("_permission_facts", {})
    if key not in facts:
        facts[key] = compute()
    return facts[key]


def member_body_ids(user) -> frozenset[int]:
    """The bodies the user belongs to."""
    if not user.is_authenticated:
        return frozenset()
    return remembered(
        user, ("bodies",), lambda: frozenset(user.memberships.values_list("body_id", flat=True))
    )


def _has_role(user, initiative: Initiative, role: str) -> bool:
    if not user.is_authenticated or initiative is None:
        return False
    roles = remembered(
        user,
        ("roles", initiative.pk),
        lambda: frozenset(initiative.roles.filter(user=user).values_list("role", flat=True)),
    )
    return role in roles


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
    return remembered(
        user,
        ("participant", initiative.pk),
        lambda: initiative.participations.filter(body_id__in=member_body_ids(user)).exists(),
    )


can_read_initiative = is_participant_of | is_assurance_reviewer_of | is_administrator
can_edit_initiative = (is_programme_manager_of & is_participant_of) | is_administrator

rules.add_perm(VIEW_INITIATIVE, can_read_initiative)
rules.add_perm(ADD_INITIATIVE, is_body_member | is_administrator)
rules.add_perm(CHANGE_INITIATIVE, can_edit_initiative)
rules.add_perm(MANAGE_TEAM, can_edit_initiative)
