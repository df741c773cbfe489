"""The operating-model checklist in a real browser, as the programme manager uses it."""

import re

import pytest
from playwright.sync_api import expect

from initiatives.models import Assessment
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def heading(page):
    return page.get_by_role("heading", level=1)


def answer(
    page, question: str, *, choose: str = "", fill: tuple[str, str] | None = None, check: bool = False
):
    """Answer one question page and continue; optionally run axe on it first."""
    expect(heading(page)).to_have_text(question)
    if check:
        assert_accessible(page)
    if choose:
        page.get_by_label(choose, exact=True).check()
    if fill:
        page.get_by_label(fill[0], exact=True).fill(fill[1])
    page.get_by_role("button", name="Continue").click()


def test_a_programme_manager_walks_the_checklist_changes_an_answer_and_records_the_model(
    page, live_server, world
):
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}{world.initiative.get_absolute_url()}")
    page.get_by_role("button", name="Choose an operating model").click()

    # A question page, then the same page with an error.
    expect(heading(page)).to_have_text("Could one body own the outcome on its own?")
    assert_accessible(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Select whether one body could own the outcome on its own"
    )
    expect(page).to_have_title(re.compile("^Error: "))
    assert_accessible(page)
    answer(page, "Could one body own the outcome on its own?", choose="Partly")

    answer(page, "What is the shared outcome?")
    expect(page.get_by_label("How many bodies are involved?")).to_have_value("2")
    answer(page, "How many bodies are involved?")
    answer(
        page,
        "How will decisions about the initiative be taken?",
        choose="One body decides, the others are consulted",
    )

    # Back keeps the answer already given.
    expect(heading(page)).to_have_text("How will the initiative be funded?")
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_label("One body decides, the others are consulted")).to_be_checked()
    page.get_by_role("button", name="Continue").click()

    answer(page, "How will the initiative be funded?", choose="One body funds it and the others benefit")
    answer(
        page, "Where does the work cross from one body to another?", choose="A citizen journey crosses bodies"
    )
    answer(page, "Must the bodies be able to respond together to a crisis?", choose="No")
    answer(
        page, "What data do the bodies need to share or agree?", choose="Common definitions or reference data"
    )
    data_question = "Which data definitions, identifiers or records must be agreed from day one?"
    answer(
        page,
        data_question,
        fill=(data_question, "What counts as a notified death\nNI number as the identifier"),
    )
    expect(page.get_by_label("Who is the senior accountable owner?")).to_have_value(
        str(world.senior_owner.pk)
    )
    answer(page, "Who is the senior accountable owner?")
    answer(page, "What may the senior owner decide?")
    answer(
        page,
        "Which risks need joint management?",
        fill=("Which risks need joint management?", "Partners join late"),
    )
    answer(page, "Which risks stay with each body?")
    measures = "How will benefits be measured, reported and checked?"
    answer(page, measures, fill=(measures, "Days from registration to every body acting, monthly"))
    answer(
        page,
        "What will each body stop doing?",
        fill=("Department for Work and Pensions (lead)", "Stop writing separately about overpayments"),
        check=True,
    )

    expect(heading(page)).to_have_text("Check your answers")
    assert_accessible(page)
    page.get_by_role("button", name="See the recommendation").click()

    expect(heading(page)).to_have_text("Recommended: Lead department model")
    expect(page.get_by_text("Clear accountability")).to_be_visible()
    assert_accessible(page)

    # Change one answer from check your answers: records will be exchanged.
    page.get_by_role("link", name="Change your answers").click()
    page.get_by_role("link", name="Change data to share or agree").click()
    expect(page.get_by_label("Common definitions or reference data")).to_be_checked()
    answer(
        page,
        "What data do the bodies need to share or agree?",
        choose="Regular exchange of records between bodies",
    )
    expect(heading(page)).to_have_text("Check your answers")
    expect(page.locator("main")).to_contain_text("Regular exchange of records between bodies")
    page.get_by_role("button", name="See the recommendation").click()

    expect(heading(page)).to_have_text("Recommended: Lead department model")
    reasons = page.get_by_role("listitem").filter(
        has_text="You said records are regularly exchanged between bodies: the lead department keeps"
    )
    expect(reasons).to_be_visible()
    expect(page.get_by_role("heading", name="Components it also needs")).to_be_visible()
    expect(page.get_by_label("Lead department model")).to_be_checked()
    page.get_by_role("button", name="Confirm operating model").click()

    expect(heading(page)).to_have_text("Set up the initiative")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Operating model recorded: Lead department model"
    )
    page.goto(f"{live_server.url}{world.initiative.get_absolute_url()}")
    operating_model_row = page.locator(".govuk-summary-list__row", has_text="Operating model")
    expect(operating_model_row).to_contain_text("Lead department model, with a data-sharing partnership")
    expect(operating_model_row).to_contain_text("Followed the recommendation")
    assert_accessible(page)
    assert Assessment.objects.get().chosen_model == "lead_department"

    page.get_by_role("link", name="Operating model assessments").click()
    expect(heading(page)).to_have_text("Operating model assessments")
    page.get_by_text("Answers, reasons and warnings").click()
    expect(page.get_by_text("What counts as a notified death")).to_be_visible()
    assert_accessible(page)
