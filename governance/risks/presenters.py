"""The risk register and risk pages, shaped for their templates."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from collab.history import HistoryEntry, history_entries
from governance.forums.escalation import CannotEscalate, NextStep, escalation_next_step
from governance.forums.presenters import EscalationEntry, escalated_to, escalation_entries
from governance.health.checks import RiskFlagCounts
from governance.risks.models import Risk, RiskAction, RiskScoreChange
from governance.risks.querysets import RiskQuerySet
from governance.risks.scoring import Band, RiskFlags, band_for, heat_map_of_counts, risk_bands

LIKELIHOOD_WORDS = {1: "Rare", 2: "Unlikely", 3: "Possible", 4: "Likely", 5: "Almost certain"}
IMPACT_WORDS = {1: "Minimal", 2: "Minor", 3: "Moderate", 4: "Major", 5: "Severe"}


def flags_for(risk: Any) -> RiskFlags:
    """The flags of a risk read with `Risk.objects.with_flags`, where their rules are."""
    return RiskFlags(
        above_threshold=risk.flag_above_threshold,
        no_owner=risk.flag_no_owner,
        review_overdue=risk.flag_review_overdue,
    )


@dataclass(frozen=True)
class RiskRow:
    risk: Risk
    flags: RiskFlags
    # None while the risk is not yet assessed.
    band: Band | None


@dataclass(frozen=True)
class HeatCell:
    likelihood: int
    impact: int
    count: int
    above_threshold: int
    score: int
    band: Band

    @property
    def classes(self) -> str:
        """Its band's colour, and a flag when a risk in it is above its threshold."""
        flagged = " jup-heat-map__cell--flagged" if self.above_threshold else ""
        return f"jup-heat-map__cell jup-heat-map__cell--{self.band.colour}{flagged}"


@dataclass(frozen=True)
class HeatRow:
    impact: int
    impact_words: str
    cells: list[HeatCell]


@dataclass(frozen=True)
class HeatMap:
    rows: list[HeatRow]
    plotted: int
    likelihoods: list[tuple[int, str]]
    bands: list[Band]


def build_heat_map(risks: RiskQuerySet, today: datetime.date) -> HeatMap:
    """Current positions of the open risks given, with how many in each cell are above threshold,
    counted in the database. Drafts are not plotted: they have no position until they are assessed."""
    cells = risks.heat_map_cells(today=today)
    counts = {(likelihood, impact): count for likelihood, impact, count, _above in cells}
    flagged = {(likelihood, impact): above for likelihood, impact, _count, above in cells}
    rows = [
        HeatRow(
            impact=all_row[0].impact,
            impact_words=IMPACT_WORDS[all_row[0].impact],
            cells=[
                HeatCell(cell.likelihood, cell.impact, cell.count, flagged_cell.count, cell.score, cell.band)
                for cell, flagged_cell in zip(all_row, flagged_row, strict=True)
            ],
        )
        for all_row, flagged_row in zip(heat_map_of_counts(counts), heat_map_of_counts(flagged), strict=True)
    ]
    return HeatMap(
        rows=rows,
        plotted=sum(counts.values()),
        likelihoods=list(LIKELIHOOD_WORDS.items()),
        bands=risk_bands(),
    )


def _band(risk: Risk) -> Band | None:
    return band_for(risk.current_score) if risk.is_assessed and risk.current_score else None


@dataclass(frozen=True)
class RiskRegister:
    rows: list[RiskRow]
    heat_map: HeatMap
    flag_counts: RiskFlagCounts


def risk_register(
    risks: RiskQuerySet, shown: Iterable[Risk] | None = None, today: datetime.date | None = None
) -> RiskRegister:
    """The flag counts and the heat map of all `risks`, summed up in the database, and rows for those
    `shown` (a page, read `with_flags`; all of `risks` if None)."""
    today = today or timezone.localdate()
    rows = [
        RiskRow(risk, flags_for(risk), _band(risk))
        for risk in (risks.with_flags(today=today) if shown is None else shown)
    ]
    return RiskRegister(
        rows=rows,
        heat_map=build_heat_map(risks, today),
        flag_counts=RiskFlagCounts(**risks.flag_counts(today=today)),
    )


@dataclass(frozen=True)
class ScoredPosition:
    name: str
    likelihood: int
    impact: int
    score: int
    band: Band

    @property
    def likelihood_words(self) -> str:
        return LIKELIHOOD_WORDS[self.likelihood]

    @property
    def impact_words(self) -> str:
        return IMPACT_WORDS[self.impact]


@dataclass(frozen=True)
class RiskPage:
    risk: Risk
    flags: RiskFlags
    positions: list[ScoredPosition]
    controls: list[RiskAction]
    actions: list[RiskAction]
    history: list[RiskScoreChange]
    escalations: list[EscalationEntry]
    # Where it was last sent up the route ("" if never): a level, or the board.
    escalated_to: str
    next_step: NextStep | None
    # Why the risk cannot be escalated now, when it cannot.
    escalation_refusal: str


def _scored_positions(risk: Risk) -> list[ScoredPosition]:
    """Its three positions; none while it is not yet assessed."""
    if not risk.is_assessed:
        return []
    positions = []
    for name in ("Inherent", "Current", "Target"):
        likelihood = getattr(risk, f"{name.lower()}_likelihood")
        impact = getattr(risk, f"{name.lower()}_impact")
        positions.append(
            ScoredPosition(name, likelihood, impact, likelihood * impact, band_for(likelihood * impact))
        )
    return positions


def risk_page(risk: Risk) -> RiskPage:
    """For a risk read `with_flags`."""
    positions = _scored_positions(risk)
    items = list(risk.actions.select_related("owner", "owner_body"))
    escalations = escalation_entries(risk.escalations.with_route().order_by("-escalated_at"))
    next_step, refusal = None, ""
    try:
        next_step = escalation_next_step(initiative=risk.initiative, item=risk)
    except CannotEscalate as reason:
        refusal = str(reason)
    return RiskPage(
        risk=risk,
        flags=flags_for(risk),
        positions=positions,
        controls=[item for item in items if item.kind == RiskAction.Kind.CONTROL],
        actions=[item for item in items if item.kind == RiskAction.Kind.ACTION],
        history=list(risk.score_changes.select_related("changed_by").order_by("-changed_at", "-pk")),
        escalations=escalations,
        escalated_to=escalated_to(escalations),
        next_step=next_step,
        escalation_refusal=refusal,
    )


def risk_history(risk: Risk) -> list[HistoryEntry]:
    """Every change to the risk and its controls and actions: who, when, from what to what."""
    return history_entries([risk.history.all(), RiskAction.history.filter(risk_id=risk.pk)])
