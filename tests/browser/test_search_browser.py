"""Search from the header and the decision log's filters, in a real browser, with axe on each page."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in
from tests.browser.page_checks import error_message_problems, structure_problems
from tests.governance.factories import decision_in, draft
from tests.governance.search_records import one_of_each

pytestmark = pytest.mark.django_db(transaction=True)


def assert_page_sound(page) -> None:
    assert_accessible(page)
    assert structure_problems(page) + error_message_problems(page) == []


def test_a_partner_searches_from_the_header_narrows_by_kind_and_opens_a_risk(page, live_server, world):
    one_of_each(world.initiative, world.programme_manager, "Bereavement")
    sign_in(page, live_server, world.partner_member)

    page.get_by_role("searchbox", name="Search initiatives, risks, decisions and other records").fill(
        "bereavement"
    )
    page.get_by_role("search", name="Site").get_by_role("button", name="Search").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Search")
    expect(page.locator("#result-count")).to_contain_text("7 results for “bereavement”")
    expect(page.get_by_label("Search for")).to_have_value("bereavement")
    assert_page_sound(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 720})

    page.locator("#kind-counts").get_by_role("link", name="Risks").click()
    expect(page.locator("#result-count")).to_contain_text("1 result for “bereavement”")
    expect(page.get_by_label("Kind of record")).to_have_value("risk")
    page.locator("#search-results").get_by_role("link").first.click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Bereavement plan")
    page.go_back()
    page.get_by_label("Search for").fill("x" * 201)
    page.get_by_role("search", name="Search and filter").get_by_role("button", name="Search").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Search for 200 characters or fewer")
    assert_page_sound(page)


def test_a_programme_manager_filters_the_decision_log(page, live_server, world):
    decision_in(world, "submitted", title="Approve the budget")
    draft(world, title="Agree the risk appetite")
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/decisions/")

    page.get_by_label("Status").select_option(label="Awaiting decision")
    page.get_by_role("button", name="Apply filters").click()

    # The filtered log is a plain GET URL: bookmarkable and shareable.
    expect(page).to_have_url(re.compile(r"/decisions/\?status=submitted&"))
    expect(page.get_by_role("link", name="D001: Approve the budget")).to_be_visible()
    expect(page.get_by_role("link", name="D002: Agree the risk appetite")).to_have_count(0)
    assert_page_sound(page)

    page.get_by_role("group", name="Raised on or after").get_by_label("Day").fill("31")
    page.get_by_role("group", name="Raised on or after").get_by_label("Month").fill("2")
    page.get_by_role("group", name="Raised on or after").get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a real date")
    assert_page_sound(page)
