"""django-allauth's account forms in GOV.UK dress: our labels, hints and error wording.

Registered in settings.ACCOUNT_FORMS, so allauth's own views (sign in, password reset and change)
validate with them and our templates render them with the GOV.UK components.
"""

from __future__ import annotations

from allauth.account import forms as allauth_forms
from django import forms

from collab.govuk_forms import GovukFormMixin
from people.single_sign_on import provider_for_email, sign_in_redirect

EMAIL_FORMAT = "Enter an email address in the correct format, like name@example.gov.uk"
HOW_TO_CHOOSE = (
    "At least 12 characters. Avoid common passwords and anything like your name or email address. "
    "Three random words work well."
)


def email_input(field: forms.Field) -> None:
    field.label = "Email address"
    field.widget = forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"})
    field.error_messages["required"] = "Enter your email address"
    field.error_messages["invalid"] = EMAIL_FORMAT


def password_input(field: forms.Field, label: str, *, autocomplete: str, hint: str = "") -> None:
    """A password box as GOV.UK asks: no placeholder, the label above, an optional hint."""
    field.label = label
    field.help_text = hint
    field.widget.attrs = {"autocomplete": autocomplete}
    field.error_messages["required"] = f"Enter {label[:1].lower()}{label[1:]}"


def new_password_pair(form: forms.Form, first: str = "Create a password", again: str = "Confirm password"):
    password_input(form.fields["password1"], first, autocomplete="new-password", hint=HOW_TO_CHOOSE)
    password_input(form.fields["password2"], again, autocomplete="new-password")
    form.fields["password2"].error_messages["required"] = "Enter the password again to confirm it"


class SamePasswordTwice:
    """Passwords that differ, said the GOV.UK way (allauth's own mixin words it differently)."""

    def clean(self):
        cleaned_data = super(allauth_forms.PasswordVerificationMixin, self).clean()
        first, second = cleaned_data.get("password1"), cleaned_data.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The passwords do not match. Enter the same password twice")
        return cleaned_data


class SignInForm(GovukFormMixin, allauth_forms.LoginForm):
    """Email address and password; or, for a body with single sign-on, on to its own sign-in page.

    The address is posted as "username", as Django's own sign-in form posts it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"] = self.fields.pop("login")
        self.order_fields(["username", "password"])
        email_input(self.fields["username"])
        password_input(self.fields["password"], "Password", autocomplete="current-password")
        # Required unless the address belongs to a body that signs its people in itself.
        self.fields["password"].required = False
        self.single_sign_on = None

    def user_credentials(self) -> dict:
        credentials = {"email": self.cleaned_data["username"].strip().lower()}
        if password := self.cleaned_data.get("password"):
            credentials["password"] = password
        return credentials

    def clean(self):
        if self._errors:
            return self.cleaned_data
        email = self.cleaned_data["username"].strip().lower()
        self.single_sign_on = provider_for_email(email)
        if self.single_sign_on is not None:
            return self.cleaned_data
        if not self.cleaned_data.get("password"):
            self.add_error("password", "Enter your password")
            return self.cleaned_data
        self.cleaned_data["login"] = email
        return super().clean()

    def login(self, request, redirect_url=None):
        if self.single_sign_on is not None:
            return sign_in_redirect(
                request, self.single_sign_on, email=self.cleaned_data["username"], next_url=redirect_url
            )
        return super().login(request, redirect_url=redirect_url)


class PasswordResetForm(GovukFormMixin, allauth_forms.ResetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email_input(self.fields["email"])
        self.fields["email"].help_text = "The address you sign in with."


class PasswordResetFromKeyForm(GovukFormMixin, SamePasswordTwice, allauth_forms.ResetPasswordKeyForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        new_password_pair(self, "New password", "Confirm new password")


class PasswordChangeForm(GovukFormMixin, SamePasswordTwice, allauth_forms.ChangePasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        password_input(self.fields["oldpassword"], "Current password", autocomplete="current-password")
        new_password_pair(self, "New password", "Confirm new password")


class PasswordSetForm(GovukFormMixin, SamePasswordTwice, allauth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        new_password_pair(self)


class ReauthenticateForm(GovukFormMixin, allauth_forms.ReauthenticateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        password_input(self.fields["password"], "Password", autocomplete="current-password")
