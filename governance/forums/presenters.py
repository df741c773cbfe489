"""What the forums page and the overview say about an initiative's forums."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from collab.history import LIST_HISTORY_LENGTH, HistoryEntry, history_entries
from governance.forums.escalation import level_label, sent_to
from governance.forums.models import Escalation, EscalationLevel, Forum
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


@dataclass(frozen=True)
class EscalationEntry:
    """One escalation of a risk or decision, as its page lists it."""

    escalated_at: datetime.datetime
    escalated_by: User
    reason: str
    # "Workstream leads (level 1)", or "" when it was not on the route yet.
    from_label: str
    # "Programme board (level 2)" or "the board".
    destination: str


def escalation_entries(escalations: Iterable[Escalation]) -> list[EscalationEntry]:
    return [
        EscalationEntry(
            escalated_at=escalation.escalated_at,
            escalated_by=escalation.escalated_by,
            reason=escalation.reason,
            from_label=level_label(escalation.from_level) if escalation.from_level else "",
            destination=sent_to(escalation),
        )
        for escalation in escalations
    ]


def escalated_to(entries: Iterable[EscalationEntry]) -> str:
    """Where the item was last sent up the route; "" if it never was."""
    latest = max(entries, key=lambda entry: entry.escalated_at, default=None)
    return latest.destination if latest else ""


def forums_history(initiative: Initiative) -> list[HistoryEntry]:
    return history_entries([Forum.history.filter(initiative_id=initiative.pk)], limit=LIST_HISTORY_LENGTH)


def escalation_history(initiative: Initiative) -> list[HistoryEntry]:
    levels = EscalationLevel.history.filter(initiative_id=initiative.pk)
    return history_entries([levels], limit=LIST_HISTORY_LENGTH)
