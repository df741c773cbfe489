"""The executive summary ("At a glance"): one line per area, its position and what needs attention.

Every number here is a figure of governance.health.facts, the same the overview shows, never a
count of the pack's own; each is marked with its name (formatting.figure).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from governance.packs.document.formatting import counted, counted_or_none, figure

if TYPE_CHECKING:
    from governance.health.facts import InitiativeFacts
    from governance.packs.document import PackDocument


@dataclass
class SummaryLine:
    area: str
    position: str
    attention: str = ""


def _joined(parts: list[tuple[int, SafeString]]) -> SafeString:
    """The texts whose count is not zero, joined with semicolons."""
    return format_html_join("; ", "{}", ((text,) for number, text in parts if number))


def _noted(name: str, count: int, text: str) -> tuple[int, SafeString]:
    return count, format_html("{} {}", figure(name, count), text)


def _total_and_part(facts: InitiativeFacts, total: str, noun: str, part: str, text: str) -> str:
    """ "3 measures; 1 meeting target", or "None recorded"."""
    count = getattr(facts, total)
    if not count:
        return "None recorded"
    return format_html("{}; {} {}", counted(total, count, noun), figure(part, getattr(facts, part)), text)


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
    # Recommendations belong to assurance reviews, not to the initiative's facts.
    overdue = sum(1 for item in document.open_recommendations if item["overdue"])
    count = len(document.open_recommendations)
    proposed = len(document.proposed_closed_recommendations)
    standing = [
        f"{count} open recommendation{'' if count == 1 else 's'}" if count else "",
        f"{proposed} proposed closed, awaiting the reviewer" if proposed else "",
    ]
    closed = "None open" if document.closed_recommendations else "None recorded"
    return SummaryLine(
        "Review recommendations",
        "; ".join(part for part in standing if part) or closed,
        f"{overdue} past their due date" if overdue else "",
    )


def _bodies(document: PackDocument) -> SummaryLine:
    facts = document.facts
    silent = facts.counts.bodies_without_stop_doing
    return SummaryLine(
        "Bodies taking part",
        counted_or_none("bodies", facts.bodies, "body", "bodies"),
        f"No 'stop doing' commitment from {', '.join(silent)}" if silent else "",
    )


def _senior_owner(document: PackDocument) -> SummaryLine:
    initiative, counts = document.initiative, document.facts.counts
    owner_gaps = []
    if not counts.has_senior_owner:
        owner_gaps.append("No senior accountable owner named")
    if not counts.decision_rights:
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
    facts = document.facts
    return SummaryLine(
        "Forums and escalation",
        format_html(
            "{}; {}",
            counted("forums", facts.forums, "forum"),
            counted("escalation_levels", facts.escalation_levels, "escalation level"),
        ),
    )


def _raci(document: PackDocument) -> SummaryLine:
    facts = document.facts
    columns = len(document.content["raci"]["columns"])
    return SummaryLine(
        "RACI matrix",
        format_html(
            "{} across {} column{}",
            counted("raci_rows", facts.raci_rows, "activity", "activities"),
            columns,
            "" if columns == 1 else "s",
        )
        if facts.raci_rows
        else "None recorded",
        _joined(
            [_noted("raci_failing_rows", facts.raci_failing_rows, "without exactly one A and at least one R")]
        ),
    )


def _risks_position(facts: InitiativeFacts) -> str:
    """Risks not closed: the open ones, and drafts from the checklist still to be assessed."""
    if not facts.risks_open and not facts.risks_not_yet_assessed:
        return "None recorded"
    open_risks = counted("risks_open", facts.risks_open, "open risk")
    if not facts.risks_not_yet_assessed:
        return open_risks
    return format_html(
        "{} and {} not yet assessed",
        open_risks,
        figure("risks_not_yet_assessed", facts.risks_not_yet_assessed),
    )


def _risks(document: PackDocument) -> SummaryLine:
    facts = document.facts
    attention = _joined(
        [
            _noted("risks_above_threshold", facts.risks_above_threshold, "above threshold"),
            _noted("risks_past_review", facts.risks_past_review, "past review date"),
            _noted("risks_without_owner", facts.risks_without_owner, "without a named owner"),
        ]
    )
    return SummaryLine("Shared risks", _risks_position(facts), attention)


def _measures(document: PackDocument) -> SummaryLine:
    facts = document.facts
    return SummaryLine(
        "Shared measures",
        _total_and_part(facts, "measures", "measure", "measures_meeting_target", "meeting target"),
        _joined(
            [
                _noted("measures_off_track", facts.measures_off_track, "off track"),
                _noted("measures_without_readings", facts.measures_without_readings, "with no readings"),
            ]
        ),
    )


def _definitions(document: PackDocument) -> SummaryLine:
    facts = document.facts
    return SummaryLine(
        "Shared data definitions",
        counted_or_none("terms", facts.terms, "term"),
        _joined(
            [
                _noted("terms_disputed", facts.terms_disputed, "disputed"),
                _noted("terms_not_yet_agreed", facts.terms_not_yet_agreed, "not yet agreed"),
            ]
        ),
    )


def _agreements(document: PackDocument) -> SummaryLine:
    facts = document.facts
    return SummaryLine(
        "Data sharing agreements",
        _total_and_part(facts, "agreements", "agreement", "agreements_signed", "signed"),
        _joined(
            [
                _noted(
                    "agreements_without_completed_dpia",
                    facts.agreements_without_completed_dpia,
                    "without a completed DPIA",
                )
            ]
        ),
    )


def _decisions(document: PackDocument) -> SummaryLine:
    facts = document.facts
    return SummaryLine(
        "Decisions",
        counted_or_none("decisions", facts.decisions, "decision"),
        _joined([_noted("decisions_awaiting", facts.decisions_awaiting, "awaiting a decision")]),
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
    _agreements,
    _decisions,
]


def summary_lines(document: PackDocument) -> list[SummaryLine]:
    return [line(document) for line in LINES]
