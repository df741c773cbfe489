"""The health check: an initiative against the common failure points of joint working.

Derived from the records, never typed in. `health_check` is a pure function of
`HealthFacts` (plain data, tested as tables); `governance.health.gathering` reads those facts
from the database, for one initiative or many, in a constant number of queries.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import StrEnum

from django.urls import NoReverseMatch, reverse

from governance.glossary.meanings import AGREED, DISPUTED, PROPOSED
from governance.health import model_fit
from governance.health.model_fit import ModelFitFacts
from governance.risks.scoring import risk_flags
from initiatives.models import Initiative


class Status(StrEnum):
    PASSING = "passing"
    FAILING = "failing"
    NOT_APPLICABLE = "not_applicable"
    NOT_BUILT = "not_built"

    @property
    def label(self) -> str:
        return {
            Status.PASSING: "Passing",
            Status.FAILING: "Failing",
            Status.NOT_APPLICABLE: "Not applicable",
            Status.NOT_BUILT: "Not built yet",
        }[self]


# Where each item is fixed: a URL name taking the initiative's slug. Pages built by other
# work may not exist yet; their items then say "not built yet" and link to the overview.
FIX_URL_NAMES: dict[str, str] = {
    "senior_owner": "initiatives:edit",
    "forums": "governance:forums",
    "definitions": "governance:glossary",
    "measures": "governance:measures",
    "raci": "governance:raci",
    "risks": "governance:risk_register",
    "stop_doing": "initiatives:bodies",
    "data_sharing": "governance:data_sharing",
    "model_fit": "initiatives:wizard_start",
}
# Items fixed on pages only those who may change the initiative open (its programme managers): for
# anyone else the item is shown without a link, rather than a link that answers 403.
FIXED_BY_WHOEVER_CHANGES_THE_INITIATIVE = {"senior_owner", "model_fit"}


@dataclass(frozen=True)
class HealthFacts:
    initiative_active: bool = False
    has_senior_owner: bool = False
    decision_rights: int = 0
    # One entry per forum: its purpose.
    forum_purposes: tuple[str, ...] = ()
    # One entry per glossary term: its effective status (agreed, proposed or disputed).
    definition_statuses: tuple[str, ...] = ()
    # The latest checklist's answer about data ("none", "definitions", "exchange"), if any.
    data_answer: str | None = None
    measures: int = 0
    measures_agreed_before_start: int = 0
    raci_rows: int = 0
    # Rows that fail the RACI check (governance.raci.validation): not exactly one A, or no R.
    raci_failing_rows: int = 0
    # Risks not closed: open ones and drafts from the checklist (governance.risks.querysets).
    live_risks: int = 0
    # Drafts from the checklist not yet assessed: no score, band or review date.
    draft_risks: int = 0
    risks_above_threshold: int = 0
    unowned_risks: int = 0
    overdue_risks: int = 0
    bodies_without_stop_doing: tuple[str, ...] = ()
    exchanges_records: bool = False
    agreements: int = 0
    agreements_with_completed_dpia: int = 0
    model_fit: ModelFitFacts = field(default_factory=ModelFitFacts)
    # Counted by governance.health.facts for the figures the checks do not read.
    bodies: int = 0
    escalation_levels: int = 0
    measures_meeting_target: int = 0
    measures_off_track: int = 0
    measures_without_readings: int = 0
    agreements_signed: int = 0
    decisions: int = 0
    decisions_awaiting: int = 0
    # The sections whose pages exist, from FIX_URL_NAMES.
    built_sections: frozenset[str] = field(default_factory=lambda: frozenset(FIX_URL_NAMES))


@dataclass(frozen=True)
class HealthItem:
    key: str
    title: str
    status: Status
    detail: str


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _senior_owner(facts: HealthFacts) -> tuple[Status, str]:
    if not facts.has_senior_owner:
        return Status.FAILING, "No senior accountable owner is named"
    if not facts.decision_rights:
        return Status.FAILING, "The senior owner's decision rights are not stated"
    return Status.PASSING, f"Named, with {_plural(facts.decision_rights, 'decision right')}"


def _forums(facts: HealthFacts) -> tuple[Status, str]:
    if not facts.forum_purposes:
        return Status.FAILING, "No forum is recorded: say where decisions, delivery and risk are discussed"
    crowded = sorted(purpose for purpose, count in Counter(facts.forum_purposes).items() if count > 1)
    if crowded:
        return Status.FAILING, f"Too many forums: more than one for {', '.join(crowded)}"
    return Status.PASSING, f"{_plural(len(facts.forum_purposes), 'forum')}, at most one per purpose"


def _definitions(facts: HealthFacts) -> tuple[Status, str]:
    if not facts.definition_statuses:
        if facts.data_answer == "none" and not facts.exchanges_records:
            return Status.NOT_APPLICABLE, "The checklist says the initiative depends on no shared data"
        return Status.FAILING, "No shared data definitions are recorded yet"
    counts = Counter(facts.definition_statuses)
    if counts[DISPUTED]:
        return Status.FAILING, f"{_plural(counts[DISPUTED], 'term')} disputed"
    if counts[PROPOSED] and facts.initiative_active:
        return Status.FAILING, f"{_plural(counts[PROPOSED], 'term')} still proposed in an active initiative"
    return Status.PASSING, f"{counts[AGREED]} of {len(facts.definition_statuses)} terms agreed, none disputed"


def _measures(facts: HealthFacts) -> tuple[Status, str]:
    if not facts.measures:
        return Status.FAILING, "No shared measure is recorded"
    if not facts.measures_agreed_before_start:
        return Status.FAILING, "No shared measure was agreed before work started"
    return (
        Status.PASSING,
        f"{facts.measures_agreed_before_start} of {facts.measures} agreed before work started",
    )


def _raci(facts: HealthFacts) -> tuple[Status, str]:
    if not facts.raci_rows:
        return Status.FAILING, "No RACI rows are recorded"
    if facts.raci_failing_rows:
        return (
            Status.FAILING,
            f"{_plural(facts.raci_failing_rows, 'row')} without exactly one A and at least one R",
        )
    return Status.PASSING, f"{_plural(facts.raci_rows, 'row')}, each with exactly one A and at least one R"


def _risks(facts: HealthFacts) -> tuple[Status, str]:
    if not facts.live_risks:
        return Status.FAILING, "No risks are recorded"
    problems = []
    if facts.unowned_risks:
        problems.append(f"{_plural(facts.unowned_risks, 'risk')} with no owner")
    if facts.overdue_risks:
        problems.append(f"{_plural(facts.overdue_risks, 'risk')} past the review date")
    if facts.draft_risks:
        problems.append(f"{_plural(facts.draft_risks, 'risk')} not yet assessed")
    if problems:
        return Status.FAILING, "; ".join(problems)
    if facts.live_risks == 1:
        return Status.PASSING, "The one risk is owned and reviewed on time"
    return Status.PASSING, f"All {facts.live_risks} risks owned and reviewed on time"


def _stop_doing(facts: HealthFacts) -> tuple[Status, str]:
    if facts.bodies_without_stop_doing:
        return Status.FAILING, f"No commitment from {', '.join(facts.bodies_without_stop_doing)}"
    return Status.PASSING, "Every participating body has said what it will stop doing"


def _data_sharing(facts: HealthFacts) -> tuple[Status, str]:
    if not facts.exchanges_records:
        return Status.NOT_APPLICABLE, "The initiative does not exchange records between bodies"
    if not facts.agreements:
        return Status.FAILING, "Records are exchanged but no data sharing agreement is recorded"
    if facts.agreements_with_completed_dpia < facts.agreements:
        missing = facts.agreements - facts.agreements_with_completed_dpia
        return Status.FAILING, f"{_plural(missing, 'agreement')} without a completed DPIA"
    return Status.PASSING, f"{_plural(facts.agreements, 'agreement')}, each with a completed DPIA"


CHECKS = [
    ("senior_owner", "Named senior owner with stated decision rights", _senior_owner),
    ("forums", "One forum per purpose at most", _forums),
    ("definitions", "Data definitions agreed", _definitions),
    ("measures", "A shared measure agreed before work started", _measures),
    ("raci", "Every RACI row has exactly one A and at least one R", _raci),
    ("risks", "Every risk owned and reviewed on time", _risks),
    ("stop_doing", "Each body has a “stop doing” commitment", _stop_doing),
    ("data_sharing", "Data sharing agreement and completed DPIA", _data_sharing),
    ("model_fit", model_fit.TITLE, lambda facts: _status_of(model_fit.model_fit(facts.model_fit))),
]


def _status_of(outcome: tuple[str, str]) -> tuple[Status, str]:
    return Status(outcome[0]), outcome[1]


def health_check(facts: HealthFacts) -> list[HealthItem]:
    items = []
    for key, title, check in CHECKS:
        if key not in facts.built_sections:
            status, detail = Status.NOT_BUILT, "The page that records this is not built yet"
        else:
            status, detail = check(facts)
        items.append(HealthItem(key=key, title=title, status=status, detail=detail))
    return items


# --- Reading the facts from the database ---------------------------------------------


@dataclass(frozen=True)
class RiskFlagCounts:
    above_threshold: int = 0
    no_owner: int = 0
    review_overdue: int = 0
    # Not a flag: drafts with no assessment yet, counted beside the flags.
    not_yet_assessed: int = 0

    @property
    def total(self) -> int:
        return self.above_threshold + self.no_owner + self.review_overdue


def fix_url(key: str, initiative: Initiative) -> str | None:
    try:
        return reverse(FIX_URL_NAMES[key], kwargs={"slug": initiative.slug})
    except NoReverseMatch:
        return None


def count_risk_flags(rows: Iterable[tuple], today: datetime.date) -> RiskFlagCounts:
    above = no_owner = overdue = 0
    for likelihood, impact, threshold, owner_id, review_date in rows:
        flags = risk_flags(
            current_score=None if likelihood is None or impact is None else likelihood * impact,
            escalation_threshold=threshold,
            has_owner=owner_id is not None,
            review_date=review_date,
            today=today,
        )
        above += flags.above_threshold
        no_owner += flags.no_owner
        overdue += flags.review_overdue
    return RiskFlagCounts(above, no_owner, overdue)


def _as_json(values: dict) -> dict:
    return {name: list(value) if isinstance(value, tuple) else value for name, value in values.items()}


def _from_json(values: dict) -> dict:
    return {name: tuple(value) if isinstance(value, list) else value for name, value in values.items()}


def facts_snapshot(facts: HealthFacts) -> dict:
    """The facts as plain JSON, for the governance pack's content."""
    snapshot = _as_json(asdict(facts))
    snapshot["model_fit"] = _as_json(snapshot["model_fit"])
    snapshot["built_sections"] = sorted(facts.built_sections)
    return snapshot


def facts_from_snapshot(snapshot: dict) -> HealthFacts:
    values = _from_json(snapshot)
    values["model_fit"] = ModelFitFacts(**_from_json(snapshot["model_fit"]))
    values["built_sections"] = frozenset(snapshot["built_sections"])
    return HealthFacts(**values)
