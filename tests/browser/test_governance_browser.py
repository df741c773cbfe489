"""Decision rights in a browser: a decision end to end, the RACI matrix, forums and escalation."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in, sign_out

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_decision_is_drafted_submitted_and_approved_and_an_unrelated_body_cannot_reach_it(
    page, live_server, world
):
    sign_in(page, live_server, world.programme_manager)
    page.get_by_role("link", name="Tell Us Once for bereavement", exact=True).click()
    page.get_by_role("link", name="Decision log").first.click()
    assert_accessible(page)

    page.get_by_role("button", name="Draft a decision").click()
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter title")
    assert_accessible(page)
    page.get_by_label("Title").fill("Approve the data sharing agreement with HMRC")
    page.get_by_label("Context").fill("Records of a death cannot move between DWP and HMRC without it.")
    page.get_by_label("Options considered").fill("Approve it now\nWait for legal review")
    page.get_by_label("Recommendation").fill("Approve it now: legal review found no issues.")
    page.get_by_role("button", name="Save draft").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "D001: Approve the data sharing agreement with HMRC"
    )
    expect(page.get_by_text("David Okafor, once it is submitted")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Submit for decision").click()
    expect(page.get_by_role("alert")).to_contain_text("D001 sent to David Okafor for a decision")
    decision_url = page.url
    sign_out(page)

    sign_in(page, live_server, world.senior_owner)
    awaiting = page.get_by_role("region", name="Decisions awaiting you")
    awaiting.get_by_role("link", name="D001: Approve the data sharing agreement with HMRC").click()
    page.get_by_label("Approve").check()
    page.get_by_label("Comment").fill("Approved. Review it again in a year.")
    assert_accessible(page)
    page.get_by_role("button", name="Record decision").click()

    expect(page.get_by_role("alert")).to_contain_text("D001 approved")
    trail = page.get_by_role("region", name="Trail")
    expect(trail.get_by_role("listitem")).to_have_count(3)
    expect(trail.get_by_role("listitem").last).to_contain_text("Approved. Review it again in a year.")
    expect(page.get_by_role("button", name="Record decision")).to_have_count(0)
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("region", name="Decisions awaiting you")).to_have_count(0)
    sign_out(page)

    sign_in(page, live_server, world.outsider)
    response = page.goto(decision_url)
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")


def test_a_raci_matrix_saves_when_valid_and_explains_a_row_with_two_as(page, live_server, world):
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}/initiatives/tell-us-once/raci/rows/suggested/")
    page.get_by_label("Approve the business case").check()
    page.get_by_label("Own the shared risk register").check()
    page.get_by_role("button", name="Add selected rows").click()

    expect(page.get_by_role("alert")).to_contain_text("2 rows added")
    assert_accessible(page)
    page.get_by_label("Approve the business case — DWP").select_option("A")
    page.get_by_label("Approve the business case — HMRC").select_option("R")
    page.get_by_label("Own the shared risk register — DWP").select_option("R")
    # With JavaScript, each row says at once what it still needs.
    expect(page.locator("[data-raci-status]").last).to_have_text("This row needs an A.")
    page.get_by_label("Own the shared risk register — HMRC").select_option("A")
    expect(page.locator("[data-raci-status]").last).to_have_text("")
    page.get_by_role("button", name="Save RACI matrix").click()
    expect(page.get_by_role("alert")).to_contain_text("RACI matrix saved")

    page.get_by_label("Own the shared risk register — DWP").select_option("A")
    page.get_by_role("button", name="Save RACI matrix").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("“Own the shared risk register” has 2 As (DWP and HMRC)")
    expect(page).to_have_title(
        "Error: RACI matrix \N{EN DASH} Tell Us Once for bereavement \N{EN DASH} Joined-up"
    )
    expect(page.get_by_label("Own the shared risk register — DWP")).to_have_value("A")
    assert_accessible(page)
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Own the shared risk register — DWP")).to_be_focused()


def test_forums_and_the_escalation_route_are_set_up_in_the_browser(page, live_server, world):
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}/initiatives/tell-us-once/forums/")
    for name in ("Programme board", "Design authority"):
        page.get_by_role("button", name="Add a forum").click()
        page.get_by_label("Name", exact=True).fill(name)
        page.get_by_label("Decisions", exact=True).check()
        page.get_by_label("Chair").select_option(label="David Okafor")
        page.get_by_label("DWP", exact=True).check()
        page.get_by_label("Monthly", exact=True).check()
        page.get_by_role("button", name="Add forum").click()

    expect(page.locator(".govuk-warning-text")).to_contain_text("Too many forums")
    assert_accessible(page)

    page.get_by_role("link", name="escalation route").click()
    page.get_by_role("button", name="Add a level").click()
    assert_accessible(page)
    page.get_by_label("Name of this level").fill("Programme board")
    page.get_by_label("Who handles issues at this level").fill("The programme board")
    page.get_by_label("What sends an issue up to the next level").fill("A change to scope")
    page.get_by_role("button", name="Add level").click()
    expect(page.get_by_role("table")).to_contain_text("1. Programme board")
    assert_accessible(page)
