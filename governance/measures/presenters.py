"""Shared measures with their latest position against target, shaped for their templates."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from collab.history import HistoryEntry, history_entries
from governance.measures.charts import TrendChart, trend_chart
from governance.measures.models import Measure, MeasureReading
from governance.measures.progress import Position, measure_position


@dataclass(frozen=True)
class MeasureSummary:
    measure: Measure
    readings: list[MeasureReading]
    latest: MeasureReading | None
    position: Position


def summarise(measure: Measure) -> MeasureSummary:
    """Expects measure.readings prefetched (they are ordered by date)."""
    readings = list(measure.readings.all())
    latest = readings[-1] if readings else None
    position = measure_position(
        direction=measure.direction,
        baseline=measure.baseline,
        target=measure.target,
        latest=latest.value if latest else None,
        latest_on=latest.taken_on if latest else None,
        baseline_date=measure.baseline_date,
        target_date=measure.target_date,
    )
    return MeasureSummary(measure=measure, readings=readings, latest=latest, position=position)


@dataclass(frozen=True)
class MeasurePage:
    summary: MeasureSummary
    chart: TrendChart
    chart_title: str
    benefiting: list[str]


def plain_number(value: Decimal) -> str:
    """12.50 as 12.5 and 14.00 as 14: how people write the numbers they read out."""
    return f"{value.normalize():f}"


def measure_page(measure: Measure) -> MeasurePage:
    summary = summarise(measure)
    chart = trend_chart(
        [(reading.taken_on, reading.value) for reading in summary.readings],
        target=measure.target,
        baseline=measure.baseline,
        width=640,
        height=240,
    )
    if summary.latest:
        title = (
            f"{measure.name}: {len(summary.readings)} readings "
            f"from {chart.first_label} to {chart.last_label}; "
            f"latest {plain_number(summary.latest.value)} {measure.unit}"
            + (f" against a target of {plain_number(measure.target)}" if measure.target is not None else "")
            + ". The readings are also in the table below."
        )
    else:
        title = f"{measure.name}: no readings yet"
    return MeasurePage(
        summary=summary,
        chart=chart,
        chart_title=title,
        benefiting=sorted(body.name for body in measure.benefiting_bodies.all()),
    )


def measure_history(measure: Measure) -> list[HistoryEntry]:
    """Every change to the measure and its readings."""
    return history_entries([measure.history.all(), MeasureReading.history.filter(measure_id=measure.pk)])
