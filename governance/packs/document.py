"""Shaping a content snapshot for the PDF template: ordering, flags, the heat map and trend charts.

Everything here works on the JSON snapshot alone, never the database, so a pack can be rendered
again from its stored content. Flags that depend on the date (overdue reviews, late actions)
are judged as at the generation date printed on the cover.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from governance.decisions import states as decision_states
from governance.glossary.meanings import DISPUTED, PROPOSED
from governance.health.checks import HealthFacts, HealthItem, facts_from_snapshot, health_check
from governance.measures import charts
from governance.raci.validation import Column, Row, check_matrix
from governance.risks import scoring
from initiatives.operating_models import PROFILES

SECTIONS = [
    ("summary", "Executive summary"),
    ("model", "Operating model"),
    ("bodies", "Participating bodies and roles"),
    ("ownership", "Senior owner and decision rights"),
    ("forums", "Forums and escalation route"),
    ("raci", "RACI matrix"),
    ("risks", "Risk register"),
    ("measures", "Shared measures"),
    ("definitions", "Shared data definitions"),
    ("decisions", "Decision log"),
    ("assurance", "Assurance reviews and delivery confidence"),
]

DEFINITION_ORDER = {"disputed": 0, "proposed": 1, "agreed": 2}


def _day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _moment(value: str | None) -> datetime.datetime | None:
    return timezone.localtime(datetime.datetime.fromisoformat(value)) if value else None


def _number(value: str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def _format_number(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = f"{value:,.2f}"
    return text[:-3] if text.endswith(".00") else text.rstrip("0")


@dataclass
class Section:
    anchor: str
    number: int
    title: str

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def template(self) -> str:
        return f"governance/packs/sections/{self.anchor}.html"


@dataclass
class SummaryLine:
    area: str
    position: str
    attention: str = ""


@dataclass
class RiskRow:
    risk: dict
    current_score: int
    target_score: int
    inherent_score: int
    band: scoring.Band
    target_band: scoring.Band
    flags: scoring.RiskFlags
    review_date: datetime.date | None
    actions: list[dict]

    @property
    def flag_labels(self) -> list[str]:
        labels = []
        if self.flags.above_threshold:
            labels.append(f"Above threshold ({self.risk['escalation_threshold']})")
        if self.flags.no_owner:
            labels.append("No named owner")
        if self.flags.review_overdue:
            labels.append("Review overdue")
        return labels


@dataclass
class MeasureView:
    measure: dict
    unit: str
    baseline: str
    target: str
    latest: str
    latest_date: datetime.date | None
    baseline_date: datetime.date | None
    target_date: datetime.date | None
    readings_count: int
    target_met: bool | None
    chart: charts.TrendChart
    chart_title: str


@dataclass
class RaciRowView:
    activity: str
    kind_label: str
    cells: list[str]
    problems: list[str]


@dataclass
class PackDocument:
    content: dict
    version_label: str
    generated_at: datetime.datetime
    fingerprint: str
    as_of: datetime.date
    sections: list[Section]
    summary: list[SummaryLine]
    operating_model: dict
    raci_rows: list[RaciRowView]
    idle_raci_columns: list[str]
    decision_rights_in_raci: list[dict]
    heat_map: list[list[scoring.HeatMapCell]]
    bands: list[dict]
    risks_above_threshold: list[RiskRow]
    other_open_risks: list[RiskRow]
    closed_risks: list[RiskRow]
    measures: list[MeasureView]
    definitions: list[dict]
    agreements: list[dict]
    decisions: list[dict]
    reviews: list[dict]
    latest_review: dict | None
    # The initiative's facts as gathered with the content: the summary and the health check read them.
    facts: HealthFacts
    health: list[HealthItem]
    open_recommendations: list[dict] = field(default_factory=list)

    @property
    def initiative(self) -> dict:
        return self.content["initiative"]

    @property
    def classification(self) -> str:
        return self.initiative["classification_label"]

    @property
    def title(self) -> str:
        return f"{self.initiative['title']}: governance pack, version {self.version_label}"

    @property
    def fingerprint_groups(self) -> list[str]:
        return [self.fingerprint[i : i + 16] for i in range(0, len(self.fingerprint), 16)]

    @property
    def open_risk_count(self) -> int:
        return len(self.risks_above_threshold) + len(self.other_open_risks)


def pack_document(
    content: dict, *, version_label: str, generated_at: datetime.datetime, fingerprint: str
) -> PackDocument:
    as_of = timezone.localdate(generated_at)
    risk_rows = [_risk_row(risk, as_of) for risk in content["risks"]]
    open_rows = [row for row in risk_rows if row.risk["status"] == "open"]
    by_score = sorted(open_rows, key=lambda row: (-row.current_score, row.risk["number"]))
    raci_rows, idle_columns = _raci(content["raci"])
    reviews = [_review(review, as_of) for review in content["reviews"]]
    facts = facts_from_snapshot(content["facts"])
    document = PackDocument(
        content=content,
        version_label=version_label,
        generated_at=timezone.localtime(generated_at),
        fingerprint=fingerprint,
        as_of=as_of,
        sections=[Section(anchor, number, title) for number, (anchor, title) in enumerate(SECTIONS, start=1)],
        summary=[],
        operating_model=_operating_model(content),
        raci_rows=raci_rows,
        idle_raci_columns=idle_columns,
        decision_rights_in_raci=_decision_rights_in_raci(content["raci"]),
        heat_map=scoring.heat_map(tuple(row.risk["current"]) for row in open_rows),
        bands=_band_ranges(),
        risks_above_threshold=[row for row in by_score if row.flags.above_threshold],
        other_open_risks=[row for row in by_score if not row.flags.above_threshold],
        closed_risks=[row for row in risk_rows if row.risk["status"] != "open"],
        measures=[_measure(measure) for measure in content["measures"]],
        definitions=sorted(
            content["definitions"], key=lambda d: (DEFINITION_ORDER.get(d["status"], 3), d["term"].lower())
        ),
        agreements=[_agreement(agreement) for agreement in content["data_sharing_agreements"]],
        decisions=[_decision(decision) for decision in content["decisions"]],
        reviews=reviews,
        latest_review=reviews[0] if reviews else None,
        facts=facts,
        health=health_check(facts),
        open_recommendations=sorted(
            (item for review in reviews for item in review["recommendations"] if item["status"] == "open"),
            key=lambda item: item["due_date"] or datetime.date.max,
        ),
    )
    document.summary = _summary(document)
    return document


def _band_ranges() -> list[dict]:
    ranges, low = [], 1
    for band in scoring.risk_bands():
        ranges.append(
            {
                "name": band.name,
                "colour": band.colour,
                "low": low,
                "high": band.max_score,
                "days": band.review_days,
            }
        )
        low = band.max_score + 1
    return ranges


def _agreement(agreement: dict) -> dict:
    dates = ("dpia_date", "review_date", "signed_on")
    return {**agreement, **{key: _day(agreement[key]) for key in dates}}


def _risk_row(risk: dict, as_of: datetime.date) -> RiskRow:
    current = scoring.score(*risk["current"])
    target = scoring.score(*risk["target"])
    review_date = _day(risk["review_date"])
    actions = [
        {**action, "due_date": _day(action["due_date"]), "late": _is_late(action, as_of)}
        for action in risk["actions"]
    ]
    return RiskRow(
        risk=risk,
        current_score=current,
        target_score=target,
        inherent_score=scoring.score(*risk["inherent"]),
        band=scoring.band_for(current),
        target_band=scoring.band_for(target),
        flags=scoring.risk_flags(
            current_score=current,
            escalation_threshold=risk["escalation_threshold"],
            has_owner=bool(risk["owner"]),
            review_date=review_date or as_of,
            today=as_of,
        ),
        review_date=review_date,
        actions=actions,
    )


def _is_late(action: dict, as_of: datetime.date) -> bool:
    due = _day(action["due_date"])
    return bool(due and due < as_of and action["status"] != "Done")


def _measure(measure: dict) -> MeasureView:
    readings = [(_day(day), _number(value)) for day, value in measure["readings"]]
    readings = [(day, value) for day, value in readings if day and value is not None]
    baseline, target = _number(measure["baseline"]), _number(measure["target"])
    latest_date, latest = readings[-1] if readings else (None, None)
    target_met = None
    if latest is not None and target is not None:
        target_met = latest >= target if measure["direction"] == "higher" else latest <= target
    unit = measure["unit"]
    return MeasureView(
        measure=measure,
        unit=unit,
        baseline=_format_number(baseline),
        target=_format_number(target),
        latest=_format_number(latest),
        latest_date=latest_date,
        baseline_date=_day(measure["baseline_date"]),
        target_date=_day(measure["target_date"]),
        readings_count=len(readings),
        target_met=target_met,
        chart=charts.trend_chart(readings, target=target, baseline=baseline, width=520, height=150),
        chart_title=_chart_title(measure["name"], unit, readings, target),
    )


def _chart_title(name: str, unit: str, readings: list, target: Decimal | None) -> str:
    if not readings:
        return f"{name}: no readings yet"
    first, last = readings[0], readings[-1]
    text = (
        f"{name}: {len(readings)} readings from {_format_number(first[1])} {unit} on {first[0]:%-d %B %Y} "
        f"to {_format_number(last[1])} {unit} on {last[0]:%-d %B %Y}"
    )
    if target is not None:
        text += f"; target {_format_number(target)} {unit}"
    return text


def _raci(raci: dict) -> tuple[list[RaciRowView], list[str]]:
    """Rows with the RACI check's findings, and its warnings about bodies with nothing to do."""
    keys = [column["key"] for column in raci["columns"]]
    check = check_matrix(
        columns=[Column(label=column["label"], body=column["body"]) for column in raci["columns"]],
        rows=[
            Row(label=row["activity"], values=[row["cells"].get(key, "") for key in keys])
            for row in raci["rows"]
        ],
    )
    rows = [
        RaciRowView(
            activity=row["activity"],
            kind_label=row["kind_label"],
            cells=[row["cells"].get(key, "") for key in keys],
            problems=check.row_errors.get(index, []),
        )
        for index, row in enumerate(raci["rows"])
    ]
    return rows, check.warnings


