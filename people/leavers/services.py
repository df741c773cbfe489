"""Leavers: ending a person's access when they leave, and giving it back if they return.

Deactivating ends every session the person has at once, ends their roles (programme manager,
assurance reviewer, senior accountable owner) and portfolio office grants, and stops them signing
in. Nothing they did is removed: records keep their name, and what they still hold is listed for
reassignment (people/holdings.py).
"""

from __future__ import annotations

from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from collab import audit
from collab.history import CHANGE_REASON_LENGTH
from initiatives import services as initiative_services
from initiatives.models import Initiative, InitiativeRole, User
from initiatives.portfolio_offices.services import portfolio_grants_end_on_leaving
from people import lockout
from people.calendar.services import calendar_feed_end
from people.models import Deactivation

SENIOR_OWNER = "Senior accountable owner"


class LeaverRefused(Exception):
    pass


def sessions_end(*, person: User) -> int:
    """End every session the person is signed in with, wherever it is. Returns how many ended."""
    tracked = list(UserSession.objects.filter(user=person))
    for session in tracked:
        session.end()
    # Sessions from before tracking began, found by the user id they carry.
    untracked = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(person.pk):
            session.delete()
            untracked += 1
    return len(tracked) + untracked


def _roles_end(*, person: User, by: User) -> list[dict]:
    ended = []
    for assignment in InitiativeRole.objects.filter(user=person).select_related("initiative"):
        ended.append(
            {
                "initiative": assignment.initiative.title,
                "slug": assignment.initiative.slug,
                "role": assignment.get_role_display(),
            }
        )
        initiative_services.role_remove(assignment=assignment, by=by)
    # Kept in the initiative's history as why its senior owner changed.
    why = f"{person.full_name} left: deactivated by {by.full_name}"[:CHANGE_REASON_LENGTH]
    for initiative in Initiative.objects.filter(senior_owner=person):
        ended.append({"initiative": initiative.title, "slug": initiative.slug, "role": SENIOR_OWNER})
        initiative_services.initiative_update(
            initiative=initiative,
            by=by,
            senior_owner=None,
            senior_owner_change_reason=why,
        )
    return ended


@transaction.atomic
def person_deactivate(*, person: User, by: User, reason: str = "") -> Deactivation:
    """End the person's access now. Refused for someone already deactivated, or for yourself."""
    person = User.objects.select_for_update().get(pk=person.pk)
    if not person.is_active:
        raise LeaverRefused(f"{person} is already deactivated")
    if person.pk == by.pk:
        raise LeaverRefused("You cannot deactivate yourself")
    person.is_active = False
    person.save(update_fields=["is_active"])
    deactivation = Deactivation.objects.create(
        person=person, deactivated_by=by, reason=reason.strip(), roles_ended=_roles_end(person=person, by=by)
    )
    portfolio_grants_end_on_leaving(person=person, by=by)
    ended = sessions_end(person=person)
    calendar_feed_end(person=person)
    audit.record("person_deactivated", user_id=person.pk, by=by.pk, sessions_ended=ended)
    return deactivation


@transaction.atomic
def person_reactivate(*, person: User, by: User) -> User:
    """Let the person sign in again. Their old roles do not come back: they are invited to them again."""
    person = User.objects.select_for_update().get(pk=person.pk)
    if person.is_active:
        raise LeaverRefused(f"{person} is not deactivated")
    person.is_active = True
    person.save(update_fields=["is_active"])
    Deactivation.objects.filter(person=person, reactivated_at__isnull=True).update(
        reactivated_at=timezone.now(), reactivated_by=by
    )
    audit.record("person_reactivated", user_id=person.pk, by=by.pk)
    return person


def person_unlock(*, person: User, by: User) -> bool:
    """Let the person try signing in again now, after too many failed attempts. True if they were locked."""
    return lockout.unlock(email=person.email, by=by, reason="unlocked_by_administrator_or_body_lead")
