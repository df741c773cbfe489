"""The questions whose answers the recommendation engine reads, and how each answer is offered."""

from __future__ import annotations

from django import forms

from collab.govuk_forms import GovukRadios
from initiatives.recommendation import CHOICE_ANSWERS
from initiatives.wizard.forms.step import StepForm

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


class SingleOwnerForm(StepForm):
    page_heading_field = "single_owner"
    single_owner = _answer_field(
        "single_owner",
        "Could one body own the outcome on its own?",
        "Can one department own the outcome? If it can, the partnership should stay as light as possible.",
        "Select whether one body could own the outcome on its own",
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
