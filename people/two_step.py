"""Who must use two-step verification, and who has it.

What the middleware and the header need to know about the signed-in person is read in one query
per request (account_facts), so every page pays for it once.
"""

from __future__ import annotations

from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db.models import Exists, OuterRef

from initiatives.models import Initiative, InitiativeRole, Membership, User
from initiatives.roles import ASSURANCE_REVIEWERS_GROUP
from initiatives.rules import remembered
from people.models import Invitation


@dataclass(frozen=True)
class AccountFacts:
    has_two_step: bool
    is_senior_owner: bool
    is_senior_owner_candidate: bool
    is_assurance_reviewer: bool
    is_in_reviewers_group: bool
    leads_a_body: bool


def _read_facts(user: User) -> AccountFacts:
    person = OuterRef("pk")
    row = (
        User.objects.filter(pk=user.pk)
        .values(
            has_two_step=Exists(Authenticator.objects.filter(user=person, type=Authenticator.Type.TOTP)),
            is_senior_owner=Exists(Initiative.objects.filter(senior_owner=person)),
            is_senior_owner_candidate=Exists(
                Invitation.objects.filter(
                    accepted_by=person,
                    role=Invitation.Role.SENIOR_OWNER_CANDIDATE,
                    status=Invitation.Status.ACCEPTED,
                )
            ),
            is_assurance_reviewer=Exists(
                InitiativeRole.objects.filter(user=person, role=InitiativeRole.Role.ASSURANCE_REVIEWER)
            ),
            is_in_reviewers_group=Exists(
                User.groups.through.objects.filter(user=person, group__name=ASSURANCE_REVIEWERS_GROUP)
            ),
            leads_a_body=Exists(Membership.objects.filter(user=person, is_body_lead=True)),
        )
        .get()
    )
    return AccountFacts(**row)


def account_facts(user: User) -> AccountFacts:
    """Facts about the signed-in person, read once per request."""
    return remembered(user, ("account_facts",), lambda: _read_facts(user))


def has_two_step(user: User) -> bool:
    return Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists()


def two_step_reasons(user: User) -> list[str]:
    """Why the person must use two-step verification, in words; empty if it is their choice."""
    if not user.is_authenticated:
        return []
    facts = account_facts(user)
    reasons = []
    if user.is_staff or user.is_superuser:
        reasons.append("you are an administrator")
    if facts.is_senior_owner:
        reasons.append("you are a senior accountable owner")
    elif facts.is_senior_owner_candidate:
        reasons.append("you were invited as a possible senior accountable owner")
    if facts.is_assurance_reviewer or facts.is_in_reviewers_group:
        reasons.append("you are an assurance reviewer")
    if not reasons and settings.MFA_REQUIRED_FOR_ALL:
        reasons.append("everyone using Joined-up must")
    return reasons


def must_use_two_step(user: User) -> bool:
    return bool(two_step_reasons(user))
