"""The dates a calendar shows, gathered from each domain: every source is declared once, here.

Each event is a whole day (the dates are dates, kept in the UK time zone the site runs in), with a
UID made from the record and the kind of date, so a calendar app updates an event when its date
moves rather than adding a second one. A forum's meetings are one event that repeats by its cadence
from the date of a meeting, when the forum records one; without that date there is nothing true to
put in a calendar, so the forum is left out.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse

from governance.assurance.models import AssuranceReview
from governance.decisions import states as decision_states
from governance.decisions.models import Decision
from governance.forums.models import Forum
from governance.glossary.models import DataSharingAgreement
from governance.measures.models import Measure
from governance.measures.querysets import next_reading_on
from governance.risks.models import Risk
from initiatives.models import Initiative

UID_DOMAIN = "joined-up"


@dataclass(frozen=True)
class DatedEvent:
    uid: str
    on: datetime.date
    summary: str
    description: str
    path: str
    initiative: str
    # An iCalendar RRULE ({"freq": "weekly", "interval": 2}) for a date that repeats.
    repeats: dict[str, object] | None = None

    @property
    def url(self) -> str:
        return f"{settings.SITE_URL}{self.path}"


def _uid(kind: str, pk: int) -> str:
    return f"{kind}-{pk}@{UID_DOMAIN}"


def _url(name: str, initiative: Initiative, **kwargs) -> str:
    return reverse(f"governance:{name}", kwargs={"slug": initiative.slug, **kwargs})


def decision_dates(initiatives: QuerySet[Initiative]) -> Iterable[DatedEvent]:
    """Open decisions' due dates, and the date a deferred decision is to be revisited."""
    decisions = Decision.objects.current().filter(initiative__in=initiatives, status__in=decision_states.OPEN)
    for decision in decisions.select_related("initiative"):
        kind = "deferred until" if decision.status == decision_states.DEFERRED else "due"
        on = decision.deferred_until if kind == "deferred until" else decision.due_date
        if on is None:
            continue
        yield DatedEvent(
            uid=_uid("decision-due" if kind == "due" else "decision-revisit", decision.pk),
            on=on,
            summary=f"Decision {kind}: {decision.reference} {decision.title}",
            description=f"{decision.get_status_display()}.",
            path=decision.get_absolute_url(),
            initiative=decision.initiative.title,
        )


def risk_review_dates(initiatives: QuerySet[Initiative]) -> Iterable[DatedEvent]:
    risks = Risk.objects.live().current().filter(initiative__in=initiatives, review_date__isnull=False)
    for risk in risks.select_related("initiative"):
        yield DatedEvent(
            uid=_uid("risk-review", risk.pk),
            on=risk.review_date,
            summary=f"Risk review: {risk.reference} {risk.title}",
            description="Review the risk, its scores and its actions.",
            path=_url("risk_detail", risk.initiative, pk=risk.pk),
            initiative=risk.initiative.title,
        )


def agreement_review_dates(initiatives: QuerySet[Initiative]) -> Iterable[DatedEvent]:
    agreements = DataSharingAgreement.objects.filter(initiative__in=initiatives).select_related("initiative")
    for agreement in agreements:
        yield DatedEvent(
            uid=_uid("data-sharing-review", agreement.pk),
            on=agreement.review_date,
            summary=f"Data sharing agreement review: {agreement.title}",
            description="Review the agreement and its DPIA.",
            path=_url("data_sharing", agreement.initiative),
            initiative=agreement.initiative.title,
        )


def reading_due_dates(initiatives: QuerySet[Initiative]) -> Iterable[DatedEvent]:
    """The next reading of each measure with a reading or a baseline to count from (as the reminders)."""
    measures = Measure.objects.filter(initiative__in=initiatives).with_last_reading()
    for measure in measures.filter(last_reading_on__isnull=False).select_related("initiative"):
        yield DatedEvent(
            uid=_uid("measure-reading", measure.pk),
            on=next_reading_on(measure.last_reading_on, measure.frequency),
            summary=f"Reading due: {measure.name}",
            description=f"The next {measure.get_frequency_display().lower()} reading of this measure.",
            path=_url("measure_detail", measure.initiative, pk=measure.pk),
            initiative=measure.initiative.title,
        )


def assurance_dates(initiatives: QuerySet[Initiative]) -> Iterable[DatedEvent]:
    """Each review's date, and the follow-up review a Red result schedules."""
    reviews = AssuranceReview.objects.filter(initiative__in=initiatives).select_related("initiative")
    for review in reviews:
        path = _url("review_detail", review.initiative, pk=review.pk)
        title, initiative = review.get_review_type_display(), review.initiative.title
        yield DatedEvent(_uid("assurance-review", review.pk), review.review_date, title, "", path, initiative)
        if review.follow_up_due:
            summary = f"Follow-up review due: {title}"
            yield DatedEvent(
                _uid("assurance-follow-up", review.pk), review.follow_up_due, summary, "", path, initiative
            )


WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def meeting_rule(cadence: str, first: datetime.date) -> dict[str, object] | None:
    """How a forum's meetings repeat. Monthly and quarterly meetings keep their place in the month
    (the second Tuesday), as boards usually do, rather than a day number some months lack."""
    week = (first.day - 1) // 7 + 1
    same_weekday = f"{-1 if week == 5 else week}{WEEKDAYS[first.weekday()]}"
    rules: dict[str, dict[str, object]] = {
        Forum.Cadence.WEEKLY: {"freq": "weekly"},
        Forum.Cadence.FORTNIGHTLY: {"freq": "weekly", "interval": 2},
        Forum.Cadence.MONTHLY: {"freq": "monthly", "byday": same_weekday},
        Forum.Cadence.QUARTERLY: {"freq": "monthly", "interval": 3, "byday": same_weekday},
    }
    return rules.get(cadence)  # "as needed": the one meeting recorded


def forum_meetings(initiatives: QuerySet[Initiative]) -> Iterable[DatedEvent]:
    forums = Forum.objects.filter(initiative__in=initiatives, meets_from__isnull=False).select_related(
        "initiative"
    )
    for forum in forums:
        yield DatedEvent(
            uid=_uid("forum-meetings", forum.pk),
            on=forum.meets_from,
            summary=f"{forum.name} meets",
            description=f"{forum.get_cadence_display()}. The day is recorded here, not the time.",
            path=_url("forums", forum.initiative),
            initiative=forum.initiative.title,
            repeats=meeting_rule(forum.cadence, forum.meets_from),
        )


SOURCES: list[Callable[[QuerySet[Initiative]], Iterable[DatedEvent]]] = [
    decision_dates,
    risk_review_dates,
    agreement_review_dates,
    reading_due_dates,
    assurance_dates,
    forum_meetings,
]


def dated_events(initiatives: QuerySet[Initiative]) -> list[DatedEvent]:
    """Every date of these initiatives, soonest first. Pass a scoped queryset (visible_to)."""
    return sorted((event for source in SOURCES for event in source(initiatives)), key=lambda e: (e.on, e.uid))
