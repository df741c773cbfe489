"""The people pages for administrators and body leads, shaped for their templates."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from initiatives.models import Initiative, InitiativeRole, User
from people.holdings import Holding, grouped, person_holdings
from people.lockout import is_locked_out
from people.models import Deactivation
from people.rules import DEACTIVATE_PERSON, UNLOCK_PERSON, led_body_ids


def people_visible_to(user: User) -> QuerySet[User]:
    """Everyone, for an administrator; the people of the bodies they lead, for a body lead."""
    people = User.objects.prefetch_related("memberships__body").order_by("full_name", "email")
    if user.is_superuser:
        return people
    return people.filter(memberships__body_id__in=led_body_ids(user)).distinct()


def search(people: QuerySet[User], query: str) -> QuerySet[User]:
    query = query.strip()
    if not query:
        return people
    return people.filter(Q(full_name__icontains=query) | Q(email__icontains=query))


@dataclass
class Role:
    initiative: Initiative
    role: str


@dataclass
class PersonPage:
    person: User
    bodies: list[str]
    roles: list[Role]
    holdings: dict[str, list[Holding]]
    locked_out: bool
    deactivation: Deactivation | None
    can_deactivate: bool
    can_unlock: bool

    @property
    def status(self) -> str:
        if not self.person.is_active:
            return "deactivated"
        return "locked" if self.locked_out else "active"

    @property
    def status_label(self) -> str:
        return {"deactivated": "Deactivated", "locked": "Locked out", "active": "Active"}[self.status]


def current_roles(person: User) -> list[Role]:
    roles = [
        Role(initiative=assignment.initiative, role=assignment.get_role_display())
        for assignment in InitiativeRole.objects.filter(user=person).select_related("initiative")
    ]
    roles += [
        Role(initiative=initiative, role="Senior accountable owner")
        for initiative in Initiative.objects.filter(senior_owner=person)
    ]
    return sorted(roles, key=lambda role: (role.initiative.title, role.role))


def person_page(person: User, viewer: User) -> PersonPage:
    return PersonPage(
        person=person,
        bodies=[m.body.name for m in person.memberships.all()],
        roles=current_roles(person),
        holdings=grouped(person_holdings.find(person=person)),
        locked_out=is_locked_out(person.email),
        deactivation=person.deactivations.select_related("deactivated_by", "reactivated_by").first(),
        can_deactivate=viewer.has_perm(DEACTIVATE_PERSON, person),
        can_unlock=viewer.has_perm(UNLOCK_PERSON, person),
    )
