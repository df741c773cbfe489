"""Sending a risk up the initiative's escalation route, or past its top to the board.

A small service of the risk register's own. The escalation route and its general service
belong to the governance work on forums and escalation; at merge this should defer to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from governance.models import Escalation, EscalationLevel, Risk
from initiatives.models import User


class CannotEscalate(Exception):
    pass


@dataclass(frozen=True)
class EscalationStep:
    to_level: EscalationLevel | None
    already_with_board: bool

    @property
    def to_board(self) -> bool:
        return self.to_level is None

    @property
    def description(self) -> str:
        if self.to_level is not None:
            return f"Level {self.to_level.level}: {self.to_level.name} ({self.to_level.who})"
        return "The board, above the top of the escalation route"


def next_escalation_step(risk: Risk) -> EscalationStep:
    """Where the risk goes if escalated now: the next level up, or the board past the top."""
    levels = risk.initiative.escalation_levels.order_by("level")
    if risk.escalation_level_id is not None:
        levels = levels.filter(level__gt=risk.escalation_level.level)
    to_level = levels.first()
    with_board = to_level is None and risk.escalations.filter(to_board=True).exists()
    return EscalationStep(to_level=to_level, already_with_board=with_board)


@transaction.atomic
def risk_escalate(*, risk: Risk, reason: str, escalated_by: User) -> Escalation:
    # Lock the risk so a double-submitted form escalates it once, not two levels.
    risk = (
        Risk.objects.select_for_update(of=("self",))
        .select_related("initiative", "escalation_level")
        .get(pk=risk.pk)
    )
    if risk.status != Risk.Status.OPEN:
        raise CannotEscalate("Only open risks can be escalated")
    if not reason.strip():
        raise CannotEscalate("Enter why the risk needs escalating")
    step = next_escalation_step(risk)
    if step.already_with_board:
        raise CannotEscalate("This risk is already with the board")
    escalation = Escalation.objects.create(
        initiative=risk.initiative,
        risk=risk,
        from_level=risk.escalation_level,
        to_level=step.to_level,
        to_board=step.to_board,
        reason=reason.strip(),
        escalated_by=escalated_by,
    )
    if step.to_level is not None:
        risk.escalation_level = step.to_level
        risk._history_user = escalated_by
        risk.save(update_fields=["escalation_level", "updated_at"])
    return escalation
