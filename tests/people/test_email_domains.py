"""A body's allowed email domains: what they match, and what the admin accepts."""

import pytest
from django.core.exceptions import ValidationError

from initiatives.models import Body, validate_email_domains
from people.models import validate_environment_variable_name


def body(domains: str) -> Body:
    return Body(allowed_email_domains=domains)


@pytest.mark.parametrize(
    ("domains", "email", "allowed"),
    [
        ("dwp.gov.uk", "a.person@dwp.gov.uk", True),
        ("dwp.gov.uk", "A.Person@DWP.GOV.UK", True),
        ("dwp.gov.uk", "analyst@digital.dwp.gov.uk", True),
        ("dwp.gov.uk", "someone@notdwp.gov.uk", False),
        ("dwp.gov.uk", "someone@dwp.gov.uk.evil.example", False),
        ("dwp.gov.uk, @engineering.dwp.gov.uk", "x@engineering.dwp.gov.uk", True),
        ("", "anyone@dwp.gov.uk", False),
    ],
)
def test_an_address_is_allowed_only_at_one_of_the_domains_or_below_them(domains, email, allowed):
    assert body(domains).allows_email(email) is allowed


def test_the_admin_accepts_a_list_of_domains_and_names_one_that_is_not():
    validate_email_domains("dwp.gov.uk, hmrc.gov.uk")

    with pytest.raises(ValidationError, match="gmail is not one"):
        validate_email_domains("dwp.gov.uk, gmail")


def test_a_single_sign_on_secret_is_named_by_an_environment_variable_not_given():
    validate_environment_variable_name("DWP_SSO_CLIENT_SECRET")

    with pytest.raises(ValidationError):
        validate_environment_variable_name("s3cr3t value")
