from __future__ import annotations

from django import forms

from api.models import ApiToken
from collab.govuk_forms import GovukForm, GovukRadios

# A year at most (api.services.LONGEST_LIFE_DAYS): a token that never expires is a leak that never ends.
LIFETIMES = [("30", "30 days"), ("90", "90 days"), ("180", "180 days"), ("365", "1 year")]


class TokenForm(GovukForm):
    label_size = "m"
    name = forms.CharField(
        label="Name",
        max_length=100,
        help_text="What the token is for, such as “Portfolio dashboard”, so you know which one to revoke.",
        error_messages={"required": "Enter a name for the token"},
    )
    scope = forms.ChoiceField(
        label="What may it do?",
        choices=ApiToken.Scope.choices,
        initial=ApiToken.Scope.READ,
        widget=GovukRadios(
            hints={
                ApiToken.Scope.READ: "Read everything you can see on Joined-up",
                ApiToken.Scope.WRITE: "Also add and change risks, measures, terms and draft decisions as you",
            }
        ),
        error_messages={"required": "Select what the token may do"},
    )
    expires_in_days = forms.TypedChoiceField(
        label="When should it expire?",
        choices=LIFETIMES,
        coerce=int,
        initial="90",
        widget=GovukRadios(),
        error_messages={"required": "Select when the token should expire"},
    )
