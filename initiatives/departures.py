"""What other apps must do when a body leaves an initiative, and what they would do, said in advance.

initiatives sits below governance and never imports it: governance registers here (in its
AppConfig.ready) a step that runs inside the removal's transaction, before the participation goes,
and a describer that lists, for the confirmation page, every record the step would touch. A step
that must refuse raises BodyStillNeeded, and nothing is removed. What the body owns can be handed
to another participating body (the `successor`) in the same journey.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from collab.confirm import Consequence

if TYPE_CHECKING:
    from initiatives.models import Body, Participation, User

DepartureStep = Callable[..., None]
DepartureDescriber = Callable[..., list[Consequence]]

_steps: list[DepartureStep] = []
_describers: list[DepartureDescriber] = []


class BodyStillNeeded(Exception):
    """The body holds something that must be handed to another body before it can leave."""


def register_departure_step(step: DepartureStep) -> DepartureStep:
    """Called as step(participation=..., by=..., successor=...) whenever a body is removed."""
    if step not in _steps:
        _steps.append(step)
    return step


def register_departure_describer(describer: DepartureDescriber) -> DepartureDescriber:
    """Called as describer(participation=..., successor=...): the records the steps would touch."""
    if describer not in _describers:
        _describers.append(describer)
    return describer


def run_departure_steps(*, participation: Participation, by: User, successor: Body | None = None) -> None:
    for step in _steps:
        step(participation=participation, by=by, successor=successor)


def describe_departure(*, participation: Participation, successor: Body | None = None) -> list[Consequence]:
    return [
        consequence
        for describer in _describers
        for consequence in describer(participation=participation, successor=successor)
    ]
