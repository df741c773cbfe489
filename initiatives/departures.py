"""What other apps must do when a body leaves an initiative.

initiatives sits below governance and never imports it: governance registers a step here (in
its AppConfig.ready) for each kind of record a departing body may hold. Steps run inside the
removal's transaction, before the participation goes; a step that must refuse raises a
BodyStillNeeded, and nothing is removed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from initiatives.models import Participation, User

DepartureStep = Callable[..., None]

_steps: list[DepartureStep] = []


class BodyStillNeeded(Exception):
    """The body holds something that must be handed to another body before it can leave."""


def register_departure_step(step: DepartureStep) -> DepartureStep:
    """Called as step(participation=..., by=...) whenever a body is removed from an initiative."""
    if step not in _steps:
        _steps.append(step)
    return step


def run_departure_steps(*, participation: Participation, by: User) -> None:
    for step in _steps:
        step(participation=participation, by=by)
