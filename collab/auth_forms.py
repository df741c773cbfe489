from django import forms
from django.contrib.auth.forms import AuthenticationForm

from collab.govuk_forms import GovukFormMixin


class SignInForm(GovukFormMixin, AuthenticationForm):
    # One message whether the email is unknown or the password wrong, so the form
    # never tells an attacker which email addresses have accounts.
    error_messages = {
        "invalid_login": "Enter a correct email address and password",
        "inactive": "Enter a correct email address and password",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email address"
        self.fields["username"].widget = forms.EmailInput(
            attrs={"autocomplete": "email", "spellcheck": "false"}
        )
        self.fields["username"].error_messages["required"] = "Enter your email address"
        self.fields["password"].error_messages["required"] = "Enter your password"
