"""The demo's portfolio office: a Cabinet Office person granted the portfolio of all bodies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from initiatives.demo.cast import ADMIN
from initiatives.models import User
from initiatives.portfolio_offices.models import PortfolioGrant
from initiatives.portfolio_offices.services import portfolio_grant_give

if TYPE_CHECKING:
    from initiatives.demo.world import DemoWorld


def seed_portfolio_offices(world: DemoWorld) -> None:
    person = world.people.get("portfolio_office")
    if person is None or PortfolioGrant.objects.held_by(person).exists():
        return
    administrator = User.objects.get(email=ADMIN[0])
    portfolio_grant_give(person=person, body=None, by=administrator)
