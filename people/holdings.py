"""What someone holds that must be handed on: a registry other apps fill.

people (and initiatives) sit below governance and never import it. Governance registers, in its
AppConfig.ready, a function per kind of record that lists what a holder holds there. A person's
holdings are listed when they leave (risks they own, actions, RACI columns, forums they chair,
decisions awaiting them), so each can be given to someone else. The same registry shape serves any
kind of holder: a body leaving an initiative can have its own registry of finders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Holding:
    """One record held, with where to go to hand it on."""

    kind: str  # what it is, in the plural, as a heading: "Risks they own"
    label: str  # which one: "R3 Data feed fails (Tell Us Once)"
    url: str  # the page where it can be given to someone else


Finder = Callable[..., Iterable[Holding]]


class HoldingsRegistry:
    """Finders of one kind of holder's holdings, each called with the same keyword arguments."""

    def __init__(self, holder: str):
        self.holder = holder
        self._finders: list[Finder] = []

    def register(self, finder: Finder) -> Finder:
        if finder not in self._finders:
            self._finders.append(finder)
        return finder

    def find(self, **holder) -> list[Holding]:
        """Everything every finder lists, in the order they were registered."""
        return [holding for finder in self._finders for holding in finder(**holder)]


# Called as finder(person=<User>).
person_holdings = HoldingsRegistry("person")


def grouped(holdings: list[Holding]) -> dict[str, list[Holding]]:
    groups: dict[str, list[Holding]] = {}
    for holding in holdings:
        groups.setdefault(holding.kind, []).append(holding)
    return groups
