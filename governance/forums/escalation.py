"""Sending a risk or a decision up the initiative's escalation route.

Generic on purpose: the risk register calls escalation_raise(risk=...) and the decision
log calls it with decision=...; both records carry `escalation_level` and `initiative`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from governance.decisions import states as decision_states
from governance.decisions.models import Decision
from governance.forums.models import Escalation, EscalationLevel
from governance.risks.models import Risk
from governance.risks.notices import risk_path
from initiatives.models import Initiative, User
from initiatives.querysets import UserQuerySet
from people.models import EmailKind
from people.notifications import notify


class CannotEscalate(Exception):
    pass


# Where things go past the top of the route.
THE_BOARD = "the board"


def people_at_level(level: EscalationLevel | None) -> UserQuerySet:
    """Who handles what reaches `level`: the chair of its forum, while the forum meets and the
    chair is active. Nobody past the top of the route (None) or at a level with no forum."""
    if level is None:
        return User.objects.none()
    chairs = EscalationLevel.objects.filter(pk=level.pk).with_a_meeting_forum().values("forum__chair")
    return User.objects.filter(pk__in=chairs, is_active=True)


def level_label(level: EscalationLevel) -> str:
    """A rung of the route in words, the same on every page, message and pack: "Programme board (level 2)"."""
    return f"{level.name} (level {level.level})"


def destination(to_level: EscalationLevel | None) -> str:
    """Where an escalation goes, or went: a rung of the route, or the board past its top (None)."""
    return THE_BOARD if to_level is None else level_label(to_level)


def sent_to(escalation: Escalation) -> str:
    return destination(None if escalation.to_board else escalation.to_level)


@dataclass(frozen=True)
class NextStep:
    from_level: EscalationLevel | None
    to_level: EscalationLevel | None  # None: past the top of the route, to the board

    @property
    def to_board(self) -> bool:
        return self.to_level is None

    @property
    def destination(self) -> str:
        return destination(self.to_level)

    @property
    def description(self) -> str:
        if self.to_level is None:
            return f"{THE_BOARD}, above the top of the escalation route"
        return f"{self.destination}, handled by {self.to_level.who}"

    @property
    def from_label(self) -> str:
        return level_label(self.from_level) if self.from_level else ""


def escalation_next_step(*, initiative: Initiative, item: Risk | Decision) -> NextStep:
    """Where escalating `item` would send it. An item not yet escalated is at level 1.

    Raises CannotEscalate when the initiative has no route, or the item is already with the board.
    """
    if not _is_open(item):
        raise CannotEscalate(
            f"{item.reference} is {item.get_status_display().lower()}: only open items can be escalated."
        )
    levels = list(initiative.escalation_levels.up_the_route())
    if not levels:
        raise CannotEscalate("This initiative has no escalation route yet. Set one up first.")
    if item.escalations.filter(to_board=True).exists():
        raise CannotEscalate(f"{item.reference} has already been escalated to the board.")
    current = next((level for level in levels if level.pk == item.escalation_level_id), levels[0])
    higher = [level for level in levels if level.level > current.level]
    return NextStep(from_level=current, to_level=higher[0] if higher else None)


def _is_open(item: Risk | Decision) -> bool:
    if isinstance(item, Decision):
        return decision_states.is_open(item.status)
    return item.status == Risk.Status.OPEN


@transaction.atomic
def escalation_raise(
    *,
    initiative: Initiative,
    reason: str,
    by: User,
    risk: Risk | None = None,
    decision: Decision | None = None,
) -> Escalation:
    """Move a risk or a decision one level up the route (past the top: to the board), and record it."""
    if (risk is None) == (decision is None):
        raise ValueError("Escalate exactly one risk or one decision")
    if not reason.strip():
        raise ValueError("An escalation needs a reason")
    item = risk or decision
    if item.initiative_id != initiative.pk:
        raise ValueError(f"{item} does not belong to {initiative}")
    # Lock the item: two people escalating at once go up one level each, one after the other.
    item = type(item).objects.select_for_update().get(pk=item.pk)
    step = escalation_next_step(initiative=initiative, item=item)
    escalation = Escalation.objects.create(
        initiative=initiative,
        risk=item if risk else None,
        decision=item if decision else None,
        from_level=step.from_level,
        to_level=step.to_level,
        to_board=step.to_board,
        reason=reason.strip(),
        escalated_by=by,
    )
    if step.to_level is not None:
        item.escalation_level = step.to_level
        item._history_user = by
        item.save()
    if risk is not None:
        _tell_of_escalation(escalation, item, by)
    return escalation


def _tell_of_escalation(escalation: Escalation, risk: Risk, by: User) -> None:
    """The people at the level it reached and the senior owner, but not whoever escalated it."""
    initiative = escalation.initiative
    people = list(people_at_level(escalation.to_level))
    if initiative.senior_owner is not None and initiative.senior_owner not in people:
        people.append(initiative.senior_owner)
    to = sent_to(escalation)
    for person in people:
        if person.pk == by.pk:
            continue
        notify(
            person=person,
            kind=EmailKind.RISKS_ESCALATED,
            key=f"escalation:{escalation.pk}",
            subject=f"Risk {risk.reference} escalated to {to}: {risk.title}",
            message=(
                f"{by} escalated risk {risk.reference} {risk.title} in {initiative.title} "
                f"to {to}. Their reason: {escalation.reason}"
            ),
            url=risk_path(risk),
        )