def _decision_rights_in_raci(raci: dict) -> list[dict]:
    """Decision rows of the RACI, with who is accountable for each."""
    columns = {column["key"]: column for column in raci["columns"]}
    rights = []
    for row in raci["rows"]:
        if row["kind"] != "decision":
            continue
        accountable = [columns[key] for key, value in row["cells"].items() if value == "A" and key in columns]
        rights.append({"activity": row["activity"], "accountable": accountable})
    return rights


def _operating_model(content: dict) -> dict:
    chosen = content["initiative"]["operating_model"]
    assessment = content["assessment"]
    return {
        "chosen": PROFILES.get(chosen),
        "assessment": assessment,
        "differs": bool(assessment and assessment["chosen_model"] != assessment["recommended_model"]),
        "created_on": _day(assessment["created_on"]) if assessment else None,
    }


def _decision(decision: dict) -> dict:
    return {
        **decision,
        "due_date": _day(decision["due_date"]),
        "created_at": _moment(decision["created_at"]),
        "trail": [{**step, "at": _moment(step["at"])} for step in decision["trail"]],
    }


def _review(review: dict, as_of: datetime.date) -> dict:
    recommendations = [
        {
            **item,
            "due_date": _day(item["due_date"]),
            "completed_on": _day(item["completed_on"]),
            "overdue": item["status"] == "open" and bool(item["due_date"]) and _day(item["due_date"]) < as_of,
        }
        for item in review["recommendations"]
    ]
    return {
        **review,
        "review_date": _day(review["review_date"]),
        "follow_up_due": _day(review["follow_up_due"]),
        "recommendations": recommendations,
    }


