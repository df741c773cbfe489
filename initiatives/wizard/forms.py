"""One form per question of the operating-model checklist, and the form that confirms a model.

Each step form reads its starting values from the draft (`initial_from`) and says what to keep
in the draft (`draft_values`), so the same form both asks the question and re-checks a stored
answer against the initiative as it is now.
"""

from __future__ import annotations

from django import forms

from collab.govuk_forms import GovukForm, GovukRadios, LinesField
from initiatives.models import Initiative, Participation, User
from initiatives.operating_models import PROFILES, OperatingModel
from initiatives.recommendation import CHOICE_ANSWERS

# How each engine answer is offered on screen: (label, hint).
ANSWER_OPTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "single_owner": {
        "yes": (
            "Yes",
            "One body could deliver it and answer for it; the others would only benefit or be consulted.",
        ),
        "partly": ("Partly", "One body could do most of it, but needs others to change something too."),
        "no": ("No", "The outcome needs several bodies to act; none could deliver it alone."),
    },
    "decisions": {
        "separate": (
            "Each body decides for itself",
            "Within a shared direction, each body makes its own calls.",
        ),
        "one_body": ("One body decides, the others are consulted", ""),
        "joint": ("The bodies decide jointly", "For example at a board where each body has a say."),
    },
    "budget": {
        "separate": ("Each body funds its own part", ""),
        "one_funds_others_benefit": ("One body funds it and the others benefit", ""),
        "pooled": ("The bodies pool their budgets", "Money from several bodies goes into one shared budget."),
    },
    "data": {
        "none": ("None", "No records, definitions or reference data need to be shared or agreed."),
        "definitions": (
            "Common definitions or reference data",
            "For example what counts as a case, or one list of service locations. No records change hands.",
        ),
        "exchange": (
            "Regular exchange of records between bodies",
            "Records about people, cases or places are passed from one body to another.",
        ),
    },
    "operations": {
        "none": ("None", "Each body runs its own processes; nothing a citizen does crosses bodies."),
        "handoffs": ("A citizen journey crosses bodies", "A person or case passes from one body to another."),
        "shared_platform": (
            "A shared process, tool or back office",
            "One process, tool or back office will be reused by several bodies.",
        ),
    },
    "crisis": {"yes": ("Yes", ""), "no": ("No", "")},
}


def answer_label(key: str, value: object) -> str:
    if key == "crisis" and isinstance(value, bool):
        value = "yes" if value else "no"
    return ANSWER_OPTIONS[key][str(value)][0]


def _radios(key: str, *, inline: bool = False) -> tuple[list[tuple[str, str]], GovukRadios]:
    values = ("yes", "no") if key == "crisis" else CHOICE_ANSWERS[key]
    choices = [(value, ANSWER_OPTIONS[key][value][0]) for value in values]
    hints = {value: ANSWER_OPTIONS[key][value][1] for value in values}
    return choices, GovukRadios(choices=choices, hints=hints, inline=inline)


def _answer_field(key: str, label: str, help_text: str, required: str, *, inline: bool = False):
    choices, widget = _radios(key, inline=inline)
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=choices,
        widget=widget,
        error_messages={"required": required},
    )


class StepForm(GovukForm):
    """A question page. `page_heading_field` names the question; forms with several fields use `heading`."""

    heading = ""
    page_template = "initiatives/wizard/question.html"

    def __init__(self, *args, initiative: Initiative, draft: dict, **kwargs):
        self.initiative = initiative
        self.draft = draft
        super().__init__(*args, **kwargs)

    @property
    def question(self) -> str:
        return self.heading or str(self.fields[self.page_heading_field].label)

    @classmethod
    def initial_from(cls, values: dict, initiative: Initiative) -> dict:
        return {name: values[name] for name in cls.base_fields if name in values}

    def draft_values(self) -> dict:
        return dict(self.cleaned_data)


class SingleOwnerForm(StepForm):
    page_heading_field = "single_owner"
    single_owner = _answer_field(
        "single_owner",
        "Could one body own the outcome on its own?",
        "Can one department own the outcome? If it can, the partnership should stay as light as possible.",
        "Select whether one body could own the outcome on its own",
    )


