"""The governance packs page while a pack is built: it changes in place, without a reload, leaves focus
where it was and says what happened through a polite live region.

The build's message is held back, as a busy worker would hold it, and the test does the worker's job
itself, so the page is seen waiting and then seen to change."""

import pytest
from playwright.sync_api import expect

from governance.packs.jobs import pack_build, pack_claim, pack_fail
from governance.packs.models import GovernancePack
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.pack_fixtures import private_files  # noqa: F401

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("private_files")]

ANNEX = "Also print the complete registers in an annex"


@pytest.fixture
def waiting_page(page, live_server, world, monkeypatch):
    """The packs page just after a programme manager asked for a pack that nobody has built yet."""
    monkeypatch.setattr("governance.packs.services.enqueue_on_commit", lambda task, *args: None)
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/packs/")
    page.get_by_role("button", name="Create a governance pack").click()
    expect(page.get_by_text("Version 1 of the governance pack is being built")).to_be_visible()
    live = page.locator("[data-pack-announcement]")
    expect(live).to_have_attribute("role", "status")
    expect(live).to_have_attribute("aria-live", "polite")
    expect(live).to_have_text("")
    expect(page.get_by_role("link", name="Refresh the page")).to_be_visible()
    # Survives only if the page is never loaded again.
    page.evaluate("window.notReloaded = true")
    return page


def test_the_page_shows_the_ready_pack_in_place_keeps_focus_and_announces_it(waiting_page):
    page = waiting_page
    annex = page.get_by_label(ANNEX)
    annex.focus()

    pack = pack_claim(pack_id=GovernancePack.objects.get().pk)
    expect(page.locator("[data-pack-status-text]")).to_have_text("Building")
    expect(page.locator("[data-pack-announcement]")).to_have_text("Governance pack version 1: Building.")
    pack_build(pack=pack)

    expect(page.locator("[data-pack-announcement]")).to_have_text(
        "Governance pack ready. Version 1 can be downloaded.", timeout=15_000
    )
    expect(page.get_by_role("link", name="Download version 1 (PDF")).to_be_visible()
    expect(page.get_by_role("link", name="Refresh the page")).to_have_count(0)
    expect(page.get_by_role("table").get_by_role("link", name="Download version 1")).to_be_visible()
    expect(annex).to_be_focused()
    assert page.evaluate("window.notReloaded") is True
    assert_accessible(page)


def test_a_failed_pack_is_explained_in_place_and_focus_on_the_vanished_refresh_link_stays_nearby(
    waiting_page,
):
    page = waiting_page
    page.get_by_role("link", name="Refresh the page").focus()

    pack_fail(pack_id=GovernancePack.objects.get().pk, reason="The file store was unavailable. Ask again.")

    expect(page.locator("[data-pack-announcement]")).to_have_text(
        "Governance pack failed. Version 1 could not be built: The file store was unavailable. Ask again.",
        timeout=15_000,
    )
    status = page.locator("[data-pack-part=status]")
    expect(status).to_contain_text("Version 1 could not be built: The file store was unavailable.")
    expect(status).to_be_focused()  # not sent back to the top of the page
    assert page.evaluate("window.notReloaded") is True
    assert_accessible(page)
