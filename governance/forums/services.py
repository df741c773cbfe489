"""Writes to forums and the escalation route."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.db import transaction
from django.db.models import Max

from collab.unchanged import UNCHANGED, Unchanged, apply_changes
from governance.forums.models import Escalation, EscalationLevel, Forum
from initiatives.models import Body, Initiative, User


class LevelInUse(Exception):
    pass


def _save(record, by: User) -> None:
    record._history_user = by
    record.save()


@transaction.atomic
def forum_create(
    *,
    initiative: Initiative,
    by: User,
    name: str,
    purpose: str,
    cadence: str,
    member_bodies: Sequence[Body],
    chair: User | None = None,
    members: str = "",
    terms_of_reference: str = "",
    meets_from: datetime.date | None = None,
) -> Forum:
    forum = Forum(
        initiative=initiative,
        name=name,
        purpose=purpose,
        cadence=cadence,
        meets_from=meets_from,
        chair=chair,
        members=members,
        terms_of_reference=terms_of_reference,
    )
    _save(forum, by)
    forum.member_bodies.set(member_bodies)
    return forum


@transaction.atomic
def forum_update(
    *,
    forum: Forum,
    by: User,
    member_bodies: Sequence[Body],
    name: str | Unchanged = UNCHANGED,
    purpose: str | Unchanged = UNCHANGED,
    cadence: str | Unchanged = UNCHANGED,
    chair: User | Unchanged | None = UNCHANGED,
    members: str | Unchanged = UNCHANGED,
    terms_of_reference: str | Unchanged = UNCHANGED,
    meets_from: datetime.date | Unchanged | None = UNCHANGED,
) -> Forum:
    apply_changes(
        forum,
        {
            "name": name,
            "purpose": purpose,
            "cadence": cadence,
            "meets_from": meets_from,
            "chair": chair,
            "members": members,
            "terms_of_reference": terms_of_reference,
        },
    )
    _save(forum, by)
    forum.member_bodies.set(member_bodies)
    return forum


def _levels(initiative_id: int) -> list[EscalationLevel]:
    # Locked so that two people changing the route at once take turns. The initiative is locked
    # too: an empty route has no level to lock, and a level added meanwhile is not among those
    # locked, so two adds would both take the next number.
    Initiative.objects.select_for_update().filter(pk=initiative_id).values_list("pk").get()
    return list(
        EscalationLevel.objects.select_for_update().filter(initiative_id=initiative_id).up_the_route()
    )


def _renumber(levels: list[EscalationLevel], by: User) -> None:
    """Give levels the numbers 1..n in list order without ever breaking the unique (initiative, level)."""
    # First move every level that changes out of the way, above the highest number in use...
    parked = max((each.level for each in levels), default=0) + 1
    moving = [each for number, each in enumerate(levels, start=1) if each.level != number]
    for offset, each in enumerate(moving):
        EscalationLevel.objects.filter(pk=each.pk).update(level=parked + offset)
    # ...then into place, recording each change in the history.
    for number, each in enumerate(levels, start=1):
        if each in moving:
            each.level = number
            _save(each, by)


@transaction.atomic
def escalation_level_add(
    *, initiative: Initiative, by: User, name: str, who: str, threshold: str, forum: Forum | None = None
) -> EscalationLevel:
    """Add a level at the top of the route."""
    _levels(initiative.pk)
    highest = initiative.escalation_levels.aggregate(highest=Max("level"))["highest"] or 0
    level = EscalationLevel(
        initiative=initiative, level=highest + 1, name=name, who=who, threshold=threshold, forum=forum
    )
    _save(level, by)
    return level


@transaction.atomic
def escalation_level_update(
    *,
    level: EscalationLevel,
    by: User,
    name: str | Unchanged = UNCHANGED,
    who: str | Unchanged = UNCHANGED,
    threshold: str | Unchanged = UNCHANGED,
    forum: Forum | Unchanged | None = UNCHANGED,
) -> EscalationLevel:
    apply_changes(level, {"name": name, "who": who, "threshold": threshold, "forum": forum})
    _save(level, by)
    return level


@transaction.atomic
def escalation_level_move(*, level: EscalationLevel, direction: str, by: User) -> None:
    levels = _levels(level.initiative_id)
    index = next(i for i, each in enumerate(levels) if each.pk == level.pk)
    other = {"up": index - 1, "down": index + 1}.get(direction, index)
    if other == index or not 0 <= other < len(levels):
        return
    levels[index], levels[other] = levels[other], levels[index]
    _renumber(levels, by)


@transaction.atomic
def escalation_level_remove(*, level: EscalationLevel, by: User) -> None:
    """Remove a level and close the gap; refused once anything has been escalated to or from it."""
    levels = _levels(level.initiative_id)
    if Escalation.objects.through(level).exists():
        raise LevelInUse(
            f"Level {level.level} cannot be removed because escalations are recorded against it. "
            "Change its name, who handles it or its threshold instead."
        )
    remaining = [each for each in levels if each.pk != level.pk]
    level._history_user = by
    level.delete()
    _renumber(remaining, by)
