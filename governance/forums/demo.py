"""Demonstration forums and escalation routes, written through the services.

Registered in seed_demo's FURTHER_SEEDERS; only the initiatives the seed has just created are
touched, so seeding twice adds nothing.
"""

from __future__ import annotations

from governance.forums import services as forums
from governance.forums.models import Forum
from initiatives.demo.world import DemoWorld, NewInitiative


def seed_forums(world: DemoWorld) -> None:
    for new in world.created:
        made = {forum["name"]: _forum_create(new, world, **forum) for forum in new.story.forums}
        for level in new.story.escalation_route:
            _level_add(new, made, **level)


def _forum_create(
    new: NewInitiative,
    world: DemoWorld,
    *,
    name: str,
    bodies: tuple[str, ...],
    purpose: str,
    chair: str,
    cadence: str,
    members: str = "",
    terms_of_reference: str = "",
) -> Forum:
    return forums.forum_create(
        initiative=new.initiative,
        member_bodies=[world.bodies[body] for body in bodies],
        by=new.programme_manager,
        name=name,
        purpose=Forum.Purpose(purpose),
        chair=new.people[chair],
        members=members,
        cadence=Forum.Cadence(cadence),
        terms_of_reference=terms_of_reference,
    )


def _level_add(
    new: NewInitiative, made: dict[str, Forum], *, name: str, who: str, threshold: str, forum: str = ""
) -> None:
    forums.escalation_level_add(
        initiative=new.initiative,
        by=new.programme_manager,
        name=name,
        who=who,
        forum=made[forum] if forum else None,
        threshold=threshold,
    )
