from __future__ import annotations

from django import forms

from collab.govuk_forms import GovukCheckboxes, GovukModelForm, GovukRadios
from collab.versioned_forms import VersionedFormMixin
from governance.forums.models import EscalationLevel, Forum
from initiatives.models import Body, Initiative, User

PURPOSE_HINTS = {
    Forum.Purpose.DECISIONS: "Takes the decisions the senior owner does not take alone.",
    Forum.Purpose.DELIVERY: "Keeps the joint work moving: plans, milestones, dependencies.",
    Forum.Purpose.RISK: "Reviews the shared risk register and what is being done about it.",
}


class ForumForm(VersionedFormMixin, GovukModelForm):
    class Meta:
        model = Forum
        fields = [
            "name",
            "purpose",
            "chair",
            "member_bodies",
            "members",
            "cadence",
            "meets_from",
            "terms_of_reference",
        ]
        labels = {
            "name": "Name",
            "purpose": "Purpose",
            "chair": "Chair",
            "member_bodies": "Member bodies",
            "members": "Named members (optional)",
            "cadence": "How often it meets",
            "meets_from": "Date of its first meeting (optional)",
            "terms_of_reference": "Terms of reference (optional)",
        }
        help_texts = {
            "name": "For example “Tell Us Once programme board”.",
            "member_bodies": "Select all that apply.",
            "members": "One person or role per line, for example “HMRC deputy director, bereavement”.",
            "meets_from": "Or of any meeting it has had. With how often it meets, this puts its meetings in "
            "members' calendars. For example, 3 3 2027.",
        }
        widgets = {
            "purpose": GovukRadios(hints=PURPOSE_HINTS),
            "member_bodies": GovukCheckboxes,
            "members": forms.Textarea(attrs={"rows": 4}),
            "cadence": GovukRadios(inline=True),
            "terms_of_reference": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].required = True
        self.fields["chair"].error_messages["required"] = "Select the chair"
        self.fields["chair"].queryset = User.objects.working_on(initiative)
        self.fields["chair"].empty_label = "Choose a person"
        bodies = self.fields["member_bodies"]
        bodies.queryset = Body.objects.taking_part_in(initiative)
        bodies.required = True
        bodies.error_messages["required"] = "Select at least one member body"
        # Radios need no empty "---------" option: the model fields have no default.
        self.fields["purpose"].choices = Forum.Purpose.choices
        self.fields["cadence"].choices = Forum.Cadence.choices


class EscalationLevelForm(VersionedFormMixin, GovukModelForm):
    class Meta:
        model = EscalationLevel
        fields = ["name", "who", "forum", "threshold"]
        labels = {
            "name": "Name of this level",
            "who": "Who handles issues at this level",
            "forum": "Forum (optional)",
            "threshold": "What sends an issue up to the next level",
        }
        help_texts = {
            "name": "For example “Workstream leads” or “Programme board”.",
            "who": "A named person, role or forum.",
            "threshold": "For example “A risk scoring 15 or more, or a decision over £100,000”.",
        }
        widgets = {"threshold": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forum"].queryset = initiative.forums.all()
        self.fields["forum"].empty_label = "Not a forum"
