"""Who may invite people, manage invitations, and see, deactivate or unlock a person."""

from __future__ import annotations

import rules

from initiatives.rules import can_edit_initiative, is_administrator, remembered

INVITE_PEOPLE = "people.invite_people"
OVERRIDE_EMAIL_DOMAIN = "people.override_email_domain"
MANAGE_INVITATION = "people.manage_invitation"
VIEW_PEOPLE = "people.view_people"
VIEW_PERSON = "people.view_person"
DEACTIVATE_PERSON = "people.deactivate_person"
UNLOCK_PERSON = "people.unlock_person"


def led_body_ids(user) -> frozenset[int]:
    """The bodies the user is a body lead of."""
    if not user.is_authenticated:
        return frozenset()
    return remembered(
        user,
        ("led_bodies",),
        lambda: frozenset(user.memberships.filter(is_body_lead=True).values_list("body_id", flat=True)),
    )


def body_ids_of(person) -> frozenset[int]:
    return frozenset(membership.body_id for membership in person.memberships.all())


@rules.predicate
def is_body_lead(user) -> bool:
    return user.is_active and bool(led_body_ids(user))


@rules.predicate
def is_body_lead_of(user, person) -> bool:
    """The user leads one of the bodies the person works for."""
    return person is not None and bool(led_body_ids(user) & body_ids_of(person))


@rules.predicate
def leads_every_body_of(user, person) -> bool:
    """The user leads every body the person works for, so ending their access is the user's call."""
    bodies = body_ids_of(person) if person is not None else frozenset()
    return bool(bodies) and bodies <= led_body_ids(user)


@rules.predicate
def is_self(user, person) -> bool:
    return person is not None and user.pk == person.pk


@rules.predicate
def is_administrator_account(user, person) -> bool:
    return person is not None and (person.is_superuser or person.is_staff)


@rules.predicate
def can_manage_invitations_of(user, invitation) -> bool:
    if invitation is None:
        return False
    return bool(can_edit_initiative.test(user, invitation.initiative))


rules.add_perm(INVITE_PEOPLE, can_edit_initiative)
rules.add_perm(OVERRIDE_EMAIL_DOMAIN, is_administrator)
rules.add_perm(MANAGE_INVITATION, can_manage_invitations_of)
rules.add_perm(VIEW_PEOPLE, is_administrator | is_body_lead)
rules.add_perm(VIEW_PERSON, is_administrator | (is_body_lead & is_body_lead_of))
# A body lead ends the access of their own body's people, never an administrator's; nobody their own.
rules.add_perm(
    DEACTIVATE_PERSON,
    ~is_self & (is_administrator | (is_body_lead & leads_every_body_of & ~is_administrator_account)),
)
rules.add_perm(UNLOCK_PERSON, is_administrator | (is_body_lead & is_body_lead_of))
