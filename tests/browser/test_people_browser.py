"""People joining and leaving, in a real browser: invitations by real email, two-step verification,
forgotten passwords, lockout, single sign-on against a real identity provider, and deactivation."""

import pyotp
import pytest
from playwright.sync_api import expect

from initiatives.models import Membership, User
from people.models import IdentityProvider
from tests.browser.conftest import assert_accessible, sign_in, watch_for_errors
from tests.browser.identity_provider import identity_provider
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "lighthouse-marmalade-quarry"


@pytest.fixture
def joining(world, settings, live_server):
    """Links in emails point at the live server; each body's people are at <short name>.example."""
    settings.SITE_URL = live_server.url
    for body in (world.lead_body, world.partner_body):
        body.allowed_email_domains = f"{body.short_name.lower()}.example"
        body.save()
    return world


def another_browser(browser):
    """A second person, in a browser of their own (no cookies shared with the first)."""
    page = browser.new_context().new_page()
    page.set_default_timeout(10_000)
    return page, watch_for_errors(page)


def test_a_new_partner_member_is_invited_by_email_joins_with_two_step_verification_and_sees_the_initiative(
    page, live_server, joining, mailbox, browser
):
    sign_in(page, live_server, joining.programme_manager)
    page.goto(f"{live_server.url}/initiatives/{joining.initiative.slug}/team/")
    page.get_by_role("button", name="Invite someone").click()
    assert_accessible(page)
    page.get_by_label("Email address").fill("nia.roberts@hmrc.example")
    page.get_by_label("Body they work for").select_option(label="HM Revenue and Customs")
    page.get_by_label("Member", exact=True).check()
    page.get_by_role("button", name="Send invitation").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Invitation sent")
    expect(page.get_by_role("row", name="nia.roberts@hmrc.example")).to_contain_text("Pending")

    email = mailbox.wait_for(to="nia.roberts@hmrc.example", subject="You are invited")
    invitee, errors = another_browser(browser)
    invitee.goto(mailbox.link_in(email, "/invitations/"))
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Join Tell Us Once for bereavement")
    assert_accessible(invitee)
    invitee.get_by_label("Full name").fill("Nia Roberts")
    invitee.get_by_label("Create a password").fill(NEW_PASSWORD)
    invitee.get_by_label("Confirm password").fill(NEW_PASSWORD)
    invitee.get_by_role("button", name="Create account").click()

    expect(invitee.get_by_role("heading", level=1)).to_have_text("Set up two-step verification")
    assert_accessible(invitee)
    key = invitee.locator("[data-setup-key]").inner_text()
    invitee.get_by_label("Enter the 6-digit code from your authenticator app").fill(pyotp.TOTP(key).now())
    invitee.get_by_role("button", name="Turn on two-step verification").click()
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
    expect(invitee.locator("[data-recovery-codes] li")).to_have_count(10)
    assert_accessible(invitee)
    invitee.get_by_role("button", name="Continue").click()

    expect(invitee.get_by_role("heading", level=1)).to_have_text("Tell Us Once for bereavement")
    expect(invitee.get_by_text("Signed in as Nia Roberts")).to_be_visible()
    assert errors == []
    page.reload()
    expect(page.get_by_role("row", name="nia.roberts@hmrc.example")).to_contain_text("Accepted")


def test_someone_who_forgot_their_password_resets_it_from_the_emailed_link(
    page, live_server, joining, mailbox
):
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_role("link", name="Forgotten your password?").click()
    page.get_by_label("Email address").fill(joining.partner_member.email)
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")

    email = mailbox.wait_for(to=joining.partner_member.email, subject="Reset your Joined-up password")
    page.goto(mailbox.link_in(email, "/password/reset/"))
    assert "/password/reset/" in page.url and "set-password" in page.url  # the key left the address
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Confirm new password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your password has been reset")
    assert_accessible(page)

    sign_in(page, live_server, joining.partner_member, NEW_PASSWORD)


def test_a_locked_out_person_is_emailed_a_link_that_unlocks_them_and_an_administrator_can_unlock_another(
    page, live_server, joining, mailbox, settings, browser
):
    settings.AXES_ENABLED = True
    for person in (joining.partner_member, joining.programme_manager):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            page.goto(f"{live_server.url}/sign-in/")
            page.get_by_label("Email address").fill(person.email)
            page.get_by_label("Password").fill("not my password")
            page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Too many attempts to sign in")

    email = mailbox.wait_for(to=joining.partner_member.email, subject="Signing in to Joined-up is paused")
    page.goto(mailbox.link_in(email, "/password/reset/"))
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Confirm new password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save password").click()
    sign_in(page, live_server, joining.partner_member, NEW_PASSWORD)

    admin, errors = another_browser(browser)
    sign_in(admin, live_server, joining.administrator)
    admin.goto(f"{live_server.url}/admin/initiatives/user/{joining.programme_manager.pk}/change/")
    expect(admin.get_by_text("locked out after too many failed sign-ins")).to_be_visible()
    admin.get_by_role("button", name="Unlock sign-in").click()
    expect(admin.get_by_text("can try signing in again now")).to_be_visible()
    assert errors == []

    manager, _ = another_browser(browser)
    sign_in(manager, live_server, joining.programme_manager)


