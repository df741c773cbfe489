"""The executive summary: one line per area, its position and what needs attention."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from governance.decisions import states as decision_states
from governance.glossary.meanings import DISPUTED, PROPOSED
from governance.packs.document.formatting import counted, counted_or_none

if TYPE_CHECKING:
    from governance.health.checks import HealthFacts
    from governance.packs.document import PackDocument


@dataclass
class SummaryLine:
    area: str
    position: str
    attention: str = ""


def _joined(counted: list[tuple[int, str]]) -> str:
    """The texts whose count is not zero, joined with semicolons."""
    return "; ".join(text for number, text in counted if number)


def _delivery_confidence(document: PackDocument) -> SummaryLine:
    latest = document.latest_review
    if not latest:
        return SummaryLine("Delivery confidence", "No assurance review recorded yet")
    attention = ""
    if latest["follow_up_due"]:
        attention = f"Follow-up review due {latest['follow_up_due']:%-d %B %Y}"
    return SummaryLine(
        "Delivery confidence",
        f"{latest['confidence_label']} at the {latest['review_type'].lower()} of "
        f"{latest['review_date']:%-d %B %Y}",
        attention,
    )


def _recommendations(document: PackDocument) -> SummaryLine:
    overdue = sum(1 for item in document.open_recommendations if item["overdue"])
    return SummaryLine(
        "Review recommendations",
        f"{counted_or_none(len(document.open_recommendations), 'open recommendation')}",
        f"{overdue} past their due date" if overdue else "",
    )


def _bodies(document: PackDocument) -> SummaryLine:
    bodies = document.content["bodies"]
    silent = document.facts.bodies_without_stop_doing
    return SummaryLine(
        "Bodies taking part",
        counted_or_none(len(bodies), "body", "bodies"),
        f"No 'stop doing' commitment from {', '.join(silent)}" if silent else "",
    )


def _senior_owner(document: PackDocument) -> SummaryLine:
    initiative, facts = document.initiative, document.facts
    owner_gaps = []
    if not facts.has_senior_owner:
        owner_gaps.append("No senior accountable owner named")
    if not facts.decision_rights:
        owner_gaps.append("Decision rights not stated")
    return SummaryLine(
        "Senior accountable owner", initiative["senior_owner"] or "Not named", "; ".join(owner_gaps)
    )


def _operating_model(document: PackDocument) -> SummaryLine:
    return SummaryLine(
        "Operating model",
        document.initiative["operating_model_label"] or "Not chosen yet",
        "Chosen model differs from the recommendation" if document.operating_model["differs"] else "",
    )


def _forums(document: PackDocument) -> SummaryLine:
    content = document.content
    return SummaryLine(
        "Forums and escalation",
        f"{counted(len(content['forums']), 'forum')}; "
        f"{counted(len(content['escalation_levels']), 'escalation level')}",
    )


def _raci(document: PackDocument) -> SummaryLine:
    facts = document.facts
    troubled = facts.raci_failing_rows
    return SummaryLine(
        "RACI matrix",
        (
            f"{counted_or_none(facts.raci_rows, 'activity', 'activities')} across "
            f"{counted_or_none(len(document.content['raci']['columns']), 'column')}"
            if facts.raci_rows
            else "None recorded"
        ),
        f"{counted_or_none(troubled, 'row')} without exactly one A and at least one R" if troubled else "",
    )


def _risks_position(facts: HealthFacts) -> str:
    """Risks not closed: the open ones, and drafts from the checklist still to be assessed."""
    if not facts.live_risks:
        return "None recorded"
    open_risks = counted(facts.live_risks - facts.draft_risks, "open risk")
    return f"{open_risks} and {facts.draft_risks} not yet assessed" if facts.draft_risks else open_risks


def _risks(document: PackDocument) -> SummaryLine:
    facts = document.facts
    attention = _joined(
        [
            (facts.risks_above_threshold, f"{facts.risks_above_threshold} above threshold"),
            (facts.overdue_risks, f"{facts.overdue_risks} past review date"),
            (facts.unowned_risks, f"{facts.unowned_risks} without a named owner"),
        ]
    )
    return SummaryLine("Shared risks", _risks_position(facts), attention)


def _measures(document: PackDocument) -> SummaryLine:
    met = sum(1 for measure in document.measures if measure.target_met)
    unread = sum(1 for measure in document.measures if not measure.readings_count)
    return SummaryLine(
        "Shared measures",
        f"{counted_or_none(len(document.measures), 'measure')}; {met} meeting target"
        if document.measures
        else "None recorded",
        f"{unread} with no readings" if unread else "",
    )


def _definitions(document: PackDocument) -> SummaryLine:
    statuses = document.facts.definition_statuses
    disputed = statuses.count(DISPUTED)
    proposed = statuses.count(PROPOSED)
    return SummaryLine(
        "Shared data definitions",
        counted_or_none(len(statuses), "term"),
        _joined([(disputed, f"{disputed} disputed"), (proposed, f"{proposed} not yet agreed")]),
    )


def _decisions(document: PackDocument) -> SummaryLine:
    decisions = document.content["decisions"]
    awaiting = sum(1 for d in decisions if decision_states.awaits_decider(d["status"]))
    return SummaryLine(
        "Decisions",
        counted_or_none(len(decisions), "decision"),
        f"{awaiting} awaiting a decision" if awaiting else "",
    )


LINES = [
    _delivery_confidence,
    _recommendations,
    _bodies,
    _senior_owner,
    _operating_model,
    _forums,
    _raci,
    _risks,
    _measures,
    _definitions,
    _decisions,
]


def summary_lines(document: PackDocument) -> list[SummaryLine]:
    return [line(document) for line in LINES]
