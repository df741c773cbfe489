"""A draft risk from the checklist reads "Not yet assessed" until someone assesses it."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.register_factories import AssessmentFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_programme_manager_adopts_a_draft_risk_sees_it_unassessed_then_assesses_it(
    page, live_server, world
):
    AssessmentFactory(initiative=world.initiative, joint_risks=["Data quality across bodies"])
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/risks/")

    offered = page.get_by_label("Data quality across bodies (joint)")
    expect(offered).not_to_be_checked()
    # Sent with nothing ticked, the page says so the GOV.UK way, its summary leading to the box.
    page.get_by_role("button", name="Add selected risks as drafts").click()
    expect(page).to_have_title(re.compile("^Error: Shared risk register \N{EN DASH} "))
    page.locator(".govuk-error-summary").get_by_role(
        "link", name="Select at least one of the risks to add"
    ).click()
    expect(offered).to_be_focused()
    offered.check()
    page.get_by_role("button", name="Add selected risks as drafts").click()

    row = page.get_by_role("row").filter(has_text="R001: Data quality across bodies")
    expect(row).to_contain_text("Not yet assessed")
    expect(page.locator("#flag-summary")).to_contain_text("1 draft from the checklist not yet assessed")
    expect(page.locator(".jup-heat-map__count")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="R001: Data quality across bodies").click()
    expect(page.locator(".govuk-inset-text")).to_contain_text("Not yet assessed")
    page.get_by_role("link", name="Assess this risk").click()
    page.get_by_label("Category").select_option(label="Information and data")
    for position, likelihood, impact in [("Inherent", "4", "5"), ("Current", "4", "4"), ("Target", "2", "2")]:
        page.get_by_role("group", name=f"{position} likelihood").get_by_label(
            likelihood, exact=False
        ).first.check()
        page.get_by_role("group", name=f"{position} impact").get_by_label(impact, exact=False).first.check()
    page.get_by_label("Cautious").check()
    page.get_by_label("Treat", exact=True).check()
    page.get_by_role("button", name="Save changes").click()

    expect(page.get_by_role("table", name="Scores")).to_contain_text("16")
    expect(page.locator(".govuk-tag", has_text="Open")).to_be_visible()
    page.get_by_role("link", name="Back to the risk register").click()
    row = page.get_by_role("row").filter(has_text="R001: Data quality across bodies")
    expect(row).not_to_contain_text("Not yet assessed")
    expect(row).to_contain_text("16")
    expect(page.locator(".jup-heat-map__count")).to_have_count(1)
    assert_accessible(page)
