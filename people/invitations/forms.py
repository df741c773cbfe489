from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation

from collab.govuk_forms import GovukForm, GovukRadios
from initiatives.models import Body, Initiative, User
from people.invitations.services import InvitationRefused, invitation_check
from people.models import Invitation
from people.sign_in.forms import EMAIL_FORMAT, new_password_pair

ROLE_HINTS = {
    Invitation.Role.MEMBER: (
        "Sees the initiatives their body takes part in, and edits their body's own risks, measures "
        "and data definitions."
    ),
    Invitation.Role.PROGRAMME_MANAGER: "Runs the initiative: edits it, its registers and its team.",
    Invitation.Role.SENIOR_OWNER_CANDIDATE: (
        "Can then be named senior accountable owner when the initiative is edited. They set up "
        "two-step verification when they accept."
    ),
    Invitation.Role.ASSURANCE_REVIEWER: (
        "Reads the initiative and records assurance reviews. Only for people in the Assurance "
        "reviewers group, unless an administrator invites them."
    ),
}


def body_choices(initiative: Initiative) -> list:
    """Bodies taking part first; other bodies only for assurance reviewers, who come from outside."""
    taking_part = list(Body.objects.filter(participations__initiative=initiative).order_by("name"))
    others = Body.objects.exclude(pk__in=[body.pk for body in taking_part]).order_by("name")
    return [
        ("", "Choose a body"),
        ("Bodies taking part", [(body.pk, body.name) for body in taking_part]),
        ("Other bodies, for assurance reviewers", [(body.pk, body.name) for body in others]),
    ]


class InvitationForm(GovukForm):
    email = forms.EmailField(
        label="Email address",
        help_text="Their work address. It must be at one of their body's email domains.",
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"invalid": EMAIL_FORMAT},
    )
    body = forms.TypedChoiceField(label="Body they work for", coerce=int)
    role = forms.ChoiceField(
        label="Role", choices=Invitation.Role.choices, widget=GovukRadios(hints=ROLE_HINTS)
    )
    override_domain = forms.BooleanField(
        label="Invite them even though the address is not at one of the body's email domains",
        required=False,
    )

    def __init__(self, *args, initiative: Initiative, by: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiative = initiative
        self.by = by
        self.fields["body"].choices = body_choices(initiative)
        self.fields["body"].error_messages["required"] = "Select the body they work for"
        self.fields["body"].error_messages["invalid_choice"] = "Select the body they work for"
        if not by.has_perm("people.override_email_domain"):
            del self.fields["override_domain"]

    def clean_body(self) -> Body:
        return Body.objects.get(pk=self.cleaned_data["body"])

    def clean(self):
        cleaned_data = super().clean()
        if self.errors:
            return cleaned_data
        try:
            invitation_check(
                initiative=self.initiative,
                email=cleaned_data["email"],
                body=cleaned_data["body"],
                role=cleaned_data["role"],
                by=self.by,
                override_domain=cleaned_data.get("override_domain", False),
            )
        except InvitationRefused as refusal:
            self.add_error(refusal.field, str(refusal))
        return cleaned_data


class AcceptInvitationForm(GovukForm):
    """The invitee's name and a password for their new account."""

    full_name = forms.CharField(
        label="Full name",
        max_length=150,
        help_text="As colleagues in other bodies will see it.",
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    password1 = forms.CharField(strip=False, widget=forms.PasswordInput)
    password2 = forms.CharField(strip=False, widget=forms.PasswordInput)

    def __init__(self, *args, invitation: Invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation
        self.fields["full_name"].error_messages["required"] = "Enter your full name"
        new_password_pair(self)

    def clean(self):
        cleaned_data = super().clean()
        first, second = cleaned_data.get("password1"), cleaned_data.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The passwords do not match. Enter the same password twice")
        elif first:
            # Checked against Django's validators, including the common-password list, and against
            # the person's own name and address.
            person = User(email=self.invitation.email, full_name=cleaned_data.get("full_name", ""))
            try:
                password_validation.validate_password(first, person)
            except forms.ValidationError as problems:
                self.add_error("password1", problems)
        return cleaned_data