def _count(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _plural(count: int, word: str, plural: str = "") -> str:
    if count == 0:
        return "None recorded"
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def _risks_position(facts: HealthFacts) -> str:
    """Risks not closed: the open ones, and drafts from the checklist still to be assessed."""
    if not facts.live_risks:
        return "None recorded"
    open_risks = _count(facts.live_risks - facts.draft_risks, "open risk")
    return f"{open_risks} and {_count(facts.draft_risks, 'draft')}" if facts.draft_risks else open_risks


def _summary(document: PackDocument) -> list[SummaryLine]:
    """At a glance. Counts that the health check also makes come from the same facts."""
    content, facts = document.content, document.facts
    lines = []
    latest = document.latest_review
    if latest:
        attention = ""
        if latest["follow_up_due"]:
            attention = f"Follow-up review due {latest['follow_up_due']:%-d %B %Y}"
        lines.append(
            SummaryLine(
                "Delivery confidence",
                f"{latest['confidence_label']} at the {latest['review_type'].lower()} of "
                f"{latest['review_date']:%-d %B %Y}",
                attention,
            )
        )
    else:
        lines.append(SummaryLine("Delivery confidence", "No assurance review recorded yet"))
    overdue = sum(1 for item in document.open_recommendations if item["overdue"])
    lines.append(
        SummaryLine(
            "Review recommendations",
            f"{_plural(len(document.open_recommendations), 'open recommendation')}",
            f"{overdue} past their due date" if overdue else "",
        )
    )
    bodies = content["bodies"]
    silent = facts.bodies_without_stop_doing
    lines.append(
        SummaryLine(
            "Bodies taking part",
            _plural(len(bodies), "body", "bodies"),
            f"No 'stop doing' commitment from {', '.join(silent)}" if silent else "",
        )
    )
    initiative = content["initiative"]
    owner_gaps = []
    if not facts.has_senior_owner:
        owner_gaps.append("No senior accountable owner named")
    if not facts.decision_rights:
        owner_gaps.append("Decision rights not stated")
    lines.append(
        SummaryLine(
            "Senior accountable owner",
            initiative["senior_owner"] or "Not named",
            "; ".join(owner_gaps),
        )
    )
    lines.append(
        SummaryLine(
            "Operating model",
            initiative["operating_model_label"] or "Not chosen yet",
            "Chosen model differs from the recommendation" if document.operating_model["differs"] else "",
        )
    )
    lines.append(
        SummaryLine(
            "Forums and escalation",
            f"{_count(len(content['forums']), 'forum')}; "
            f"{_count(len(content['escalation_levels']), 'escalation level')}",
        )
    )
    troubled = facts.raci_failing_rows
    lines.append(
        SummaryLine(
            "RACI matrix",
            (
                f"{_plural(facts.raci_rows, 'activity', 'activities')} across "
                f"{_plural(len(content['raci']['columns']), 'column')}"
                if facts.raci_rows
                else "None recorded"
            ),
            f"{_plural(troubled, 'row')} without exactly one A and at least one R" if troubled else "",
        )
    )
    risk_attention = [
        text
        for count, text in [
            (facts.risks_above_threshold, f"{facts.risks_above_threshold} above threshold"),
            (facts.overdue_risks, f"{facts.overdue_risks} past review date"),
            (facts.unowned_risks, f"{facts.unowned_risks} without a named owner"),
        ]
        if count
    ]
    lines.append(SummaryLine("Shared risks", _risks_position(facts), "; ".join(risk_attention)))
    met = sum(1 for measure in document.measures if measure.target_met)
    unread = sum(1 for measure in document.measures if not measure.readings_count)
    lines.append(
        SummaryLine(
            "Shared measures",
            f"{_plural(len(document.measures), 'measure')}; {met} meeting target"
            if document.measures
            else "None recorded",
            f"{unread} with no readings" if unread else "",
        )
    )
    disputed = facts.definition_statuses.count(DISPUTED)
    proposed = facts.definition_statuses.count(PROPOSED)
    lines.append(
        SummaryLine(
            "Shared data definitions",
            _plural(len(facts.definition_statuses), "term"),
            "; ".join(
                text
                for count, text in [
                    (disputed, f"{disputed} disputed"),
                    (proposed, f"{proposed} not yet agreed"),
                ]
                if count
            ),
        )
    )
    awaiting = sum(1 for d in content["decisions"] if decision_states.awaits_decider(d["status"]))
    lines.append(
        SummaryLine(
            "Decisions",
            _plural(len(content["decisions"]), "decision"),
            f"{awaiting} awaiting a decision" if awaiting else "",
        )
    )
    return lines
