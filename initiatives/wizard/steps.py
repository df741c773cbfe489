"""The order of the checklist's questions, their sections, and the draft of answers kept between them.

The draft is a database row per person and initiative (AssessmentDraft), saved on every page,
so going back, changing an answer, signing out or moving to another device loses nothing;
nothing is stored on the initiative until the model is confirmed. A step counts as answered
once its page has been submitted and its stored answer still passes its form's checks against
the initiative as it is now (a body may have left, or a changed answer may make another one
required).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from initiatives.models import AssessmentDraft, Initiative, User
from initiatives.services import Checklist
from initiatives.wizard import forms as step_forms

# The questions fall into sections, shown with each question's number so a person always knows
# how far they have come: "Question 4 of 15: Decisions, money and delivery".
OUTCOME, WORKING_TOGETHER, DATA, OWNERSHIP, RISKS_AND_BENEFITS = (
    "The outcome and the bodies",
    "Decisions, money and delivery",
    "Data",
    "The senior owner",
    "Risks, benefits and room to work",
)


@dataclass(frozen=True)
class Step:
    slug: str
    form_class: type[step_forms.StepForm]
    summary_label: str
    section: str

    def form(self, initiative: Initiative, values: dict, data=None) -> step_forms.StepForm:
        initial = self.form_class.initial_from(values, initiative)
        return self.form_class(data, initial=initial, initiative=initiative, draft=values)

    def stored_answer_form(self, initiative: Initiative, values: dict) -> step_forms.StepForm:
        """The step's form bound to the stored answer, to check it still holds."""
        return self.form_class(
            self.form_class.initial_from(values, initiative), initiative=initiative, draft=values
        )

    @property
    def number(self) -> int:
        return STEPS.index(self) + 1

    @property
    def progress(self) -> str:
        return f"Question {self.number} of {len(STEPS)}: {self.section}"


STEPS = [
    Step("own-the-outcome", step_forms.SingleOwnerForm, "One body could own the outcome", OUTCOME),
    Step("outcome", step_forms.OutcomeForm, "Shared outcome", OUTCOME),
    Step("bodies", step_forms.BodiesForm, "Bodies involved", OUTCOME),
    Step("decisions", step_forms.DecisionsForm, "How decisions are taken", WORKING_TOGETHER),
    Step("budget", step_forms.BudgetForm, "How it is funded", WORKING_TOGETHER),
    Step("operations", step_forms.OperationsForm, "Where the work crosses bodies", WORKING_TOGETHER),
    Step("crisis", step_forms.CrisisForm, "Joint crisis response needed", WORKING_TOGETHER),
    Step("data", step_forms.DataForm, "Data to share or agree", DATA),
    Step("data-items", step_forms.DataItemsForm, "Data to agree from day one", DATA),
    Step("senior-owner", step_forms.SeniorOwnerForm, "Senior accountable owner", OWNERSHIP),
    Step("decision-rights", step_forms.DecisionRightsForm, "What the senior owner may decide", OWNERSHIP),
    Step("joint-risks", step_forms.JointRisksForm, "Risks managed jointly", RISKS_AND_BENEFITS),
    Step(
        "single-body-risks",
        step_forms.SingleBodyRisksForm,
        "Risks that stay with each body",
        RISKS_AND_BENEFITS,
    ),
    Step("measures", step_forms.MeasuresForm, "How benefits are measured", RISKS_AND_BENEFITS),
    Step("stop-doing", step_forms.StopDoingForm, "What each body will stop doing", RISKS_AND_BENEFITS),
]
STEPS_BY_SLUG = {step.slug: step for step in STEPS}
SECTIONS = list(dict.fromkeys(step.section for step in STEPS))


def step_or_404(slug: str) -> Step:
    try:
        return STEPS_BY_SLUG[slug]
    except KeyError:
        raise Http404("No such question") from None


def neighbours(step: Step) -> tuple[Step | None, Step | None]:
    index = STEPS.index(step)
    return (STEPS[index - 1] if index else None), (STEPS[index + 1] if index + 1 < len(STEPS) else None)


# --- The draft ---------------------------------------------------------------------------------


def starting_values(initiative: Initiative) -> dict:
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


def current_draft(initiative: Initiative, person: User) -> AssessmentDraft:
    """The person's saved draft, or a new one (not saved yet) holding what the initiative already says."""
    draft = AssessmentDraft.objects.filter(initiative=initiative, person=person).first()
    if draft is None:
        draft = AssessmentDraft(
            initiative=initiative, person=person, values=starting_values(initiative), answered=[]
        )
    return draft


def first_unanswered(initiative: Initiative, draft: AssessmentDraft) -> Step | None:
    for step in STEPS:
        if step.slug not in draft.answered:
            return step
        if not step.stored_answer_form(initiative, draft.values).is_valid():
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
