"""Shaping the checklist's pages: check your answers, the recommendation, the history, the overview."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse

from initiatives.models import Assessment, Body, Initiative, User
from initiatives.operating_models import PROFILES, ModelProfile
from initiatives.recommendation import ANSWER_KEYS
from initiatives.wizard.forms import StopDoingForm, answer_label
from initiatives.wizard.steps import STEPS


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


def check_answer_rows(initiative: Initiative, values: dict) -> list[SummaryRow]:
    """One row per answer, each with a Change link back to its question."""
    rows = []
    for step in STEPS:
        form = step.stored_answer_form(initiative, values)
        form.is_valid()
        change_url = reverse("initiatives:wizard_question", args=[initiative.slug, step.slug]) + "?change=1"
        if isinstance(form, StopDoingForm):
            rows += [
                _row(
                    f"What {p.body.short_name} will stop doing",
                    form.cleaned_data[form.field_name(p.body_id)],
                    change_url=change_url,
                )
                for p in form.participations
            ]
            continue
        [(name, value)] = form.cleaned_data.items()
        if name in ANSWER_KEYS and name != "bodies":
            value = answer_label(name, value)
        rows.append(_row(step.summary_label, value, change_url=change_url))
    return rows


@dataclass
class RecommendationPage:
    profile: ModelProfile
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


def recommendation_page(result: dict) -> RecommendationPage:
    return RecommendationPage(
        profile=PROFILES[result["model"]],
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
        rows = [
            SummaryRow("Recommended model", self.recommended_name),
            SummaryRow("Chosen model", self.chosen_name),
            SummaryRow(
                "Followed the recommendation", "Yes" if self.assessment.followed_recommendation else "No"
            ),
        ]
        if self.assessment.choice_reason:
            rows.append(SummaryRow("Reason for the choice", self.assessment.choice_reason))
        return rows


ANSWER_KEY_LABELS = {step.form_class.page_heading_field: step.summary_label for step in STEPS}


def assessment_history(initiative: Initiative) -> list[AssessmentEntry]:
    assessments = list(initiative.assessments.select_related("senior_owner", "created_by"))
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
    """What the overview says about the operating model and the checklist behind it."""

    initiative: Initiative
    latest: Assessment | None
    can_run: bool
    bodies_taking_part: int

    @property
    def recommended_name(self) -> str:
        return PROFILES[self.latest.recommended_model].name if self.latest else ""

    @property
    def start_url(self) -> str:
        return reverse("initiatives:wizard_start", args=[self.initiative.slug])

    @property
    def history_url(self) -> str:
        return reverse("initiatives:assessments", args=[self.initiative.slug])


def operating_model_summary(
    initiative: Initiative, *, can_run: bool, bodies_taking_part: int
) -> OperatingModelSummary:
    return OperatingModelSummary(
        initiative=initiative,
        latest=initiative.assessments.first(),
        can_run=can_run,
        bodies_taking_part=bodies_taking_part,
    )
