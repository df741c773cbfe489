"""Giving and ending portfolio office grants: the service administrator's to do, through Django admin."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from collab import audit
from initiatives.models import Body, User
from initiatives.portfolio_offices.models import PortfolioGrant


class GrantRefused(Exception):
    """A grant that cannot be given or ended; the message says why, fit to show."""


def _check_administrator(by: User) -> None:
    if not (by.is_active and by.is_superuser):
        raise GrantRefused("Only the service administrator gives or ends portfolio office grants")


@transaction.atomic
def portfolio_grant_give(*, person: User, body: Body | None, by: User) -> PortfolioGrant:
    _check_administrator(by)
    if not person.is_active:
        raise GrantRefused(f"{person} has left: reactivate them before giving a grant")
    held = PortfolioGrant.objects.held_by(person)
    if held.filter(body=None).exists():
        raise GrantRefused(f"{person} is already a portfolio office on all bodies")
    if body is not None and held.filter(body=body).exists():
        raise GrantRefused(f"{person} is already a portfolio office on {body.name}")
    grant = PortfolioGrant.objects.create(person=person, body=body, granted_by=by)
    audit.record("portfolio_grant_given", grant_id=grant.pk, person_id=person.pk, by=by.pk)
    return grant


@transaction.atomic
def portfolio_grant_end(*, grant: PortfolioGrant, by: User) -> PortfolioGrant:
    _check_administrator(by)
    if not grant.is_current:
        raise GrantRefused("This grant has already ended")
    _end(grant, by=by)
    return grant


def portfolio_grants_end_on_leaving(*, person: User, by: User) -> int:
    """End every grant a leaver holds (people/leavers checks who may deactivate them). As with their
    roles, a grant does not come back if they return: the administrator gives it again."""
    grants = list(PortfolioGrant.objects.held_by(person))
    for grant in grants:
        _end(grant, by=by)
    return len(grants)


def _end(grant: PortfolioGrant, *, by: User) -> None:
    grant.ended_at = timezone.now()
    grant.ended_by = by
    grant.save(update_fields=["ended_at", "ended_by"])
    audit.record("portfolio_grant_ended", grant_id=grant.pk, person_id=grant.person_id, by=by.pk)
