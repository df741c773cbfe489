"""The order of the checklist's questions and the draft of answers kept between them.

The draft lives in the session, one per initiative, so going back, changing an answer or
leaving for a while loses nothing, and nothing is stored on the initiative until the model is
confirmed. A step counts as answered once its page has been submitted and its stored answer
still passes its form's checks against the initiative as it is now (a body may have left, or a
changed answer may make another one required).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from initiatives.models import Initiative
from initiatives.services import Checklist
from initiatives.wizard import forms as step_forms

SESSION_KEY = "operating_model_drafts"


@dataclass(frozen=True)
class Step:
    slug: str
    form_class: type[step_forms.StepForm]
    summary_label: str

    def form(self, initiative: Initiative, values: dict, data=None) -> step_forms.StepForm:
        initial = self.form_class.initial_from(values, initiative)
        return self.form_class(data, initial=initial, initiative=initiative, draft=values)

    def stored_answer_form(self, initiative: Initiative, values: dict) -> step_forms.StepForm:
        """The step's form bound to the stored answer, to check it still holds."""
        return self.form_class(
            self.form_class.initial_from(values, initiative), initiative=initiative, draft=values
        )


STEPS = [
    Step("own-the-outcome", step_forms.SingleOwnerForm, "One body could own the outcome"),
    Step("outcome", step_forms.OutcomeForm, "Shared outcome"),
    Step("bodies", step_forms.BodiesForm, "Bodies involved"),
    Step("decisions", step_forms.DecisionsForm, "How decisions are taken"),
    Step("budget", step_forms.BudgetForm, "How it is funded"),
    Step("operations", step_forms.OperationsForm, "Where the work crosses bodies"),
    Step("crisis", step_forms.CrisisForm, "Joint crisis response needed"),
    Step("data", step_forms.DataForm, "Data to share or agree"),
    Step("data-items", step_forms.DataItemsForm, "Data to agree from day one"),
    Step("senior-owner", step_forms.SeniorOwnerForm, "Senior accountable owner"),
    Step("decision-rights", step_forms.DecisionRightsForm, "What the senior owner may decide"),
    Step("joint-risks", step_forms.JointRisksForm, "Risks managed jointly"),
    Step("single-body-risks", step_forms.SingleBodyRisksForm, "Risks that stay with each body"),
    Step("measures", step_forms.MeasuresForm, "How benefits are measured"),
    Step("stop-doing", step_forms.StopDoingForm, "What each body will stop doing"),
]
STEPS_BY_SLUG = {step.slug: step for step in STEPS}


def step_or_404(slug: str) -> Step:
    try:
        return STEPS_BY_SLUG[slug]
    except KeyError:
        raise Http404("No such question") from None


def neighbours(step: Step) -> tuple[Step | None, Step | None]:
    index = STEPS.index(step)
    return (STEPS[index - 1] if index else None), (STEPS[index + 1] if index + 1 < len(STEPS) else None)


# --- The draft ---------------------------------------------------------------------------------


def _starting_values(initiative: Initiative) -> dict:
    """What the initiative already says, and on a re-run what the last assessment said."""
    participations = list(initiative.participations.all())
    values = {
        "outcome_statement": initiative.outcome_statement,
        "bodies": len(participations),
        "decision_rights": list(initiative.senior_owner_decision_rights),
        "stop_doing": {str(p.body_id): list(p.stop_doing) for p in participations},
    }
    if initiative.senior_owner_id:
        values["senior_owner"] = initiative.senior_owner_id
    latest = initiative.assessments.first()
    if latest is not None:
        values.update({key: value for key, value in latest.answers.items() if key != "crisis"})
        values["crisis"] = "yes" if latest.answers["crisis"] else "no"
        for name in ("data_items", "joint_risks", "single_body_risks", "measures"):
            values[name] = list(getattr(latest, name))
    return values


def draft_values(session, initiative: Initiative) -> dict:
    """The answers so far, starting a draft from the initiative if there is none."""
    drafts = session.get(SESSION_KEY, {})
    draft = drafts.get(str(initiative.pk))
    if draft is None:
        draft = {"values": _starting_values(initiative), "done": []}
        session[SESSION_KEY] = {**drafts, str(initiative.pk): draft}
    return draft["values"]


def draft_answer(session, initiative: Initiative, step: Step, values: dict) -> dict:
    drafts = session.get(SESSION_KEY, {})
    draft = drafts.get(str(initiative.pk)) or {"values": _starting_values(initiative), "done": []}
    draft = {
        "values": {**draft["values"], **values},
        "done": [*[slug for slug in draft["done"] if slug != step.slug], step.slug],
    }
    session[SESSION_KEY] = {**drafts, str(initiative.pk): draft}
    return draft["values"]


def draft_discard(session, initiative: Initiative) -> None:
    drafts = dict(session.get(SESSION_KEY, {}))
    if drafts.pop(str(initiative.pk), None) is not None:
        session[SESSION_KEY] = drafts


def first_unanswered(session, initiative: Initiative) -> Step | None:
    draft = session.get(SESSION_KEY, {}).get(str(initiative.pk)) or {"values": {}, "done": []}
    for step in STEPS:
        if step.slug not in draft["done"]:
            return step
        if not step.stored_answer_form(initiative, draft["values"]).is_valid():
            return step
    return None


def completed_answers(initiative: Initiative, values: dict) -> tuple[dict, Checklist]:
    """The engine's seven answers and the named lists, from a draft whose every step holds."""
    cleaned = {}
    for step in STEPS:
        form = step.stored_answer_form(initiative, values)
        if not form.is_valid():
            raise ValueError(f"The answer to {step.slug} no longer holds")
        cleaned.update(form.cleaned_data)
    answers = {
        "single_owner": cleaned["single_owner"],
        "decisions": cleaned["decisions"],
        "budget": cleaned["budget"],
        "data": cleaned["data"],
        "operations": cleaned["operations"],
        "crisis": cleaned["crisis"] == "yes",
        "bodies": cleaned["bodies"],
    }
    checklist = Checklist(
        outcome_statement=cleaned["outcome_statement"],
        senior_owner=cleaned["senior_owner"],
        decision_rights=cleaned["decision_rights"],
        data_items=cleaned["data_items"],
        joint_risks=cleaned["joint_risks"],
        single_body_risks=cleaned["single_body_risks"],
        measures=cleaned["measures"],
        stop_doing={
            int(name.removeprefix("body_")): items
            for name, items in cleaned.items()
            if name.startswith("body_")
        },
    )
    return answers, checklist
