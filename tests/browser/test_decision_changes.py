"""A decision that changes something, in the browser: the programme manager drafts a decision to agree
a disputed term, the senior owner approves it, and the glossary shows the term agreed, crediting it;
rejected, the term stays disputed."""

import pytest
from playwright.sync_api import expect

from governance.decisions import services
from governance.decisions.changes import services as changes
from governance.decisions.changes.kinds import KINDS
from tests.browser.conftest import assert_accessible, sign_in, sign_out
from tests.governance.factories import draft
from tests.governance.register_factories import DataDefinitionFactory

pytestmark = pytest.mark.django_db(transaction=True)

MEANING = "The date the registrar recorded the death"


def test_approving_a_decision_to_agree_a_disputed_term_agrees_it_and_its_history_credits_the_decision(
    page, live_server, world
):
    DataDefinitionFactory(initiative=world.initiative, term="date of death notified", status="disputed")
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}/initiatives/tell-us-once/decisions/")
    page.get_by_role("button", name="Draft a decision").click()
    page.get_by_label("Title").fill("Agree the meaning of date of death notified")
    page.get_by_label("Context").fill("DWP counts from registration, HMRC from the notification.")
    page.get_by_label("Options considered").fill("Agree the registrar's date\nKeep both meanings")
    page.get_by_label("Recommendation").fill("Agree the registrar's date.")
    page.get_by_role("button", name="Save draft").click()

    page.get_by_role("link", name="Link the records D001 is about").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What this decision changes")
    assert_accessible(page)
    page.get_by_role("link", name="A glossary term").click()
    page.get_by_role("button", name="Link glossary term").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select a glossary term")
    page.get_by_label("Which glossary term?").select_option(label="date of death notified")
    page.get_by_label("Agreed", exact=True).check()
    assert_accessible(page)
    page.get_by_role("button", name="Link glossary term").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the agreed meaning: a term cannot be agreed without one"
    )
    page.get_by_label("Agreed meaning").fill(MEANING)
    page.get_by_role("button", name="Link glossary term").click()

    expect(page.get_by_role("alert")).to_contain_text("D001 is now about “date of death notified”")
    changes = page.get_by_role("table", name="Records D001 is about, and what approving it does")
    expect(changes).to_contain_text("Status: from Disputed → to Agreed")
    assert_accessible(page)
    page.get_by_role("link", name="Back to D001").click()
    page.get_by_role("button", name="Submit for decision").click()
    expect(page.get_by_role("alert")).to_contain_text("D001 sent to David Okafor for a decision")
    sign_out(page)

    sign_in(page, live_server, world.senior_owner)
    awaiting = page.get_by_role("region", name="Decisions awaiting you")
    awaiting.get_by_role("link", name="D001: Agree the meaning of date of death notified").click()
    changes = page.get_by_role("table", name="Records D001 is about, and what approving it does")
    expect(changes).to_contain_text(f"Agreed meaning: from Not set → to {MEANING}")
    page.get_by_label("Approve").check()
    page.get_by_role("button", name="Record decision").click()

    expect(page.get_by_role("alert")).to_contain_text("D001 approved")
    expect(page.get_by_text("As it stood when it was approved on")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="date of death notified").click()
    term = page.locator(".govuk-summary-card", has_text="date of death notified")
    expect(term.locator(".govuk-tag")).to_have_text("Agreed")
    expect(term).to_contain_text(MEANING)
    history = page.locator(".app-history__entry").first
    expect(history).to_contain_text("Changed by David Okafor")
    expect(history).to_contain_text("Approved in D001")
    expect(history).to_contain_text("Status")


def test_rejecting_a_decision_to_agree_a_disputed_term_leaves_it_disputed(page, live_server, world):
    term = DataDefinitionFactory(
        initiative=world.initiative, term="date of death notified", status="disputed"
    )
    decision = draft(world, title="Agree the meaning of date of death notified")
    changes.decision_link_add(
        decision=decision,
        kind=KINDS["term"],
        record=term,
        proposed={"status": "agreed", "agreed_meaning": MEANING},
        by=world.programme_manager,
    )
    services.decision_submit(decision=decision, by=world.programme_manager)

    sign_in(page, live_server, world.senior_owner)
    awaiting = page.get_by_role("region", name="Decisions awaiting you")
    awaiting.get_by_role("link", name="D001: Agree the meaning of date of death notified").click()
    page.get_by_label("Reject").check()
    page.get_by_label("Comment").fill("The registrar's date misses deaths abroad.")
    page.get_by_role("button", name="Record decision").click()

    expect(page.get_by_role("alert")).to_contain_text("D001 rejected")
    expect(page.get_by_text("As it stood when it was rejected on")).to_be_visible()
    page.get_by_role("link", name="date of death notified").click()
    shown = page.locator(".govuk-summary-card", has_text="date of death notified")
    expect(shown.locator(".govuk-tag")).to_have_text("Disputed")
    expect(shown).not_to_contain_text(MEANING)
    term.refresh_from_db()
    assert (term.status, term.agreed_meaning) == ("disputed", "")
