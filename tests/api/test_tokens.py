"""People make, see once, list and revoke their own tokens; operators make one with a command."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from api.models import ApiToken
from api.services import TokenProblem, token_create

pytestmark = pytest.mark.django_db


def test_a_person_creates_a_token_and_sees_its_secret_once(world, client):
    client.force_login(world.partner_member)

    response = client.post(
        "/account/api-tokens/new/", {"name": "Power BI", "scope": "write", "expires_in_days": "365"}
    )

    token = ApiToken.objects.get(person=world.partner_member)
    page = response.content.decode()
    shown = re.search(r'value="(jup_[^"]+)"', page)
    assert response.status_code == 200 and shown
    secret = shown.group(1)
    assert token.can_write and token.name == "Power BI"
    assert (token.expires_at - token.created_at).days == 365
    assert Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/v1/initiatives/").status_code == 200
    listing = client.get("/account/api-tokens/").content.decode()
    assert "Power BI" in listing and token.prefix in listing and secret not in listing


@pytest.mark.parametrize(
    ("answers", "error"),
    [
        ({"name": "", "scope": "read", "expires_in_days": "30"}, "Enter a name for the token"),
        ({"name": "x", "scope": "admin", "expires_in_days": "30"}, "Select a valid choice"),
        ({"name": "x", "scope": "read", "expires_in_days": "3650"}, "Select a valid choice"),
    ],
)
def test_the_form_refuses_a_token_without_a_name_or_beyond_a_year(world, client, answers, error):
    client.force_login(world.partner_member)

    response = client.post("/account/api-tokens/new/", answers)

    assert response.status_code == 200 and error in response.content.decode()
    assert not ApiToken.objects.exists()


def test_revoking_asks_first_then_the_token_stops(world, client):
    token, secret = token_create(person=world.partner_member, name="Old", scope="read", expires_in_days=30)
    client.force_login(world.partner_member)
    url = f"/account/api-tokens/{token.pk}/revoke/"

    asked = client.get(url)
    unconfirmed = client.post(url)
    done = client.post(url, {"confirmed": "yes"})

    assert asked.status_code == 200 and "Revoke the token" in asked.content.decode()
    assert unconfirmed.status_code == 302 and unconfirmed.url == url
    assert done.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/v1/initiatives/").status_code == 401
    assert "Revoked" in client.get("/account/api-tokens/").content.decode()


def test_nobody_revokes_another_persons_token(world, client):
    token, _secret = token_create(
        person=world.partner_member, name="Theirs", scope="read", expires_in_days=30
    )
    client.force_login(world.programme_manager)

    assert client.post(f"/account/api-tokens/{token.pk}/revoke/", {"confirmed": "yes"}).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_your_account_links_to_your_tokens(world, client):
    client.force_login(world.partner_member)

    assert "/account/api-tokens/" in client.get("/account/").content.decode()


@pytest.mark.parametrize("days", [0, 366])
def test_the_service_refuses_a_token_that_never_really_expires_or_expires_at_once(world, days):
    with pytest.raises(TokenProblem):
        token_create(person=world.outsider, name="x", scope="read", expires_in_days=days)


def test_the_command_prints_a_working_token(world):
    out, err = io.StringIO(), io.StringIO()

    call_command(
        "create_api_token", world.programme_manager.email, "--write", "--expires", "7", stdout=out, stderr=err
    )

    secret = out.getvalue().strip()
    token = ApiToken.objects.get(person=world.programme_manager)
    assert token.can_write and (token.expires_at - token.created_at).days == 7
    assert "Read and write token" in err.getvalue()
    assert Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/v1/initiatives/").status_code == 200


@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        (["nobody@example.com"], "Nobody has the email address"),
        (["{email}", "--expires", "400"], "at most 365 days"),
        (["{email}", "--expires", "0"], "at least 1 day"),
    ],
)
def test_the_command_names_what_is_wrong(world, arguments, problem):
    arguments = [each.format(email=world.programme_manager.email) for each in arguments]

    with pytest.raises(CommandError, match=problem):
        call_command("create_api_token", *arguments, stdout=io.StringIO(), stderr=io.StringIO())
