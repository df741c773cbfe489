"""One source of derived facts: every figure Joined-up states about an initiative.

`initiative_facts` counts an initiative's records once, in a fixed number of queries, and
returns `InitiativeFacts`: the counts the health check reads (`HealthFacts`), the health check
over them, and every figure derived from them as a named property. The overview (its health
panel and "At a glance"), the health check and every section of the governance pack read
these, never a count of their own, so a pack cannot say "2 terms disputed" in one place and
"1 disputed; 1 not yet agreed" in another. The pack keeps the counts in its snapshot
(`facts_snapshot`) and rebuilds the same facts from it (`facts_from_snapshot`).
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from django.core.cache import cache
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from governance.decisions import states as decision_states
from governance.decisions.models import Decision
from governance.forums.models import EscalationLevel
from governance.glossary.meanings import AGREED, DISPUTED, PROPOSED
from governance.glossary.models import DataSharingAgreement
from governance.health import checks
from governance.health.checks import FIX_URL_NAMES, HealthFacts, HealthItem, RiskFlagCounts, Status, fix_url
from governance.health.gathering import gather_health_facts_for
from governance.measures.models import Measure, MeasureReading
from governance.measures.progress import Standing, measure_position
from initiatives.models import Initiative, Participation

logger = logging.getLogger(__name__)

# Every figure, in the order "At a glance" lists them, with how it reads.
FIGURES: dict[str, str] = {
    "bodies": "Bodies taking part",
    "bodies_without_stop_doing": "Bodies with no 'stop doing' commitment",
    "forums": "Forums",
    "escalation_levels": "Escalation levels",
    "raci_rows": "RACI activities",
    "raci_failing_rows": "RACI rows without exactly one A and at least one R",
    "risks_open": "Open risks",
    "risks_not_yet_assessed": "Risks not yet assessed",
    "risks_above_threshold": "Risks above their escalation threshold",
    "risks_without_owner": "Risks with no owner",
    "risks_past_review": "Risks past their review date",
    "measures": "Shared measures",
    "measures_meeting_target": "Measures meeting their target",
    "measures_off_track": "Measures off track",
    "measures_without_readings": "Measures with no readings",
    "measures_agreed_before_start": "Measures agreed before work started",
    "terms": "Terms in the glossary",
    "terms_agreed": "Terms agreed",
    "terms_disputed": "Terms disputed",
    "terms_not_yet_agreed": "Terms not yet agreed",
    "agreements": "Data sharing agreements",
    "agreements_signed": "Agreements signed",
    "agreements_with_completed_dpia": "Agreements with a completed DPIA",
    "agreements_without_completed_dpia": "Agreements without a completed DPIA",
    "decisions": "Decisions",
    "decisions_awaiting": "Decisions awaiting a decision",
    "checks_passing": "Health checks passing",
    "checks_failing": "Health checks failing",
}


@dataclass(frozen=True)
class InitiativeFacts:
    counts: HealthFacts
    risk_flags: RiskFlagCounts

    @property
    def checks(self) -> list[HealthItem]:
        return checks.health_check(self.counts)

    def _statuses(self, status: str) -> int:
        return self.counts.definition_statuses.count(status)

    # Each figure in FIGURES is a property: a reader names the figure, never recounts it.
    bodies = property(lambda self: self.counts.bodies)
    bodies_without_stop_doing = property(lambda self: len(self.counts.bodies_without_stop_doing))
    forums = property(lambda self: len(self.counts.forum_purposes))
    escalation_levels = property(lambda self: self.counts.escalation_levels)
    raci_rows = property(lambda self: self.counts.raci_rows)
    raci_failing_rows = property(lambda self: self.counts.raci_failing_rows)
    risks_open = property(lambda self: self.counts.live_risks - self.counts.draft_risks)
    risks_not_yet_assessed = property(lambda self: self.counts.draft_risks)
    risks_above_threshold = property(lambda self: self.counts.risks_above_threshold)
    risks_without_owner = property(lambda self: self.counts.unowned_risks)
    risks_past_review = property(lambda self: self.counts.overdue_risks)
    measures = property(lambda self: self.counts.measures)
    measures_meeting_target = property(lambda self: self.counts.measures_meeting_target)
    measures_off_track = property(lambda self: self.counts.measures_off_track)
    measures_without_readings = property(lambda self: self.counts.measures_without_readings)
    measures_agreed_before_start = property(lambda self: self.counts.measures_agreed_before_start)
    terms = property(lambda self: len(self.counts.definition_statuses))
    terms_agreed = property(lambda self: self._statuses(AGREED))
    terms_disputed = property(lambda self: self._statuses(DISPUTED))
    terms_not_yet_agreed = property(lambda self: self._statuses(PROPOSED))
    agreements = property(lambda self: self.counts.agreements)
    agreements_signed = property(lambda self: self.counts.agreements_signed)
    agreements_with_completed_dpia = property(lambda self: self.counts.agreements_with_completed_dpia)
    agreements_without_completed_dpia = property(
        lambda self: self.counts.agreements - self.counts.agreements_with_completed_dpia
    )
    decisions = property(lambda self: self.counts.decisions)
    decisions_awaiting = property(lambda self: self.counts.decisions_awaiting)
    checks_passing = property(lambda self: sum(item.status == Status.PASSING for item in self.checks))
    checks_failing = property(lambda self: sum(item.status == Status.FAILING for item in self.checks))

    def figures(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in FIGURES}


def _measure_standings(ids: list[int]) -> dict[int, list[tuple[Standing, bool]]]:
    """Each measure's standing as its own page shows it (governance.measures.progress), and
    whether it has a reading, by initiative, in one query."""
    latest = MeasureReading.objects.filter(measure=OuterRef("pk")).order_by("-taken_on")
    rows = (
        Measure.objects.filter(initiative_id__in=ids)
        .annotate(
            latest_value=Subquery(latest.values("value")[:1]),
            latest_on=Subquery(latest.values("taken_on")[:1]),
        )
        .values(
            "initiative_id",
            "direction",
            "baseline",
            "target",
            "baseline_date",
            "target_date",
            "latest_value",
            "latest_on",
        )
    )
    standings: dict[int, list[tuple[Standing, bool]]] = {pk: [] for pk in ids}
    for row in rows:
        position = measure_position(
            direction=row["direction"],
            baseline=row["baseline"],
            target=row["target"],
            latest=row["latest_value"],
            latest_on=row["latest_on"],
            baseline_date=row["baseline_date"],
            target_date=row["target_date"],
        )
        standings[row["initiative_id"]].append((position.standing, row["latest_on"] is not None))
    return standings


def _count_of(queryset) -> Coalesce:
    """How many rows of `queryset` belong to the outer initiative, as a subquery."""
    counted = queryset.filter(initiative=OuterRef("pk")).order_by().values("initiative")
    return Coalesce(Subquery(counted.annotate(n=Count("pk")).values("n")[:1]), 0)


def _more_counts(ids: list[int]) -> dict[int, dict[str, Any]]:
    """The figures the health check does not need, in two queries: the measures, and the rest."""
    measures = _measure_standings(ids)
    awaiting = [status for status in Decision.Status.values if decision_states.awaits_decider(status)]
    counted = (
        Initiative.objects.filter(pk__in=ids)
        .annotate(
            n_bodies=_count_of(Participation.objects.all()),
            n_escalation_levels=_count_of(EscalationLevel.objects.all()),
            n_agreements_signed=_count_of(DataSharingAgreement.objects.filter(signed_on__isnull=False)),
            n_decisions=_count_of(Decision.objects.all()),
            n_decisions_awaiting=_count_of(Decision.objects.filter(status__in=awaiting)),
        )
        .values(
            "pk",
            "n_bodies",
            "n_escalation_levels",
            "n_agreements_signed",
            "n_decisions",
            "n_decisions_awaiting",
        )
    )
    more: dict[int, dict[str, Any]] = {}
    for row in counted:
        counts: dict[str, Any] = dict(row)
        pk: int = counts.pop("pk")
        standings = [standing for standing, _read in measures[pk]]
        more[pk] = {
            **{name.removeprefix("n_"): count for name, count in counts.items()},
            "measures_meeting_target": standings.count(Standing.MET),
            "measures_off_track": standings.count(Standing.OFF_TRACK),
            "measures_without_readings": sum(1 for _standing, read in measures[pk] if not read),
        }
    return more


def initiative_facts(initiative: Initiative, today: datetime.date | None = None) -> InitiativeFacts:
    return initiative_facts_for([initiative], today)[initiative.pk]


def initiative_facts_for(
    initiatives: Sequence[Initiative], today: datetime.date | None = None
) -> dict[int, InitiativeFacts]:
    """Each initiative's facts, by id: the portfolio reads these, the overview and the pack read one
    initiative's. Cached under (initiative, its facts version, today), read in one `get_many`: a
    write gives the initiative a new version (governance.health.freshness) and a new day moves the
    key too, so an entry is only ever read for the records and the date it was counted from."""
    today = today or timezone.localdate()
    keys = {initiative.pk: _cache_key(initiative, today) for initiative in initiatives}
    cached = _cache_call("get_many", list(keys.values())) or {}
    found = {pk: cached[key] for pk, key in keys.items() if key in cached}
    missing = [initiative for initiative in initiatives if initiative.pk not in found]
    if missing:
        counted = count_initiative_facts_for(missing, today)
        _cache_call("set_many", {keys[pk]: facts for pk, facts in counted.items()}, FACTS_CACHED_FOR)
        found.update(counted)
    return found


def count_initiative_facts(initiative: Initiative, today: datetime.date | None = None) -> InitiativeFacts:
    return count_initiative_facts_for([initiative], today)[initiative.pk]


def count_initiative_facts_for(
    initiatives: Sequence[Initiative], today: datetime.date | None = None
) -> dict[int, InitiativeFacts]:
    """Each initiative's facts counted from the database, by id, in the same fixed number of
    queries however many initiatives."""
    today = today or timezone.localdate()
    gathered = gather_health_facts_for(initiatives, today)
    more = _more_counts([initiative.pk for initiative in initiatives])
    return {
        pk: InitiativeFacts(counts=replace(counts, **more[pk]), risk_flags=flags)
        for pk, (counts, flags) in gathered.items()
    }


# The key holds the day, so an entry is no use after it.
FACTS_CACHED_FOR = 24 * 60 * 60


@functools.cache
def _code_version() -> str:
    """A digest of the code that counts the facts (the two apps'), so facts cached by the code before
    a deploy are never read by the code after it, whose counts or shapes may differ."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parents[2]
    for app in ("governance", "initiatives"):
        for path in sorted((root / app).rglob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _cache_key(initiative: Initiative, today: datetime.date) -> str:
    version = f"{_code_version()}:{initiative.facts_version}"
    return f"initiative-facts:{initiative.pk}:{version}:{today.isoformat()}"


def _cache_call(method: str, *args: Any) -> Any:
    """The cache's answer, or None when the cache cannot be reached: the facts are then counted, as
    they were before there was a cache, and the page still answers."""
    try:
        return getattr(cache, method)(*args)
    except Exception:
        logger.warning(
            "The facts cache could not be reached (%s): the facts are counted without it",
            method,
            exc_info=True,
        )
        return None


def facts_from_snapshot(snapshot: dict) -> InitiativeFacts:
    """The facts a pack was built from, as the overview counted them at the time."""
    counts = checks.facts_from_snapshot(snapshot)
    flags = RiskFlagCounts(
        above_threshold=counts.risks_above_threshold,
        no_owner=counts.unowned_risks,
        review_overdue=counts.overdue_risks,
        not_yet_assessed=counts.draft_risks,
    )
    return InitiativeFacts(counts=counts, risk_flags=flags)


@dataclass(frozen=True)
class HealthReport:
    """The health check as the overview shows it: the facts, and where each item is fixed."""

    facts: InitiativeFacts
    links: dict[str, str]

    @property
    def items(self) -> list[HealthItem]:
        return self.facts.checks

    @property
    def failing(self) -> int:
        return self.facts.checks_failing


def initiative_health(initiative: Initiative, today: datetime.date | None = None) -> HealthReport:
    overview = initiative.get_absolute_url()
    links = {key: fix_url(key, initiative) or overview for key in FIX_URL_NAMES}
    return HealthReport(facts=initiative_facts(initiative, today), links=links)
