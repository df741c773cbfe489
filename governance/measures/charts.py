"""Geometry for server-rendered SVG charts, shared by the web pages and the PDF pack. Pure functions."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    label: str
    value: Decimal


@dataclass(frozen=True)
class TrendChart:
    width: int
    height: int
    points: list[ChartPoint]
    polyline: str
    y_ticks: list[tuple[float, str]]
    target_y: float | None
    baseline_y: float | None
    first_label: str
    last_label: str
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int

    @property
    def is_empty(self) -> bool:
        return not self.points


def _format(value: Decimal) -> str:
    return (
        f"{value.normalize():f}" if value == value.to_integral() else f"{value:.2f}".rstrip("0").rstrip(".")
    )


def trend_chart(
    readings: list[tuple[datetime.date, Decimal]],
    *,
    target: Decimal | None = None,
    baseline: Decimal | None = None,
    width: int = 480,
    height: int = 200,
) -> TrendChart:
    """Place dated readings on a line chart, with the target and baseline as reference lines."""
    left, right, top, bottom = 48, width - 12, 12, height - 28
    readings = sorted(readings)
    values = [value for _, value in readings] + [v for v in (target, baseline) if v is not None]
    low, high = (min(values), max(values)) if values else (Decimal(0), Decimal(1))
    if low == high:
        low, high = low - 1, high + 1
    span = high - low

    def y_for(value: Decimal) -> float:
        return round(bottom - float((value - low) / span) * (bottom - top), 1)

    count = len(readings)
    points = [
        ChartPoint(
            x=round(left + (index / (count - 1) if count > 1 else 0.5) * (right - left), 1),
            y=y_for(value),
            label=taken_on.strftime("%-d %b %Y"),
            value=value,
        )
        for index, (taken_on, value) in enumerate(readings)
    ]
    ticks = [(y_for(low + span * step / 4), _format(low + span * step / 4)) for step in range(5)]
    return TrendChart(
        width=width,
        height=height,
        points=points,
        polyline=" ".join(f"{p.x},{p.y}" for p in points),
        y_ticks=ticks,
        target_y=y_for(target) if target is not None else None,
        baseline_y=y_for(baseline) if baseline is not None else None,
        first_label=points[0].label if points else "",
        last_label=points[-1].label if points else "",
        plot_left=left,
        plot_right=right,
        plot_top=top,
        plot_bottom=bottom,
    )
