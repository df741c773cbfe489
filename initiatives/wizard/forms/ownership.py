"""The questions that name who answers for what.

The shared outcome, the senior accountable owner and what they may decide, and what each body will
stop doing to give the collaboration room.
"""

from __future__ import annotations

from django import forms

from collab.govuk_forms import LinesField, SearchableSelect
from initiatives.models import Initiative, Participation, User
from initiatives.wizard.forms.step import StepForm


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


class SeniorOwnerForm(StepForm):
    page_heading_field = "senior_owner"
    senior_owner = forms.ModelChoiceField(
        queryset=User.objects.none(),
        label="Who is the senior accountable owner?",
        help_text=(
            "One named person who answers for the shared outcome. They must belong to a body taking part."
        ),
        empty_label="Choose a person",
        widget=SearchableSelect,
        error_messages={
            "required": "Select the senior accountable owner",
            "invalid_choice": "Select a person from a body taking part in the initiative",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["senior_owner"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = User.objects.working_on(self.initiative).with_bodies()
        taking_part = set(self.initiative.participations.values_list("body_id", flat=True))
        field.label_from_instance = lambda person: _person_in_bodies(person, taking_part)

    def draft_values(self) -> dict:
        return {"senior_owner": self.cleaned_data["senior_owner"].pk}


def _person_in_bodies(person: User, taking_part: set[int]) -> str:
    """One option of hundreds: the name to type, then the bodies and jobs that tell namesakes apart."""
    jobs = "; ".join(
        f"{m.body.short_name}{', ' + m.job_title if m.job_title else ''}"
        for m in person.memberships.all()
        if m.body_id in taking_part
    )
    return f"{person.full_name} ({jobs})" if jobs else person.full_name


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
