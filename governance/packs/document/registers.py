"""The pack's registers as the PDF shows them: risks scored and flagged, measures with trend charts."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from governance.measures import charts
from governance.measures.progress import Standing, measure_position
from governance.packs.document.formatting import as_date, as_decimal, format_number
from governance.risks import scoring


@dataclass
class RiskRow:
    risk: dict
    # Scores and bands are None while the risk is a draft not yet assessed.
    current_score: int | None
    target_score: int | None
    inherent_score: int | None
    band: scoring.Band | None
    target_band: scoring.Band | None
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


def is_assessed(risk: dict) -> bool:
    """Packs built before drafts lost their placeholder scores have no "assessed" key: their
    drafts count as not assessed, as they were not."""
    return risk.get("assessed", risk["status"] != "draft") and None not in risk["current"]


def _score(position: list, assessed: bool) -> int | None:
    return scoring.score(*position) if assessed else None


def _band(risk_score: int | None) -> scoring.Band | None:
    return None if risk_score is None else scoring.band_for(risk_score)


def risk_row(risk: dict, as_of: datetime.date) -> RiskRow:
    assessed = is_assessed(risk)
    current, target = _score(risk["current"], assessed), _score(risk["target"], assessed)
    review_date = as_date(risk["review_date"]) if assessed else None
    actions = [
        {**action, "due_date": as_date(action["due_date"]), "late": _is_late(action, as_of)}
        for action in risk["actions"]
    ]
    return RiskRow(
        risk=risk,
        current_score=current,
        target_score=target,
        inherent_score=_score(risk["inherent"], assessed),
        band=_band(current),
        target_band=_band(target),
        flags=scoring.risk_flags(
            current_score=current,
            escalation_threshold=risk["escalation_threshold"],
            has_owner=bool(risk["owner"]),
            review_date=review_date,
            today=as_of,
        ),
        review_date=review_date,
        actions=actions,
    )


def needs_attention(row: RiskRow) -> bool:
    """Printed in full: an open, assessed risk above its escalation threshold, or escalated to a level."""
    if row.risk["status"] != "open" or row.current_score is None:
        return False
    return row.flags.above_threshold or bool(row.risk["escalation_level"])


def _is_late(action: dict, as_of: datetime.date) -> bool:
    due = as_date(action["due_date"])
    return bool(due and due < as_of and action["status"] != "Done")


def measure_view(measure: dict) -> MeasureView:
    readings = [(as_date(taken_on), as_decimal(value)) for taken_on, value in measure["readings"]]
    readings = [(taken_on, value) for taken_on, value in readings if taken_on and value is not None]
    baseline, target = as_decimal(measure["baseline"]), as_decimal(measure["target"])
    latest_date, latest = readings[-1] if readings else (None, None)
    # The same standing as the measure's page and the facts' "meeting target" count.
    standing = measure_position(
        direction=measure["direction"],
        baseline=baseline,
        target=target,
        latest=latest,
        latest_on=latest_date,
        baseline_date=as_date(measure["baseline_date"]),
        target_date=as_date(measure["target_date"]),
    ).standing
    target_met = None if standing == Standing.UNKNOWN else standing == Standing.MET
    unit = measure["unit"]
    return MeasureView(
        measure=measure,
        unit=unit,
        baseline=format_number(baseline),
        target=format_number(target),
        latest=format_number(latest),
        latest_date=latest_date,
        baseline_date=as_date(measure["baseline_date"]),
        target_date=as_date(measure["target_date"]),
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
        f"{name}: {len(readings)} readings from {format_number(first[1])} {unit} on {first[0]:%-d %B %Y} "
        f"to {format_number(last[1])} {unit} on {last[0]:%-d %B %Y}"
    )
    if target is not None:
        text += f"; target {format_number(target)} {unit}"
    return text


def band_ranges() -> list[dict]:
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


def agreement_view(agreement: dict) -> dict:
    dates = ("dpia_date", "review_date", "signed_on")
    return {**agreement, **{key: as_date(agreement[key]) for key in dates}}
