from django import forms

from collab.govuk_forms import GovukCheckboxes, GovukForm, GovukModelForm, GovukRadios, LinesField
from collab.versioned_forms import VersionedFormMixin
from initiatives.accountability import SENIOR_OWNER, ReasonNeeded, change_reason, reason_field
from initiatives.models import Body, Initiative, Participation, User, ValueArea


def value_areas_field() -> forms.MultipleChoiceField:
    """The value areas an initiative works in, asked the same way when it is created and edited."""
    return forms.MultipleChoiceField(
        label="Value areas",
        choices=ValueArea.choices,
        widget=GovukCheckboxes,
        help_text="Select all that apply.",
    )


class InitiativeCreateForm(GovukModelForm):
    value_areas = value_areas_field()

    class Meta:
        model = Initiative
        fields = ["title", "outcome_statement", "value_areas", "lead_body"]
        labels = {"outcome_statement": "Outcome statement", "lead_body": "Lead body"}
        help_texts = {
            "title": "A short name partners will recognise.",
            "outcome_statement": (
                "The shared goal, measurable and meaningful to citizens or frontline staff. "
                "For example: 'Bereaved families tell government once, and every body acts within 10 days'."
            ),
        }
        widgets = {"outcome_statement": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        # An initiative is led by one of its creator's own bodies.
        own_bodies = Body.objects.with_member(user)
        self.fields["lead_body"].queryset = own_bodies
        self.fields["lead_body"].empty_label = None
        self.fields["lead_body"].widget = GovukRadios(choices=self.fields["lead_body"].choices)
        if len(own_bodies) == 1:
            self.initial.setdefault("lead_body", own_bodies[0].pk)


class InitiativeEditForm(VersionedFormMixin, GovukModelForm):
    value_areas = value_areas_field()
    senior_owner_decision_rights = LinesField(
        label="Decisions the senior owner may take",
        help_text=(
            "One decision right per line, for example 'Approve changes to scope within the agreed budget'."
        ),
    )

    class Meta:
        model = Initiative
        fields = [
            "title",
            "outcome_statement",
            "value_areas",
            "status",
            "senior_owner",
            "senior_owner_decision_rights",
            "classification",
        ]
        labels = {
            "outcome_statement": "Outcome statement",
            "senior_owner": "Senior accountable owner",
            "classification": "Security classification",
        }
        help_texts = {
            "senior_owner": "One named person from a participating body, who answers for the shared outcome.",
            "classification": "Shown on every page of the governance pack.",
        }
        widgets = {
            "outcome_statement": forms.Textarea(attrs={"rows": 4}),
            "status": GovukRadios(inline=True),
            "classification": GovukRadios,
        }

    senior_owner_change_reason = reason_field(SENIOR_OWNER)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The senior owner must belong to a body that takes part.
        self.fields["senior_owner"].queryset = User.objects.working_on(self.instance)
        self.fields["senior_owner"].empty_label = "Not named yet"

    def clean(self):
        return ask_why_senior_owner_changes(self, super().clean())

    def as_fields(self) -> dict:
        return {
            **super().as_fields(),
            "senior_owner_change_reason": self.cleaned_data["senior_owner_change_reason"],
        }


def ask_why_senior_owner_changes(form: forms.ModelForm, cleaned: dict) -> dict:
    """Replacing the senior owner needs a reason (initiatives.accountability); the form asks first."""
    stored = form.instance.senior_owner_id  # clean() runs before the instance takes the new values
    chosen = cleaned.get("senior_owner")
    if stored is not None and "senior_owner" in cleaned and getattr(chosen, "pk", None) != stored:
        try:
            cleaned["senior_owner_change_reason"] = change_reason(
                cleaned.get("senior_owner_change_reason", ""), role=SENIOR_OWNER
            )
        except ReasonNeeded as refusal:
            form.add_error("senior_owner_change_reason", str(refusal))
    return cleaned


class ParticipationAddForm(GovukForm):
    body = forms.ModelChoiceField(queryset=Body.objects.none(), label="Body", empty_label="Choose a body")
    role = forms.ChoiceField(label="Role", choices=Participation.Role.choices, widget=GovukRadios)

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.not_taking_part_in(initiative)


class ParticipationEditForm(VersionedFormMixin, GovukModelForm):
    stop_doing = LinesField(
        label="What this body will stop doing",
        help_text=(
            "One commitment per line. Room for the collaboration comes from work each body stops, "
            "for example 'Stop running a separate bereavement helpline'."
        ),
    )

    class Meta:
        model = Participation
        fields = ["role", "stop_doing"]
        widgets = {"role": GovukRadios}


class ProgrammeManagerForm(GovukForm):
    user = forms.ModelChoiceField(queryset=User.objects.none(), label="Person", empty_label="Choose a person")

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.working_on(initiative).exclude(
            pk__in=User.objects.managing(initiative).values("pk")
        )


class BodyRemovalForm(GovukForm):
    """Asked on the confirmation page when the leaving body owns records: who takes them on."""

    successor = forms.ModelChoiceField(
        queryset=Body.objects.none(),
        label="Which body takes on what it owns?",
        empty_label="Choose a body",
        help_text="Its risks, actions, measures and terms pass to this body, to give to its people.",
        error_messages={"required": "Choose which body takes on what it owns"},
    )

    def __init__(self, *args, participation: Participation, **kwargs):
        super().__init__(*args, **kwargs)
        others = Body.objects.taking_part_in(participation.initiative).exclude(pk=participation.body_id)
        self.fields["successor"].queryset = others
