"""The portfolio page and its CSV: one row per initiative in the person's scope, with the facts the
initiative's own pages state (governance.health.facts), its latest delivery confidence, a combined
heat map of joint risks and delivery confidence over time.

Everything is read in a fixed number of queries, whatever the number of initiatives: the facts in
one batch, the reviews and the joint risks in one query each.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.http import QueryDict
from django.utils import timezone

from governance.assurance.models import AssuranceReview
from governance.health.checks import HealthItem, Status
from governance.health.facts import InitiativeFacts, initiative_facts_for
from governance.portfolio.forms import NOT_REVIEWED, SORTS, PortfolioFilterForm
from governance.portfolio.trends import SCORES, ConfidenceTrend, Review, confidence_trend
from governance.risks.models import Risk
from governance.risks.presenters import HeatMap, build_heat_map
from initiatives.models import Body, Initiative, Participation, User


@dataclass(frozen=True)
class Rating:
    """The latest assurance review's delivery confidence, and the follow-up it set."""

    confidence: str
    label: str
    review_date: datetime.date
    follow_up_due: datetime.date | None


@dataclass(frozen=True)
class PortfolioRow:
    initiative: Initiative
    bodies: list[str]
    facts: InitiativeFacts
    rating: Rating | None
    # The person may open the initiative (a member of a body taking part, its reviewer): a
    # portfolio office sees the row, not the records behind it.
    can_open: bool

    @property
    def failing_checks(self) -> list[HealthItem]:
        return [item for item in self.facts.checks if item.status == Status.FAILING]

    @property
    def next_review(self) -> datetime.date | None:
        return self.rating.follow_up_due if self.rating else None


@dataclass(frozen=True)
class Portfolio:
    rows: list[PortfolioRow]
    heat_map: HeatMap
    trend: ConfidenceTrend
    # Initiatives in scope before the filters.
    in_scope: int


def portfolio_bodies(user: User) -> list[Body]:
    """The bodies taking part in the initiatives in the person's scope: the body filter's choices."""
    in_scope = Initiative.objects.in_portfolio_of(user)
    return list(Body.objects.filter(participations__initiative__in=in_scope).distinct())


def _reviews(ids: list[int]) -> dict[int, list[AssuranceReview]]:
    """Each initiative's reviews, newest first."""
    found = defaultdict(list)
    for review in AssuranceReview.objects.filter(initiative_id__in=ids).newest_first():
        found[review.initiative_id].append(review)
    return found


def _rating(reviews: list[AssuranceReview]) -> Rating | None:
    if not reviews:
        return None
    latest = reviews[0]
    return Rating(
        latest.confidence, latest.get_confidence_display(), latest.review_date, latest.follow_up_due
    )


def _initiatives(user: User, choices: dict) -> list[Initiative]:
    initiatives = Initiative.objects.in_portfolio_of(user)
    if choices.get("body"):
        initiatives = initiatives.filter(participations__body_id=choices["body"])
    if choices.get("model"):
        initiatives = initiatives.filter(operating_model=choices["model"])
    in_order = Participation.objects.in_role_order()
    return list(
        initiatives.select_related("lead_body", "senior_owner").prefetch_related(
            Prefetch("participations", queryset=in_order)
        )
    )


def _matches(row: PortfolioRow, choices: dict) -> bool:
    confidence, failing = choices.get("confidence"), choices.get("failing")
    if confidence == NOT_REVIEWED and row.rating is not None:
        return False
    if (
        confidence
        and confidence != NOT_REVIEWED
        and (row.rating is None or row.rating.confidence != confidence)
    ):
        return False
    return not failing or any(item.key == failing for item in row.failing_checks)


SORT_KEYS: dict[str, Callable[[PortfolioRow], Any]] = {
    "title": lambda row: row.initiative.title.casefold(),
    "model": lambda row: row.initiative.get_operating_model_display() or None,
    "status": lambda row: row.initiative.get_status_display(),
    "owner": lambda row: (
        row.initiative.senior_owner.full_name.casefold() if row.initiative.senior_owner else None
    ),
    "failing": lambda row: row.facts.checks_failing,
    "confidence": lambda row: (
        SCORES[AssuranceReview.Confidence(row.rating.confidence)] if row.rating else None
    ),
    "risks": lambda row: row.facts.risk_flags.total,
    "decisions": lambda row: row.facts.decisions_awaiting,
    "next_review": lambda row: row.next_review,
}