def test_deactivating_a_leaver_ends_their_session_in_another_browser_at_once(
    page, live_server, joining, browser
):
    Membership.objects.filter(user=joining.programme_manager, body=joining.lead_body).update(
        is_body_lead=True
    )
    leaver, _ = another_browser(browser)
    sign_in(leaver, live_server, joining.senior_owner)
    leaver.goto(f"{live_server.url}{joining.initiative.get_absolute_url()}")

    sign_in(page, live_server, joining.programme_manager)
    page.get_by_role("link", name="People").click()
    page.get_by_role("link", name="David Okafor").click()
    assert_accessible(page)
    page.get_by_role("button", name="Deactivate David Okafor").click()
    expect(page.get_by_text("Senior accountable owner of Tell Us Once for bereavement")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Why are they leaving? (optional)").fill("Moved to HMRC")
    page.get_by_role("button", name="Deactivate").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("signed out everywhere")

    leaver.reload()
    assert "/sign-in/" in leaver.url
    leaver.get_by_label("Email address").fill(joining.senior_owner.email)
    leaver.get_by_label("Password").fill(TEST_PASSWORD)
    leaver.get_by_role("button", name="Sign in").click()
    expect(leaver.get_by_role("heading", level=1)).to_have_text("Your account has been deactivated")


def test_a_body_with_single_sign_on_signs_its_people_in_at_its_own_identity_provider(
    page, live_server, joining, mailbox, tmp_path, monkeypatch, browser
):
    monkeypatch.setenv("HMRC_SSO_CLIENT_SECRET", "a-client-secret-from-the-environment")
    people = [
        {
            "username": "nia",
            "password": "idp-password-1",
            "email": "nia.roberts@hmrc.example",
            "first_name": "Nia",
            "last_name": "Roberts",
        },
        {
            "username": "sian",
            "password": "idp-password-2",
            "email": joining.partner_member.email,
            "first_name": "Siân",
            "last_name": "Evans",
        },
        {
            "username": "intruder",
            "password": "idp-password-3",
            "email": joining.programme_manager.email,
            "first_name": "Not",
            "last_name": "Priya",
        },
    ]
    with identity_provider(
        tmp_path,
        client_id="joined-up",
        client_secret="a-client-secret-from-the-environment",
        redirect_uri=f"{live_server.url}/sign-in/with/hmrc/callback/",
        users=people,
    ) as issuer:
        IdentityProvider.objects.create(
            body=joining.partner_body,
            slug="hmrc",
            issuer=issuer,
            client_id="joined-up",
            client_secret_variable="HMRC_SSO_CLIENT_SECRET",
        )
        invited_through_single_sign_on(page, live_server, joining, mailbox, browser)
        existing_account_signs_in_with_single_sign_on(page, live_server, joining, browser)
        provider_cannot_sign_in_another_bodys_person(live_server, joining, browser)


def idp_user(username, password, email, first_name, last_name) -> dict:
    return {
        "username": username,
        "password": password,
        "email": email,
        "first_name": first_name,
        "last_name": last_name,
    }


def sign_in_at_the_provider(page, username: str, password: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text("HM Revenue and Customs staff sign-in")
    page.get_by_label("Staff username").fill(username)
    page.get_by_label("Staff password").fill(password)
    page.get_by_role("button", name="Sign in to HMRC").click()


def invited_through_single_sign_on(page, live_server, joining, mailbox, browser):
    sign_in(page, live_server, joining.programme_manager)
    page.goto(f"{live_server.url}/initiatives/{joining.initiative.slug}/team/invite/")
    page.get_by_label("Email address").fill("nia.roberts@hmrc.example")
    page.get_by_label("Body they work for").select_option(label="HM Revenue and Customs")
    page.get_by_label("Member", exact=True).check()
    page.get_by_role("button", name="Send invitation").click()

    invitee, errors = another_browser(browser)
    invitee.goto(mailbox.link_in(mailbox.wait_for(to="nia.roberts@hmrc.example"), "/invitations/"))
    expect(invitee.get_by_label("Create a password")).to_have_count(0)
    assert_accessible(invitee)
    invitee.get_by_role("button", name="Continue with HMRC single sign-on").click()
    sign_in_at_the_provider(invitee, "nia", "idp-password-1")

    expect(invitee.get_by_role("heading", level=1)).to_have_text("Tell Us Once for bereavement")
    expect(invitee.get_by_text("Signed in as Nia Roberts")).to_be_visible()
    nia = User.objects.get(email="nia.roberts@hmrc.example")
    assert not nia.has_usable_password()
    assert Membership.objects.filter(user=nia, body=joining.partner_body).exists()
    assert errors == []


def existing_account_signs_in_with_single_sign_on(page, live_server, joining, browser):
    person, errors = another_browser(browser)
    person.goto(f"{live_server.url}/sign-in/")
    person.get_by_label("Email address").fill(joining.partner_member.email)
    person.get_by_role("button", name="Sign in").click()
    sign_in_at_the_provider(person, "sian", "idp-password-2")

    expect(person.get_by_text("Signed in as Siân Evans")).to_be_visible()
    assert person.url == f"{live_server.url}/"
    assert errors == []


def provider_cannot_sign_in_another_bodys_person(live_server, joining, browser):
    """HMRC's provider asserting a DWP address links to nobody: it does not speak for DWP."""
    person, _ = another_browser(browser)
    person.goto(f"{live_server.url}/sign-in/")
    person.get_by_label("Email address").fill("someone@hmrc.example")
    person.get_by_role("button", name="Sign in").click()
    sign_in_at_the_provider(person, "intruder", "idp-password-3")

    expect(person.get_by_role("heading", level=1)).to_have_text("We could not sign you in")
    person.goto(f"{live_server.url}/")
    assert "/sign-in/" in person.url
