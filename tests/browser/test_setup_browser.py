"""From the checklist to a working set-up in a real browser, as the programme manager does it.

The programme manager answers the first questions, signs out, signs in again and carries on
where they left off, accepts a joint programme board with a data-sharing component, sets the
initiative up on one page and finds the forums, RACI rows, draft records and first decisions it
made; then re-runs the checklist with one answer changed and sees what changed.
"""

import re

import pytest
from playwright.sync_api import expect

from governance.decisions.models import Decision
from governance.forums.models import Forum
from tests.browser.conftest import assert_accessible, sign_in, sign_out
from tests.browser.test_wizard_browser import answer, heading

pytestmark = pytest.mark.django_db(transaction=True)

DATA_QUESTION = "Which data definitions, identifiers or records must be agreed from day one?"
MEASURES_QUESTION = "How will benefits be measured, reported and checked?"


def caption(page):
    return page.locator(".govuk-caption-l").first


def first_five_questions(page) -> None:
    expect(caption(page)).to_have_text("Question 1 of 15: The outcome and the bodies")
    answer(page, "Could one body own the outcome on its own?", choose="No")
    answer(page, "What is the shared outcome?")
    answer(page, "How many bodies are involved?")
    answer(page, "How will decisions about the initiative be taken?", choose="The bodies decide jointly")
    answer(page, "How will the initiative be funded?", choose="The bodies pool their budgets")


def the_other_questions(page, *, data: str) -> None:
    answer(
        page, "Where does the work cross from one body to another?", choose="A citizen journey crosses bodies"
    )
    answer(page, "Must the bodies be able to respond together to a crisis?", choose="Yes")
    answer(page, "What data do the bodies need to share or agree?", choose=data)
    answer(page, DATA_QUESTION, fill=(DATA_QUESTION, "What counts as a notified death"))
    answer(page, "Who is the senior accountable owner?")
    answer(page, "What may the senior owner decide?")
    answer(
        page,
        "Which risks need joint management?",
        fill=("Which risks need joint management?", "Partners join late"),
    )
    answer(page, "Which risks stay with each body?")
    answer(page, MEASURES_QUESTION, fill=(MEASURES_QUESTION, "Days from registration to every body acting"))
    answer(
        page,
        "What will each body stop doing?",
        fill=("Department for Work and Pensions (lead)", "Stop writing separately about overpayments"),
    )


def test_a_programme_manager_goes_from_the_checklist_to_a_working_set_up_and_back(page, live_server, world):
    overview = f"{live_server.url}{world.initiative.get_absolute_url()}"
    sign_in(page, live_server, world.programme_manager)
    page.goto(overview)
    page.get_by_role("button", name="Choose an operating model").click()
    first_five_questions(page)

    # Signing out midway loses nothing: the answers are a saved draft, not part of the session.
    expect(caption(page)).to_have_text("Question 6 of 15: Decisions, money and delivery")
    sign_out(page)
    sign_in(page, live_server, world.programme_manager)
    page.goto(overview)
    expect(page.get_by_text("You have answered 5 of 15 questions")).to_be_visible()
    page.get_by_role("button", name="Continue the checklist").click()
    expect(heading(page)).to_have_text("Where does the work cross from one body to another?")
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_label("The bodies pool their budgets")).to_be_checked()
    page.get_by_role("button", name="Continue").click()
    the_other_questions(page, data="Regular exchange of records between bodies")

    expect(heading(page)).to_have_text("Check your answers")
    page.get_by_role("button", name="See the recommendation").click()
    expect(heading(page)).to_have_text("Recommended: Joint programme board")
    components = page.locator(".govuk-summary-list").nth(1)
    expect(components).to_contain_text("Data-sharing partnership")
    expect(components).to_contain_text("as a workstream of the joint programme board")
    assert_accessible(page)
    page.get_by_role("button", name="Confirm operating model").click()

    # One page sets everything up: certain items ticked, suggestions not.
    expect(heading(page)).to_have_text("Set up the initiative")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Operating model recorded: Joint programme board"
    )
    expect(
        page.get_by_text("Operating model: Joint programme board, with a data-sharing partnership.")
    ).to_be_visible()
    expect(page.get_by_label("Programme board", exact=True)).to_be_checked()
    expect(page.get_by_label("Data working group", exact=True)).to_be_checked()
    expect(page.get_by_label("Approve the business case", exact=True)).not_to_be_checked()
    assert_accessible(page)
    page.get_by_role("button", name="Set up the initiative").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        re.compile(r"Set up: 3 forums, 1 escalation")
    )
    expect(page.get_by_text("Everything the operating model implies is in place")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="View forums").click()
    for forum in ("Programme board", "Data working group", "Joint crisis response group"):
        expect(page.get_by_text(forum, exact=True).first).to_be_visible()
    page.go_back()
    page.get_by_role("link", name="View RACI matrix").click()
    expect(page.get_by_text("Approve the milestone plan").first).to_be_visible()
    expect(page.get_by_text("Approve the data sharing agreement").first).to_be_visible()
    page.go_back()
    page.get_by_role("link", name="View risks").click()
    expect(page.get_by_text("Partners join late").first).to_be_visible()
    page.go_back()
    page.get_by_role("link", name="View decision log").click()
    expect(page.get_by_text("Agree the pooled budget").first).to_be_visible()
    expect(page.get_by_text("Sign the data sharing agreement").first).to_be_visible()
    assert Forum.objects.filter(initiative=world.initiative).count() == 3
    assert Decision.objects.filter(initiative=world.initiative, status="draft").count() == 4

    # Re-running with one answer changed shows the change side by side and what it means.
    page.goto(overview)
    page.get_by_role("link", name="Re-run the operating model checklist").click()
    for _ in range(5):
        page.get_by_role("button", name="Continue").click()
    the_other_questions(page, data="Common definitions or reference data")
    page.get_by_role("button", name="See the recommendation").click()
    expect(heading(page)).to_have_text("Recommended: Joint programme board")
    expect(page.get_by_role("heading", name="What changed since assessment 1")).to_be_visible()
    changed = page.get_by_role("row", name=re.compile("Data to share or agree"))
    expect(changed).to_contain_text("Regular exchange of records between bodies")
    expect(changed).to_contain_text("Common definitions or reference data")
    expect(changed).to_contain_text("Changed")
    expect(page.get_by_text("The data working group may no longer be needed.")).to_be_visible()
    assert_accessible(page)
