"""Rows for the CSV downloads (collab.csv_export neutralises formula-like cells)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from governance.measures.models import Measure
from governance.risks.models import Risk


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _date(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


NOT_YET_ASSESSED = "Not yet assessed"


def _scores(risk: Risk) -> list:
    """Each position's likelihood, impact and score. A draft not yet assessed says so in the
    score columns, which an import ignores, and leaves the importable cells blank."""
    if not risk.is_assessed:
        return ["", "", NOT_YET_ASSESSED] * 3
    return [
        risk.inherent_likelihood,
        risk.inherent_impact,
        risk.inherent_score,
        risk.current_likelihood,
        risk.current_impact,
        risk.current_score,
        risk.target_likelihood,
        risk.target_impact,
        risk.target_score,
    ]


def risk_rows(risks: Iterable[Risk]) -> list[list]:
    return [
        [
            risk.reference,
            risk.title,
            risk.cause,
            risk.effect,
            risk.get_category_display() if risk.category else "",
            risk.owner_body.short_name if risk.owner_body else "",
            risk.owner.email if risk.owner else "",
            _yes_no(risk.is_joint),
            *_scores(risk),
            risk.get_appetite_display() if risk.appetite else "",
            risk.get_treatment_display() if risk.treatment else "",
            risk.get_proximity_display() if risk.proximity else "",
            risk.escalation_threshold,
            _date(risk.review_date if risk.is_assessed else None),
            risk.get_status_display(),
        ]
        for risk in risks
    ]


def measure_rows(measures: Iterable[Measure]) -> list[list]:
    rows = []
    for measure in measures:
        readings = list(measure.readings.all())
        latest = readings[-1] if readings else None
        rows.append(
            [
                measure.reference,
                measure.name,
                measure.definition,
                measure.unit,
                measure.get_direction_display() if measure.direction else "",
                measure.baseline if measure.baseline is not None else "",
                _date(measure.baseline_date),
                measure.target if measure.target is not None else "",
                _date(measure.target_date),
                measure.data_source,
                measure.owner_body.short_name if measure.owner_body else "",
                # A draft's frequency and benefit type are defaults nobody chose yet.
                "" if measure.is_draft else measure.get_frequency_display(),
                measure.investing_body.short_name if measure.investing_body else "",
                "; ".join(sorted(body.short_name for body in measure.benefiting_bodies.all())),
                "" if measure.is_draft else measure.get_benefit_type_display(),
                _yes_no(measure.agreed_before_start),
                _date(measure.agreed_on),
                latest.value if latest else (NOT_YET_ASSESSED if measure.is_draft else ""),
                _date(latest.taken_on) if latest else "",
                f"Retired on {measure.retired_at:%Y-%m-%d}" if measure.is_retired else "Current",
                measure.retirement_reason,
            ]
        )
    return rows
