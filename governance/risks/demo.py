"""Demonstration risks, their controls and actions, written through the services.

Written through the services so the score history and the change history look as they would
in real use. Registered in seed_demo's FURTHER_SEEDERS; only the initiatives the seed has just
created are touched, so seeding twice adds nothing.
"""

from __future__ import annotations

from governance.risks.models import Risk, RiskAction
from governance.risks.services import risk_action_add, risk_create, risk_update
from initiatives.demo.story import in_days
from initiatives.demo.world import DemoWorld
from initiatives.models import Initiative, User

Position = tuple[int, int]  # (likelihood, impact)


def seed_risks(world: DemoWorld) -> None:
    for new in world.created:
        for risk in new.story.risks:
            _risk_create(world, new.initiative, **risk)


def _risk_create(
    world: DemoWorld,
    initiative: Initiative,
    *,
    by: str,
    title: str,
    category: str,
    appetite: str,
    treatment: str,
    positions: tuple[Position, Position, Position],
    cause: str = "",
    effect: str = "",
    owner_body: str = "",
    owner: str = "",
    is_joint: bool = False,
    proximity: str = "",
    escalation_threshold: int = 15,
    review_in_days: int | None = None,
    status: str = Risk.Status.OPEN,
    rescored: Position | None = None,
    actions: tuple[dict, ...] = (),
) -> None:
    """`positions` are (inherent, current, target); a blank review date defaults from the score.

    The registers of every copy made by --scale are written by the first copy's people.
    """
    (inherent_likelihood, inherent_impact), (current_likelihood, current_impact), target = positions
    author = world.people[by]
    risk = risk_create(
        initiative=initiative,
        by=author,
        title=title,
        cause=cause,
        effect=effect,
        category=Risk.Category(category),
        owner_body=world.bodies[owner_body] if owner_body else None,
        owner=world.people[owner] if owner else None,
        is_joint=is_joint,
        appetite=Risk.Appetite(appetite),
        treatment=Risk.Treatment(treatment),
        proximity=Risk.Proximity(proximity) if proximity else "",
        escalation_threshold=escalation_threshold,
        review_date=in_days(review_in_days),
        status=Risk.Status(status),
        inherent_likelihood=inherent_likelihood,
        inherent_impact=inherent_impact,
        current_likelihood=current_likelihood,
        current_impact=current_impact,
        target_likelihood=target[0],
        target_impact=target[1],
    )
    if rescored:
        # A later move of the current position, kept in the score history.
        risk_update(risk=risk, by=author, current_likelihood=rescored[0], current_impact=rescored[1])
    for action in actions:
        _action_add(world, risk, author, **action)


def _action_add(
    world: DemoWorld,
    risk: Risk,
    by: User,
    *,
    kind: str,
    description: str,
    owner_body: str,
    owner: str,
    due_in_days: int,
) -> None:
    risk_action_add(
        risk=risk,
        by=by,
        kind=RiskAction.Kind(kind),
        description=description,
        owner_body=world.bodies[owner_body],
        owner=world.people[owner],
        due_date=in_days(due_in_days),
    )
