"""Decision states in a browser: returned for changes and resubmitted, withdrawn, deferred to a date."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in, sign_out
from tests.governance.factories import decision_in

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Approve the data sharing agreement"


def open_from_home(page, section: str, decision) -> None:
    page.get_by_role("region", name=section).get_by_role(
        "link", name=f"{decision.reference}: {TITLE}"
    ).click()


def trail(page):
    return page.get_by_role("region", name="Trail")


def test_the_decider_returns_it_and_the_drafter_sees_why_on_their_home_page_edits_and_resubmits(
    page, live_server, world, mailbox
):
    decision = decision_in(world, "submitted", title=TITLE)
    sign_in(page, live_server, world.senior_owner)
    open_from_home(page, "Decisions awaiting you", decision)
    page.get_by_label("Return for changes").check()
    page.get_by_role("button", name="Record decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter a comment saying why you are returning this decision"
    )
    page.get_by_label("Return for changes").check()
    page.get_by_label("Comment").fill("Add what it costs each body.")
    page.get_by_role("button", name="Record decision").click()

    expect(page.get_by_role("alert")).to_contain_text("D001 returned for changes")
    expect(trail(page).get_by_role("listitem").last).to_contain_text("Returned for changes by David Okafor")
    expect(trail(page).get_by_role("listitem").last).to_contain_text("Add what it costs each body.")
    assert_accessible(page)
    sign_out(page)

    email = mailbox.wait_for(to=world.programme_manager.email, subject="D001 returned for changes")
    assert "Add what it costs each body." in email.get_body(preferencelist=("plain",)).get_content()
    sign_in(page, live_server, world.programme_manager)
    back = page.get_by_role("region", name="Decisions back with you")
    expect(back).to_contain_text("Returned for changes by David Okafor")
    expect(back).to_contain_text("Add what it costs each body.")
    assert_accessible(page)
    open_from_home(page, "Decisions back with you", decision)
    expect(page.locator(".govuk-inset-text")).to_contain_text("Add what it costs each body.")
    page.get_by_role("link", name="Edit D001").click()
    page.get_by_label("Recommendation").fill("Approve it: DWP pays £40,000 and HMRC £25,000.")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("alert")).to_contain_text("D001 updated")
    page.get_by_label("What has changed since it was deferred or returned?").fill("Costs by body added.")
    page.get_by_role("button", name="Submit again for decision").click()

    expect(page.get_by_role("alert")).to_contain_text("D001 sent back to David Okafor for a decision")
    expect(trail(page).get_by_role("listitem").last).to_contain_text("Resubmitted by Priya Shah")
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("region", name="Decisions back with you")).to_have_count(0)
    mailbox.wait_for(to=world.senior_owner.email, subject="Decision needed: D001")


def test_its_drafter_withdraws_a_returned_decision_with_a_reason(page, live_server, world):
    decision = decision_in(world, "returned", title=TITLE)
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}{decision.get_absolute_url()}")

    page.get_by_role("link", name="Withdraw D001").click()
    page.get_by_label("Why is the decision being withdrawn?").fill("The board settled it in March.")
    page.get_by_role("button", name="Withdraw decision").click()

    expect(page.get_by_role("alert")).to_contain_text("withdrawn")
    page.goto(f"{live_server.url}{decision.get_absolute_url()}")
    expect(page.locator("h1 + p .govuk-tag")).to_have_text("Withdrawn")
    expect(trail(page).get_by_role("listitem").last).to_contain_text("The board settled it in March.")
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("region", name="Decisions back with you")).to_have_count(0)


def test_the_decider_defers_it_to_a_date_which_the_page_and_trail_show(page, live_server, world):
    decision = decision_in(world, "submitted", title=TITLE)
    revisit = timezone.localdate() + datetime.timedelta(days=40)
    sign_in(page, live_server, world.senior_owner)
    page.goto(f"{live_server.url}{decision.get_absolute_url()}")

    page.get_by_label("Defer", exact=True).check()
    page.get_by_label("Comment").fill("Come back with the council's legal review.")
    page.get_by_role("button", name="Record decision").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the date to revisit this decision")
    assert_accessible(page)
    summary.get_by_role("link", name="Enter the date to revisit this decision").click()
    expect(page.get_by_label("Day")).to_be_focused()

    page.get_by_label("Defer", exact=True).check()
    page.get_by_label("Comment").fill("Come back with the council's legal review.")
    page.get_by_label("Day").fill(str(revisit.day))
    page.get_by_label("Month").fill(str(revisit.month))
    page.get_by_label("Year").fill(str(revisit.year))
    page.get_by_role("button", name="Record decision").click()

    shown = f"{revisit:%-d %B %Y}"
    expect(page.get_by_role("alert")).to_contain_text("D001 deferred")
    expect(page.locator(".govuk-summary-list").first).to_contain_text(f"Revisit on {shown}")
    expect(trail(page).get_by_role("listitem").last).to_contain_text(
        f"Deferred until {shown} by David Okafor"
    )
    assert_accessible(page)
    page.get_by_role("link", name="Decision log").click()
    expect(page.get_by_role("table")).to_contain_text(f"Until {revisit:%-d %b %Y}")
