"""Every form gets GOV.UK length limits and messages from GovukFormMixin, whatever its fields are."""

import pytest
from django import forms

from collab.auth_forms import SignInForm
from collab.govuk_forms import LONG_TEXT_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH, GovukForm, GovukRadios, LinesField
from governance.raci.forms import RaciRowForm
from governance.risks.forms import RiskActionForm, RiskForm
from initiatives.forms import InitiativeCreateForm


class Notes(GovukForm):
    summary = forms.CharField(label="Summary")
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    share = forms.CharField(label="Share of cases (%)", max_length=5, required=False)
    reason = forms.CharField(
        label="Reason", max_length=20, required=False, error_messages={"max_length": "Keep it short"}
    )
    lines = LinesField(label="Items")


def test_a_text_box_with_no_limit_of_its_own_refuses_more_than_ten_thousand_characters():
    form = Notes({"summary": "ok", "notes": "x" * (LONG_TEXT_MAX_LENGTH + 1)})

    assert form.errors["notes"] == ["Notes must be 10,000 characters or fewer"]


def test_a_one_line_input_with_no_limit_of_its_own_refuses_more_than_a_thousand():
    form = Notes({"summary": "x" * (SHORT_TEXT_MAX_LENGTH + 1)})

    assert form.errors["summary"] == ["Summary must be 1,000 characters or fewer"]


def test_text_at_the_limit_is_accepted():
    form = Notes({"summary": "x" * SHORT_TEXT_MAX_LENGTH, "notes": "x" * LONG_TEXT_MAX_LENGTH})

    assert form.is_valid(), form.errors


def test_a_field_keeps_its_own_limit_and_its_own_message_and_a_percent_sign_in_a_label_is_safe():
    form = Notes({"summary": "ok", "share": "123456", "reason": "x" * 21})

    assert form.errors["share"] == ["Share of cases (%) must be 5 characters or fewer"]
    assert form.errors["reason"] == ["Keep it short"]


def test_lines_keep_their_own_per_line_limit():
    form = Notes({"summary": "ok", "lines": "x" * 1_000_000})

    assert form.errors["lines"] == ["Each line must be 300 characters or fewer"]


@pytest.mark.django_db
def test_a_model_text_field_no_longer_takes_a_megabyte(world):
    # Found by tests/edges/test_bad_input.py: model TextFields had no limit, so a pasted
    # megabyte was stored and shown on the overview, the register and the governance pack.
    data = {"title": "Big", "outcome_statement": "x" * 1_000_000, "value_areas": ["data_sharing"]}
    form = InitiativeCreateForm({**data, "lead_body": world.lead_body.pk}, user=world.programme_manager)

    assert form.errors["outcome_statement"] == ["Outcome statement must be 10,000 characters or fewer"]


@pytest.mark.django_db
def test_a_model_char_field_says_its_limit_the_gov_uk_way(world):
    form = RaciRowForm({"activity": "x" * 201, "kind": "activity"}, initiative=world.initiative)

    assert form.errors["activity"] == ["Activity or decision must be 200 characters or fewer"]


@pytest.mark.django_db
def test_an_oversized_email_address_is_refused_at_its_field_on_sign_in():
    # Django's sign-in form sets max_length after making the field, so nothing checked it.
    form = SignInForm(data={"username": "a" * 1_000_000 + "@example.com", "password": "x"})

    assert form.errors["username"] == ["Email address must be 254 characters or fewer"]


class Answer(GovukForm):
    appetite = forms.ChoiceField(
        label="Risk appetite", choices=[("", "---------"), ("open", "Open")], widget=GovukRadios
    )
    proximity = forms.ChoiceField(
        label="Proximity", required=False, choices=[("", "Not stated"), ("near", "Near")], widget=GovukRadios
    )


def test_radios_never_offer_the_dashed_blank_but_keep_a_blank_with_a_real_label():
    html = str(Answer())

    assert "---------" not in html
    assert "Not stated" in html
    assert Answer({}).errors["appetite"] == ["Select risk appetite"]


@pytest.mark.django_db
def test_the_risk_forms_offer_no_dashed_radio(world):
    # Found by the bad-input fuzz's form discovery: appetite, treatment and a control or
    # action's kind were drawn as radios with a "---------" option, checked to start with.
    risk = RiskForm(initiative=world.initiative, user=world.programme_manager, manages_all=True)
    action = RiskActionForm(initiative=world.initiative)

    assert "---------" not in str(risk["appetite"]) + str(risk["treatment"]) + str(action["kind"])