def sorted_rows(rows: list[PortfolioRow], key: str, descending: bool) -> list[PortfolioRow]:
    """In the column's order, ties by title; rows with nothing to sort by (no review) go last either way."""
    value = SORT_KEYS[key]
    by_title = sorted(rows, key=SORT_KEYS["title"])
    known = [row for row in by_title if value(row) is not None]
    unknown = [row for row in by_title if value(row) is None]
    return sorted(known, key=value, reverse=descending) + unknown


def portfolio(user: User, form: PortfolioFilterForm, today: datetime.date | None = None) -> Portfolio:
    today = today or timezone.localdate()
    choices = form.choices
    initiatives = _initiatives(user, choices)
    ids = [initiative.pk for initiative in initiatives]
    facts = initiative_facts_for(initiatives, today)
    reviews = _reviews(ids)
    openable = set(Initiative.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))
    rows = [
        PortfolioRow(
            initiative=initiative,
            bodies=[participation.body.short_name for participation in initiative.participations.all()],
            facts=facts[initiative.pk],
            rating=_rating(reviews[initiative.pk]),
            can_open=initiative.pk in openable,
        )
        for initiative in initiatives
    ]
    rows = sorted_rows([row for row in rows if _matches(row, choices)], form.sort_key, form.descending)
    shown = {row.initiative.pk for row in rows}
    joint = Risk.objects.filter(initiative_id__in=shown, is_joint=True).live()
    history = [
        Review(review.initiative_id, review.review_date, review.confidence)
        for initiative_id in shown
        for review in reviews[initiative_id]
    ]
    return Portfolio(
        rows=rows,
        heat_map=build_heat_map(joint, today),
        trend=confidence_trend(history, today),
        in_scope=Initiative.objects.in_portfolio_of(user).count(),
    )


CSV_HEADER = [
    "Initiative",
    "Lead body",
    "Bodies taking part",
    "Operating model",
    "Status",
    "Senior owner",
    "Health checks passing",
    "Health checks failing",
    "Failing checks",
    "Delivery confidence",
    "Confidence date",
    "Flagged risks",
    "Decisions waiting",
    "Next review",
]


def csv_rows(rows: list[PortfolioRow]) -> list[list]:
    return [
        [
            row.initiative.title,
            row.initiative.lead_body.short_name,
            ", ".join(row.bodies),
            row.initiative.get_operating_model_display(),
            row.initiative.get_status_display(),
            row.initiative.senior_owner.full_name if row.initiative.senior_owner else "",
            row.facts.checks_passing,
            row.facts.checks_failing,
            "; ".join(item.title for item in row.failing_checks),
            row.rating.label if row.rating else "Not reviewed yet",
            row.rating.review_date.isoformat() if row.rating else "",
            row.facts.risk_flags.total,
            row.facts.decisions_awaiting,
            row.next_review.isoformat() if row.next_review else "",
        ]
        for row in rows
    ]


@dataclass(frozen=True)
class SortColumn:
    label: str
    href: str
    # "ascending" or "descending" on the column the table is sorted by, else "none".
    aria_sort: str


def sort_columns(query: QueryDict, form: PortfolioFilterForm) -> list[SortColumn]:
    """A link per column heading: sort by it, or reverse its order if the table is sorted by it;
    the filters stay as they are, so every view is a link to bookmark.
    A new order starts at its first page."""
    columns = []
    for key, label in SORTS.items():
        current = key == form.sort_key
        params = query.copy()
        params.pop("page", None)
        params["sort"] = key
        params["order"] = "asc" if current and form.descending else ("desc" if current else "asc")
        state = ("descending" if form.descending else "ascending") if current else "none"
        columns.append(SortColumn(label=label, href=f"?{params.urlencode()}", aria_sort=state))
    return columns
