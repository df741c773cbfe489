"""Shaping what a decision is about for its pages: live while it is open, frozen once decided."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from governance.decisions import states as decision_states
from governance.decisions.changes.kinds import KINDS, Kind
from governance.decisions.changes.models import DecisionSnapshot
from governance.decisions.changes.snapshot import describe
from governance.decisions.models import Decision


@dataclass
class DecisionAbout:
    raci: dict[str, Any] | None
    # Each: noun, name, url, changes [{label, before, after}], problem, link_id.
    links: list[dict[str, Any]] = field(default_factory=list)
    # As it stood when decided (the snapshot), not as the records are now.
    snapshot: DecisionSnapshot | None = None

    @property
    def raci_summary(self) -> str:
        """ "Approve the business case (DWP: A, HMRC: R)", as the decision showed it."""
        if self.raci is None:
            return ""
        letters = ", ".join(f"{column}: {letter}" for column, letter in self.raci["letters"])
        return f"{self.raci['activity']} ({letters})" if letters else self.raci["activity"]

    @property
    def outcome(self) -> str:
        return self.snapshot.content.get("outcome", "") if self.snapshot else ""

    @property
    def problems(self) -> list[str]:
        return [link["problem"] for link in self.links if link["problem"]]


def decision_about(decision: Decision) -> DecisionAbout:
    """The snapshot of a decided decision; the records as they are now for an open one."""
    snapshot = DecisionSnapshot.objects.filter(decision=decision).first()
    content = snapshot.content if snapshot is not None else describe(decision)
    return DecisionAbout(raci=content["raci"], links=content["links"], snapshot=snapshot)


def changes_editable(decision: Decision) -> bool:
    return decision_states.is_editable(decision.status)


def kinds_offered() -> list[Kind]:
    """Kinds that change things first, then those only linked."""
    return sorted(KINDS.values(), key=lambda kind: not kind.changes_things)
