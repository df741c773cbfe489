"""Model fit: whether what is recorded still matches the chosen operating model and its components.

A model is chosen once, from the checklist; the records then grow on their own. When they
drift from the model (decisions spread across bodies under a lead department, money pooled
under light coordination, records exchanged with no signed agreement, a board that never
meets), the check says so and suggests re-running the checklist. `model_fit` is a pure
function of ModelFitFacts; `gather_model_fit_facts` reads them in a fixed number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from initiatives.models import Assessment, Initiative
from initiatives.operating_models import OperatingModel, structure_name

LIGHT, LEAD, BOARD, SHARED, DATA = (model.value for model in OperatingModel)
TITLE = "The operating model still fits what is recorded"
# Under a lead department model one body decides; this many bodies holding an A looks shared.
SHARED_DECISIONS = 3
RE_RUN = "Re-run the operating model checklist if the way the bodies work together has changed."


@dataclass(frozen=True)
class ModelFitFacts:
    model: str = ""
    components: tuple[str, ...] = ()
    # Short names of the bodies holding at least one A in the RACI matrix.
    bodies_holding_a: tuple[str, ...] = ()
    # Open or decided decisions (not rejected or superseded) about a pooled budget.
    pooled_budget_decisions: int = 0
    signed_agreements: int = 0
    decision_forums: int = 0

    @property
    def structure(self) -> tuple[str, ...]:
        return (self.model, *self.components) if self.model else ()


def misfits(facts: ModelFitFacts) -> list[str]:
    """What is recorded that the chosen structure does not expect, one sentence each."""
    found = []
    holders = facts.bodies_holding_a
    if facts.model == LEAD and len(holders) >= SHARED_DECISIONS:
        found.append(
            f"A lead department model, but {len(holders)} bodies hold an A in the RACI matrix "
            f"({', '.join(holders)}): decisions look shared."
        )
    if facts.model == LIGHT and facts.pooled_budget_decisions:
        found.append("Light coordination, but the decision log holds a decision about a pooled budget.")
    if DATA in facts.structure and not facts.signed_agreements:
        found.append(
            "Records are exchanged under a data-sharing partnership, but no data sharing agreement is signed."
        )
    if BOARD in facts.structure and not facts.decision_forums:
        found.append("A joint programme board, but no forum where it takes its decisions.")
    return found


def model_fit(facts: ModelFitFacts) -> tuple[str, str]:
    """(status, detail) as the health check's statuses: not_applicable, failing or passing."""
    if not facts.model:
        return "not_applicable", "No operating model has been chosen yet"
    found = misfits(facts)
    if found:
        return "failing", f"{' '.join(found)} {RE_RUN}"
    return "passing", f"What is recorded fits the {structure_name(facts.model, facts.components).lower()}"


def _count(queryset) -> Subquery:
    """A count of `queryset` (already tied to the initiative by OuterRef) as a subquery."""
    return Coalesce(
        Subquery(queryset.order_by().values("initiative").annotate(n=Count("pk")).values("n")[:1]), 0
    )


def gather_model_fit_facts(initiative: Initiative, assessment: Assessment | None) -> ModelFitFacts:
    """The facts for one initiative, in two queries whatever its size or model."""
    return gather_model_fit_facts_for([initiative], {initiative.pk: assessment})[initiative.pk]


def gather_model_fit_facts_for(
    initiatives: list[Initiative], assessments: dict[int, Assessment | None]
) -> dict[int, ModelFitFacts]:
    """The facts for each initiative, by id, in two queries however many initiatives."""
    from governance.decisions.models import Decision
    from governance.forums.models import Forum
    from governance.glossary.models import DataSharingAgreement
    from governance.raci.models import RaciCell

    ids = [initiative.pk for initiative in initiatives]
    holders: dict[int, list[str]] = {pk: [] for pk in ids}
    held = (
        RaciCell.objects.filter(row__initiative_id__in=ids, value=RaciCell.Value.ACCOUNTABLE)
        .values_list("row__initiative_id", "column__body__short_name")
        .distinct()
        .order_by("row__initiative_id", "column__body__short_name")
    )
    for initiative_id, short_name in held:
        holders[initiative_id].append(short_name)
    mine = OuterRef("pk")
    counts = {
        row["pk"]: row
        for row in Initiative.objects.filter(pk__in=ids)
        .annotate(
            pooled=_count(
                Decision.objects.filter(initiative=mine, title__icontains="pooled budget").exclude(
                    status__in=[Decision.Status.REJECTED, Decision.Status.SUPERSEDED]
                )
            ),
            signed=_count(DataSharingAgreement.objects.filter(initiative=mine, signed_on__isnull=False)),
            decision_forums=_count(Forum.objects.filter(initiative=mine, purpose=Forum.Purpose.DECISIONS)),
        )
        .values("pk", "pooled", "signed", "decision_forums")
    }
    return {
        initiative.pk: _model_fit_facts(
            initiative, assessments.get(initiative.pk), holders[initiative.pk], counts[initiative.pk]
        )
        for initiative in initiatives
    }


def _model_fit_facts(
    initiative: Initiative, assessment: Assessment | None, holders: list[str], counts: dict
) -> ModelFitFacts:
    model = initiative.operating_model
    follows = bool(model) and assessment is not None and assessment.chosen_model == model
    return ModelFitFacts(
        model=model,
        components=tuple(assessment.components) if follows and assessment else (),
        bodies_holding_a=tuple(holders),
        pooled_budget_decisions=counts["pooled"],
        signed_agreements=counts["signed"],
        decision_forums=counts["decision_forums"],
    )
