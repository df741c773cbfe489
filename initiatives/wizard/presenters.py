"""Shaping the checklist's pages: check your answers, the recommendation, the history, the overview."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone

from initiatives.models import Assessment, AssessmentDraft, Body, Initiative, User
from initiatives.operating_models import PROFILES, ModelProfile, structure_name
from initiatives.recommendation import ANSWER_KEYS
from initiatives.wizard.forms import StopDoingForm, answer_label
from initiatives.wizard.steps import SECTIONS, STEPS


@dataclass
class SummaryRow:
    key: str
    value: str = ""
    items: list[str] = field(default_factory=list)
    change_url: str = ""
    change_label: str = ""


def _row(key: str, value, **kwargs) -> SummaryRow:
    if isinstance(value, list):
        return SummaryRow(key, items=value, **kwargs)
    if isinstance(value, User):
        return SummaryRow(key, value.full_name, **kwargs)
    return SummaryRow(key, str(value), **kwargs)


def check_answer_sections(initiative: Initiative, values: dict) -> list[tuple[str, list[SummaryRow]]]:
    """The answers under their sections' headings, each row with a Change link back to its question."""
    sections: dict[str, list[SummaryRow]] = {section: [] for section in SECTIONS}
    for step in STEPS:
        sections[step.section] += _step_rows(initiative, step, values)
    return list(sections.items())


def _step_rows(initiative: Initiative, step, values: dict) -> list[SummaryRow]:
    form = step.stored_answer_form(initiative, values)
    form.is_valid()
    change_url = reverse("initiatives:wizard_question", args=[initiative.slug, step.slug]) + "?change=1"
    if isinstance(form, StopDoingForm):
        return [
            _row(
                f"What {p.body.short_name} will stop doing",
                form.cleaned_data[form.field_name(p.body_id)],
                change_url=change_url,
            )
            for p in form.participations
        ]
    [(name, value)] = form.cleaned_data.items()
    if name in ANSWER_KEYS and name != "bodies":
        value = answer_label(name, value)
    return [_row(step.summary_label, value, change_url=change_url)]


@dataclass
class ComponentRow:
    profile: ModelProfile
    why: str


@dataclass
class RecommendationPage:
    profile: ModelProfile
    components: list[ComponentRow]
    reasons: list[str]
    warnings: list[str]
    alternatives: list[SummaryRow]

    @property
    def profile_rows(self) -> list[SummaryRow]:
        return [
            SummaryRow("Best for", self.profile.best_for),
            SummaryRow("Strength", self.profile.strength),
            SummaryRow("Trade-off", self.profile.trade_off),
        ]

    @property
    def component_rows(self) -> list[SummaryRow]:
        return [SummaryRow(row.profile.name, row.why) for row in self.components]

    @property
    def name(self) -> str:
        return structure_name(self.profile.model.value, [row.profile.model.value for row in self.components])


def recommendation_page(result: dict) -> RecommendationPage:
    return RecommendationPage(
        profile=PROFILES[result["model"]],
        # Assessments recorded before components existed have none.
        components=[ComponentRow(PROFILES[c["model"]], c["why"]) for c in result.get("components", [])],
        reasons=result["reasons"],
        warnings=result["warnings"],
        alternatives=[
            SummaryRow(PROFILES[alt["model"]].name, alt["why_not"]) for alt in result["alternatives"]
        ],
    )


@dataclass
class AssessmentEntry:
    assessment: Assessment
    recommendation: RecommendationPage
    answer_rows: list[SummaryRow]
    checklist_rows: list[SummaryRow]

    @property
    def recommended_name(self) -> str:
        return PROFILES[self.assessment.recommended_model].name

    @property
    def chosen_name(self) -> str:
        return PROFILES[self.assessment.chosen_model].name

    @property
    def choice_rows(self) -> list[SummaryRow]:
        a = self.assessment
        rows = [
            SummaryRow("Recommended model", structure_name(a.recommended_model, a.recommended_components)),
            SummaryRow("Chosen model", structure_name(a.chosen_model, a.components)),
            SummaryRow(
                "Followed the recommendation", "Yes" if self.assessment.followed_recommendation else "No"
            ),
        ]
        if self.assessment.choice_reason:
            rows.append(SummaryRow("Reason for the choice", self.assessment.choice_reason))
        return rows


ANSWER_KEY_LABELS = {step.form_class.page_heading_field: step.summary_label for step in STEPS}


def assessment_history(assessments: Sequence[Assessment]) -> list[AssessmentEntry]:
    """The given assessments (a page of an initiative's, newest first) as the history shows them."""
    body_ids = {int(body_id) for a in assessments for body_id in a.stop_doing}
    bodies = Body.objects.in_bulk(body_ids)
    return [
        AssessmentEntry(
            assessment=a,
            recommendation=recommendation_page(a.result),
            answer_rows=[
                _row(label, a.answers[key] if key == "bodies" else answer_label(key, a.answers[key]))
                for key, label in ANSWER_KEY_LABELS.items()
                if key in ANSWER_KEYS
            ],
            checklist_rows=_checklist_rows(a, bodies),
        )
        for a in assessments
    ]


def _checklist_rows(a: Assessment, bodies: dict[int, Body]) -> list[SummaryRow]:
    rows = [
        _row("Shared outcome", a.outcome_statement),
        _row("Senior accountable owner", a.senior_owner.full_name if a.senior_owner else "No longer a user"),
    ]
    rows += [
        _row(ANSWER_KEY_LABELS[name], getattr(a, name))
        for name in ("decision_rights", "data_items", "joint_risks", "single_body_risks", "measures")
    ]
    for body_id, items in a.stop_doing.items():
        body = bodies.get(int(body_id))
        rows.append(_row(f"What {body.short_name if body else 'a former body'} will stop doing", items))
    return rows


@dataclass
class OperatingModelSummary:
    """What the overview says about the operating model, the checklist behind it and any saved draft."""

    initiative: Initiative
    latest: Assessment | None
    can_run: bool
    bodies_taking_part: int
    draft: AssessmentDraft | None = None

    @property
    def recommended_name(self) -> str:
        return PROFILES[self.latest.recommended_model].name if self.latest else ""

    @property
    def chosen_name(self) -> str:
        """The model with its components, as it runs: "Joint programme board, with a shared service ..."."""
        if self.latest and self.latest.chosen_model == self.initiative.operating_model:
            return structure_name(self.latest.chosen_model, self.latest.components)
        return self.initiative.get_operating_model_display()

    @property
    def start_url(self) -> str:
        return reverse("initiatives:wizard_start", args=[self.initiative.slug])

    @property
    def history_url(self) -> str:
        return reverse("initiatives:assessments", args=[self.initiative.slug])

    @property
    def draft_note(self) -> str:
        if self.draft is None:
            return ""
        saved = timezone.localtime(self.draft.updated_at)
        answered = len(self.draft.answered)
        return (
            f"You have answered {answered} of {len(STEPS)} questions; your answers were last saved on "
            f"{saved:%-d %B %Y} at {saved:%H:%M}."
        )


def operating_model_summary(
    initiative: Initiative, *, can_run: bool, bodies_taking_part: int, person: User | None = None
) -> OperatingModelSummary:
    draft = None
    if can_run and person is not None:
        draft = AssessmentDraft.objects.filter(initiative=initiative, person=person).first()
    return OperatingModelSummary(
        initiative=initiative,
        latest=initiative.assessments.first(),
        can_run=can_run,
        bodies_taking_part=bodies_taking_part,
        draft=draft,
    )