class OutcomeForm(StepForm):
    page_heading_field = "outcome_statement"
    outcome_statement = forms.CharField(
        label="What is the shared outcome?",
        help_text=(
            "Check that the goal is shared by every body, measurable, and meaningful to citizens or "
            "frontline staff. For example: 'Bereaved families tell government once, and every body acts "
            "within 10 days'."
        ),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Enter the shared outcome",
            "max_length": "The shared outcome must be 1,000 characters or fewer",
        },
    )


class BodiesForm(StepForm):
    page_heading_field = "bodies"
    bodies = forms.IntegerField(
        label="How many bodies are involved?",
        min_value=1,
        max_value=1000,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "spellcheck": "false", "class": "govuk-input--width-3"}
        ),
        error_messages={
            "required": "Enter how many bodies are involved",
            "invalid": "Enter the number of bodies as a whole number, like 3",
            "min_value": "The number of bodies must be 1 or more",
            "max_value": "The number of bodies must be 1,000 or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = [p.body.short_name for p in self.initiative.participations.in_role_order()]
        if len(names) > 1:
            so_far = f"{len(names)} bodies take part so far: {', '.join(names)}."
        else:
            so_far = f"Only {names[0]} takes part so far." if names else "No body takes part yet."
        self.fields[
            "bodies"
        ].help_text = (
            f"Count every body that must act or change for the outcome, including any not added yet. {so_far}"
        )


class DecisionsForm(StepForm):
    page_heading_field = "decisions"
    decisions = _answer_field(
        "decisions",
        "How will decisions about the initiative be taken?",
        "Think about decisions on scope, money and priorities, not day-to-day work.",
        "Select how decisions will be taken",
    )


class BudgetForm(StepForm):
    page_heading_field = "budget"
    budget = _answer_field(
        "budget", "How will the initiative be funded?", "", "Select how the initiative will be funded"
    )


class OperationsForm(StepForm):
    page_heading_field = "operations"
    operations = _answer_field(
        "operations",
        "Where does the work cross from one body to another?",
        "Think about what citizens and frontline staff experience, and the processes and tools behind it.",
        "Select where the work crosses from one body to another",
    )


class CrisisForm(StepForm):
    page_heading_field = "crisis"
    crisis = _answer_field(
        "crisis",
        "Must the bodies be able to respond together to a crisis?",
        "For example an emergency, a surge in demand or a service failure that needs a joined-up response "
        "within hours or days.",
        "Select yes if the bodies must be able to respond together to a crisis",
        inline=True,
    )


class DataForm(StepForm):
    page_heading_field = "data"
    data = _answer_field(
        "data",
        "What data do the bodies need to share or agree?",
        "",
        "Select what data the bodies need to share or agree",
    )


class DataItemsForm(StepForm):
    page_heading_field = "data_items"
    data_items = LinesField(
        label="Which data definitions, identifiers or records must be agreed from day one?",
        help_text=(
            "One per line, for example 'What counts as a completed case' or 'National Insurance number as "
            "the matching identifier'. These start the shared data definitions. Leave blank if no data "
            "needs to be shared or agreed."
        ),
    )

    def clean_data_items(self) -> list[str]:
        items = self.cleaned_data["data_items"]
        data = self.draft.get("data")
        if not items and data in ("definitions", "exchange"):
            need = (
                "need common definitions or reference data" if data == "definitions" else "exchange records"
            )
            raise forms.ValidationError(
                f"Enter at least one definition, identifier or record to agree, as the bodies {need}"
            )
        return items


class SeniorOwnerForm(StepForm):
    page_heading_field = "senior_owner"
    senior_owner = forms.ModelChoiceField(
        queryset=User.objects.none(),
        label="Who is the senior accountable owner?",
        help_text=(
            "One named person who answers for the shared outcome. They must belong to a body taking part."
        ),
        empty_label=None,
        error_messages={
            "required": "Select the senior accountable owner",
            "invalid_choice": "Select a person from a body taking part in the initiative",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        people = User.objects.working_on(self.initiative).with_bodies()
        field = self.fields["senior_owner"]
        field.queryset = people
        taking_part = set(self.initiative.participations.values_list("body_id", flat=True))
        hints = {
            str(person.pk): "; ".join(
                f"{m.body.short_name}{', ' + m.job_title if m.job_title else ''}"
                for m in person.memberships.all()
                if m.body_id in taking_part
            )
            for person in people
        }
        field.widget = GovukRadios(choices=field.choices, hints=hints)

    def draft_values(self) -> dict:
        return {"senior_owner": self.cleaned_data["senior_owner"].pk}


class DecisionRightsForm(StepForm):
    page_heading_field = "decision_rights"
    decision_rights = LinesField(
        label="What may the senior owner decide?",
        help_text=(
            "The decisions they may take without going back to each body. One per line, for example "
            "'Approve changes to scope within the agreed budget'."
        ),
        required=True,
        error_messages={"required": "Enter at least one decision the senior owner may take"},
    )


class JointRisksForm(StepForm):
    page_heading_field = "joint_risks"
    joint_risks = LinesField(
        label="Which risks need joint management?",
        help_text=(
            "Risks that cross bodies, so no body can manage them alone. One per line; they start the shared "
            "risk register. Leave blank if there are none yet."
        ),
    )


class SingleBodyRisksForm(StepForm):
    page_heading_field = "single_body_risks"
    single_body_risks = LinesField(
        label="Which risks stay with each body?",
        help_text=(
            "One per line, starting with the body that manages it, for example 'HMRC: the tax credits "
            "system change is late'. Leave blank if there are none yet."
        ),
    )


class MeasuresForm(StepForm):
    page_heading_field = "measures"
    measures = LinesField(
        label="How will benefits be measured, reported and checked?",
        help_text=(
            "One measure per line: what is measured, who reports it and how often, and who checks it. For "
            "example 'Days from registering a death to every body acting, reported monthly by DWP'. They "
            "start the shared measures."
        ),
        required=True,
        error_messages={"required": "Enter at least one way the benefits will be measured"},
    )


class StopDoingForm(StepForm):
    """One field per body taking part: what it will stop doing to give the collaboration room."""

    heading = "What will each body stop doing?"
    page_template = "initiatives/wizard/question_group.html"
    hint = (
        "Room for the collaboration comes from work each body stops. One commitment per line, for example "
        "'Stop running a separate bereavement helpline'. Leave a body blank if it will stop nothing yet."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.participations: list[Participation] = list(self.initiative.participations.in_role_order())
        for participation in self.participations:
            self.fields[self.field_name(participation.body_id)] = LinesField(
                label=f"{participation.body.name} ({participation.get_role_display().lower()})"
            )

    @staticmethod
    def field_name(body_id: int) -> str:
        return f"body_{body_id}"

    @classmethod
    def initial_from(cls, values: dict, initiative: Initiative) -> dict:
        return {
            cls.field_name(int(body_id)): items for body_id, items in values.get("stop_doing", {}).items()
        }

    def draft_values(self) -> dict:
        return {
            "stop_doing": {
                str(p.body_id): self.cleaned_data[self.field_name(p.body_id)] for p in self.participations
            }
        }


class ModelChoiceForm(GovukForm):
    """Accept the recommendation or choose another model, saying why."""

    chosen_model = forms.ChoiceField(
        label="Which operating model will the initiative use?",
        choices=OperatingModel.choices,
        error_messages={"required": "Select the operating model the initiative will use"},
    )
    choice_reason = forms.CharField(
        label="Why are you choosing a different model?",
        help_text=(
            "Only needed if you do not follow the recommendation. Partners and assurance reviewers see it."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "The reason must be 2,000 characters or fewer"},
    )

    def __init__(self, *args, recommended: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.recommended = recommended
        self.initial.setdefault("chosen_model", recommended)
        hints = {
            slug: ("Recommended. " if slug == recommended else "") + f"Best for {profile.best_for.lower()}."
            for slug, profile in PROFILES.items()
        }
        self.fields["chosen_model"].widget = GovukRadios(choices=OperatingModel.choices, hints=hints)

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("chosen_model")
        if chosen and chosen != self.recommended and not cleaned.get("choice_reason", "").strip():
            self.add_error(
                "choice_reason", "Enter why you are choosing a different model from the recommended one"
            )
        return cleaned
