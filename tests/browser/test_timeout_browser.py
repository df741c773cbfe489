"""The idle timeout in a real browser: the warning dialog, staying signed in, and typed text kept.

Sessions here last seconds, not 30 minutes, so the warning shows (and the session ends) quickly.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

KEEP_ALIVE = "/session/keep-alive/"
WARNING = "You\u2019re about to be signed out"
TYPED = "Families tell us once, and nobody asks them again."


def kept_alive(response) -> bool:
    return response.url.endswith(KEEP_ALIVE) and response.request.method == "POST"


def test_the_warning_is_an_accessible_modal_dialog_used_by_keyboard_and_staying_signed_in_extends_the_session(
    page, live_server, world, settings
):
    # The warning shows five seconds after a page loads.
    settings.SESSION_COOKIE_AGE = 125
    settings.SESSION_TIMEOUT_WARNING = 120
    sign_in(page, live_server, world.partner_member)
    page.goto(f"{live_server.url}{world.initiative.get_absolute_url()}")
    # Where someone was on the page: the dialog gives focus back here each time it closes.
    reading = page.locator("#main-content a[href]").first
    reading.focus()

    dialog = page.get_by_role("dialog", name=WARNING)
    expect(dialog).to_be_visible(timeout=15_000)
    stay = dialog.get_by_role("button", name="Stay signed in")
    sign_out = dialog.get_by_role("button", name="Sign out")
    expect(dialog).to_contain_text("You will be signed out in 2 minutes.")
    expect(stay).to_be_focused()
    announcement = page.locator("[data-timeout-announcement]")
    assert announcement.get_attribute("aria-live") == "polite"
    expect(announcement).to_have_text("You will be signed out in 2 minutes.")
    assert_accessible(page)

    # Focus stays in the dialog: round from the last control to the first, and back.
    page.keyboard.press("Tab")
    expect(sign_out).to_be_focused()
    page.keyboard.press("Tab")
    expect(stay).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(sign_out).to_be_focused()

    # Escape means "Stay signed in", and focus goes back where it was.
    with page.expect_response(kept_alive) as kept:
        page.keyboard.press("Escape")
    assert kept.value.status == 200
    expect(dialog).to_be_hidden()
    expect(reading).to_be_focused()

    # Five seconds on it warns again; this time the button, from the keyboard: Enter, then Space.
    for key in ("Enter", "Space"):
        expect(dialog).to_be_visible(timeout=15_000)
        expect(stay).to_be_focused()
        with page.expect_response(kept_alive) as kept:
            page.keyboard.press(key)
        assert kept.value.status == 200
        expect(dialog).to_be_hidden()
        expect(reading).to_be_focused()
    page.reload()
    expect(page.get_by_text("Signed in as Siân Evans")).to_be_visible()

    expect(dialog).to_be_visible(timeout=15_000)
    page.keyboard.press("Tab")
    expect(sign_out).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("You have signed out")


def test_what_someone_was_typing_is_put_back_after_the_session_ends_and_they_sign_in_again(
    page, live_server, world, settings
):
    settings.SESSION_COOKIE_AGE = 8
    settings.SESSION_TIMEOUT_WARNING = 4
    sign_in(page, live_server, world.programme_manager)
    edit = f"{live_server.url}/initiatives/{world.initiative.slug}/edit/"
    page.goto(edit)
    page.get_by_label("Outcome statement").fill(TYPED)

    expect(page.get_by_role("dialog", name=WARNING)).to_be_visible(timeout=15_000)
    page.wait_for_url("**/signed-out/**", timeout=20_000)
    expect(page.get_by_role("heading", level=1)).to_have_text("You have been signed out")
    assert_accessible(page)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Email address").fill(world.programme_manager.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.wait_for_url(edit)
    expect(page.get_by_label("Outcome statement")).to_have_value(TYPED)
    expect(page.get_by_text("We have put back what you typed before you were signed out.")).to_be_visible()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Initiative updated")

    # Saved, so nothing is kept to put back.
    page.goto(edit)
    expect(page.get_by_label("Outcome statement")).to_have_value(TYPED)
    expect(page.get_by_text("We have put back what you typed")).to_have_count(0)
