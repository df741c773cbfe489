"""django-allauth's two-step verification forms in GOV.UK dress (settings.MFA_FORMS)."""

from __future__ import annotations

from allauth.mfa.base import forms as base_forms
from allauth.mfa.recovery_codes import forms as recovery_forms
from allauth.mfa.totp import forms as totp_forms
from django import forms

from collab.govuk_forms import GovukFormMixin


def code_input(field: forms.Field, label: str, hint: str) -> None:
    """A one-time code box: numeric keyboard, no placeholder, hint above."""
    field.label = label
    field.help_text = hint
    field.widget.attrs = {
        "autocomplete": "one-time-code",
        "inputmode": "numeric",
        "spellcheck": "false",
        "class": "govuk-input--width-10",
    }
    field.error_messages["required"] = "Enter the code"


SIGN_IN_HINT = (
    "The 6-digit code your authenticator app shows for Joined-up. If you do not have your phone, "
    "enter one of your recovery codes instead."
)


class AuthenticateForm(GovukFormMixin, base_forms.AuthenticateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        code_input(self.fields["code"], "Security code", SIGN_IN_HINT)


class ReauthenticateForm(GovukFormMixin, base_forms.ReauthenticateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        code_input(self.fields["code"], "Security code", SIGN_IN_HINT)


class ActivateTOTPForm(GovukFormMixin, totp_forms.ActivateTOTPForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        code_input(
            self.fields["code"],
            "Enter the 6-digit code from your authenticator app",
            "The app shows a new code every 30 seconds.",
        )


class DeactivateTOTPForm(GovukFormMixin, totp_forms.DeactivateTOTPForm):
    pass


class GenerateRecoveryCodesForm(GovukFormMixin, recovery_forms.GenerateRecoveryCodesForm):
    pass
