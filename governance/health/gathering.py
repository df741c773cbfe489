"""Reading the health check's facts from the database: the one place they are counted.

`gather_health_facts_for` reads the facts of any number of initiatives in a fixed number of
queries (fourteen), each grouped by initiative, so the portfolio page costs the same for three
initiatives or three hundred. `gather_health_facts` is the same reading for one initiative: the
overview's health panel and the governance pack read it, the portfolio reads the batch, and
they cannot count differently.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone

from governance.checklist.items import exchanges_records
from governance.forums.models import Forum
from governance.glossary.meanings import effective_status
from governance.glossary.models import BodyMeaning, DataDefinition, DataSharingAgreement
from governance.health import model_fit
from governance.health.checks import FIX_URL_NAMES, HealthFacts, RiskFlagCounts, count_risk_flags, fix_url
from governance.measures.models import Measure
from governance.raci.matrix import load_matrices
from governance.risks.models import Risk
from initiatives.models import Assessment, Initiative, Participation


def gather_health_facts(
    initiative: Initiative, today: datetime.date | None = None
) -> tuple[HealthFacts, RiskFlagCounts]:
    """The facts for one initiative, in the same fixed number of queries."""
    return gather_health_facts_for([initiative], today)[initiative.pk]


def _latest_assessments(ids: list[int]) -> dict[int, Assessment]:
    latest = Assessment.objects.filter(initiative=OuterRef("initiative")).order_by("-number")
    found = Assessment.objects.filter(initiative_id__in=ids, number=Subquery(latest.values("number")[:1]))
    return {assessment.initiative_id: assessment for assessment in found}


def _grouped(rows, ids: list[int]) -> dict[int, list]:
    """(initiative id, *values) rows as lists of values per initiative, in the rows' order."""
    grouped: dict[int, list] = {pk: [] for pk in ids}
    for initiative_id, *values in rows:
        grouped[initiative_id].append(values[0] if len(values) == 1 else tuple(values))
    return grouped


def _definition_statuses(ids: list[int]) -> dict[int, tuple[str, ...]]:
    meanings = defaultdict(list)
    for definition_id, meaning in BodyMeaning.objects.filter(definition__initiative_id__in=ids).values_list(
        "definition_id", "meaning"
    ):
        meanings[definition_id].append(meaning)
    rows = DataDefinition.objects.filter(initiative_id__in=ids).values_list("initiative_id", "pk", "status")
    return {
        pk: tuple(effective_status(status, meanings[definition]) for definition, status in definitions)
        for pk, definitions in _grouped(rows, ids).items()
    }


def _counted(queryset, ids: list[int], **counts) -> dict[int, dict[str, int]]:
    """Counts per initiative, zero for an initiative with no rows."""
    rows = queryset.filter(initiative_id__in=ids).order_by().values("initiative_id").annotate(**counts)
    found = {row.pop("initiative_id"): row for row in rows}
    return {pk: found.get(pk, dict.fromkeys(counts, 0)) for pk in ids}


def _risk_facts(rows: list[tuple], today: datetime.date) -> tuple[RiskFlagCounts, dict[str, int]]:
    """The live risks' flags, counted as the risk register counts them."""
    # A draft has no position or review date to flag until it is assessed.
    drafts = sum(1 for row in rows if row[5] == Risk.Status.DRAFT)
    flags = replace(
        count_risk_flags(
            ((None, None, *row[2:4], None) if row[5] == Risk.Status.DRAFT else row[:5] for row in rows), today
        ),
        not_yet_assessed=drafts,
    )
    return flags, {
        "live_risks": len(rows),
        "draft_risks": drafts,
        "risks_above_threshold": flags.above_threshold,
        "unowned_risks": flags.no_owner,
        "overdue_risks": flags.review_overdue,
    }


def _risk_rows(ids: list[int]) -> dict[int, list]:
    flagged_by = ("current_likelihood", "current_impact", "escalation_threshold", "owner_id", "review_date")
    rows = (
        Risk.objects.filter(initiative_id__in=ids).live().values_list("initiative_id", *flagged_by, "status")
    )
    return _grouped(rows, ids)


def gather_health_facts_for(
    initiatives: Sequence[Initiative], today: datetime.date | None = None
) -> dict[int, tuple[HealthFacts, RiskFlagCounts]]:
    """The facts of each initiative, by id, in fourteen queries however many initiatives."""
    today = today or timezone.localdate()
    ids = [initiative.pk for initiative in initiatives]
    assessments = _latest_assessments(ids)
    statuses = _definition_statuses(ids)
    measures = _counted(
        Measure.objects, ids, total=Count("pk"), agreed=Count("pk", filter=Q(agreed_before_start=True))
    )
    completed = Q(dpia_status=DataSharingAgreement.DpiaStatus.COMPLETED)
    agreements = _counted(
        DataSharingAgreement.objects, ids, total=Count("pk"), completed=Count("pk", filter=completed)
    )
    risks = _risk_rows(ids)
    matrices = load_matrices(initiatives)
    purposes = _grouped(
        Forum.objects.filter(initiative_id__in=ids).values_list("initiative_id", "purpose"), ids
    )
    stop_doing = _grouped(
        Participation.objects.filter(initiative_id__in=ids)
        .order_by("initiative_id", "body__name")
        .values_list("initiative_id", "body__short_name", "stop_doing"),
        ids,
    )
    fits = model_fit.gather_model_fit_facts_for(list(initiatives), dict(assessments))
    gathered = {}
    for initiative in initiatives:
        pk, assessment = initiative.pk, assessments.get(initiative.pk)
        flags, risk_facts = _risk_facts(risks[pk], today)
        raci = matrices[pk]
        facts = HealthFacts(
            initiative_active=initiative.status == Initiative.Status.ACTIVE,
            has_senior_owner=initiative.senior_owner_id is not None,
            decision_rights=len(initiative.senior_owner_decision_rights or []),
            forum_purposes=tuple(purposes[pk]),
            definition_statuses=statuses[pk],
            data_answer=(assessment.answers or {}).get("data") if assessment else None,
            measures=measures[pk]["total"],
            measures_agreed_before_start=measures[pk]["agreed"],
            raci_rows=len(raci.rows),
            raci_failing_rows=len(raci.check().failing_rows),
            **risk_facts,
            bodies_without_stop_doing=tuple(name for name, commitments in stop_doing[pk] if not commitments),
            exchanges_records=exchanges_records(initiative, assessment),
            agreements=agreements[pk]["total"],
            agreements_with_completed_dpia=agreements[pk]["completed"],
            model_fit=fits[pk],
            built_sections=frozenset(key for key in FIX_URL_NAMES if fix_url(key, initiative) is not None),
        )
        gathered[pk] = (facts, flags)
    return gathered
