"""Reading what the set-up plan needs about one initiative, in a fixed number of queries."""

from __future__ import annotations

from governance.checklist.items import (
    latest_assessment,
    normalise_item,
    offered_measures,
    offered_risks,
    offered_terms,
)
from governance.setup.plan import SetUpFacts
from initiatives.models import Initiative, Participation


def gather_set_up_facts(initiative: Initiative) -> SetUpFacts | None:
    """The facts for the plan, or None while the initiative has no operating model."""
    if not initiative.operating_model:
        return None
    assessment = latest_assessment(initiative)
    # The components come with the assessment that chose the model; a model set by hand has none.
    follows = assessment is not None and assessment.chosen_model == initiative.operating_model
    participations = list(Participation.objects.filter(initiative=initiative).in_role_order())
    with_columns = set(initiative.raci_columns.values_list("body_id", flat=True))
    forums = list(initiative.forums.values_list("name", "purpose"))
    return SetUpFacts(
        model=initiative.operating_model,
        components=tuple(assessment.components) if follows else (),
        answers=dict(assessment.answers) if assessment else {},
        senior_owner=initiative.senior_owner.full_name if initiative.senior_owner else "",
        bodies=tuple(p.body.short_name for p in participations),
        bodies_without_columns=tuple(
            p.body.short_name for p in participations if p.body_id not in with_columns
        ),
        forum_names=frozenset(name.casefold() for name, _purpose in forums),
        forum_purposes=frozenset(purpose for _name, purpose in forums),
        has_escalation_route=initiative.escalation_levels.exists(),
        raci_activities=frozenset(
            a.casefold() for a in initiative.raci_rows.values_list("activity", flat=True)
        ),
        risks=tuple(offered_risks(initiative)),
        measures=tuple(offered_measures(initiative)),
        terms=tuple(offered_terms(initiative)),
        has_agreement=initiative.data_sharing_agreements.exists(),
        decision_rights=frozenset(normalise_item(r) for r in initiative.senior_owner_decision_rights or []),
        decision_titles=frozenset(
            normalise_item(t) for t in initiative.decisions.values_list("title", flat=True)
        ),
    )
