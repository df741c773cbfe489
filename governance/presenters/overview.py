"""The ownership and decisions panel of the initiative overview, and the home page's decisions list."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from governance.models import Decision, EscalationLevel, Forum
from governance.raci_matrix import load_matrix
from initiatives.models import Initiative, User


@dataclass(frozen=True)
class CrowdedPurpose:
    purpose: str
    forums: list[str]

    @property
    def message(self) -> str:
        names = ", ".join(self.forums[:-1]) + f" and {self.forums[-1]}"
        return (
            f"Too many forums: {names} all have the purpose “{self.purpose.lower()}”. "
            "Merge them, or give each a different purpose."
        )


def too_many_forums(forums: list[Forum]) -> list[CrowdedPurpose]:
    """Purposes served by more than one forum: every extra forum is another meeting to wait for."""
    by_purpose: dict[str, list[Forum]] = defaultdict(list)
    for forum in forums:
        by_purpose[forum.purpose].append(forum)
    return [
        CrowdedPurpose(purpose=group[0].get_purpose_display(), forums=[f.name for f in group])
        for _purpose, group in sorted(by_purpose.items())
        if len(group) > 1
    ]


@dataclass
class DecisionRightsSummary:
    initiative: Initiative
    raci_rows: int
    raci_columns: int
    raci_failing: list[str]
    raci_warnings: int
    forums: list[Forum]
    crowded: list[CrowdedPurpose]
    levels: list[EscalationLevel]
    awaiting: list[Decision]


def decision_rights_summary(initiative: Initiative) -> DecisionRightsSummary:
    matrix = load_matrix(initiative)
    check = matrix.check()
    forums = list(initiative.forums.select_related("chair").order_by("purpose", "name"))
    return DecisionRightsSummary(
        initiative=initiative,
        raci_rows=len(matrix.rows),
        raci_columns=len(matrix.columns),
        raci_failing=[matrix.rows[index].activity for index in check.failing_rows],
        raci_warnings=len(check.all_warnings) if matrix.rows else 0,
        forums=forums,
        crowded=too_many_forums(forums),
        levels=list(initiative.escalation_levels.order_by("level")),
        awaiting=list(initiative.decisions.awaiting().select_related("decider").order_by("number")),
    )


def decisions_awaiting(user: User) -> list[Decision]:
    if not user.is_authenticated:
        return []
    return list(Decision.objects.awaiting_decision_by(user))
