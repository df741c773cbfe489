"""Paged lists in a real browser: the pages of a filtered, sorted register and Your work's "See all"."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.register_factories import RiskActionFactory, RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_paging_through_the_register_keeps_its_filter_and_sort(page, live_server, world):
    for number in range(1, 56):
        RiskFactory(initiative=world.initiative, number=number, owner_body=world.partner_body)
    RiskFactory(initiative=world.initiative, number=56, owner_body=world.lead_body, title="The lead's own")
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/risks/")

    page.get_by_label("Owner body").select_option(label=world.partner_body.name)
    page.get_by_label("Sort by").select_option(label="Next review, soonest first")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_text("Showing 1 to 50 of 55 risks")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Pages of risks").get_by_role("link", name="Page 2").click()

    expect(page.get_by_text("Showing 51 to 55 of 55 risks")).to_be_visible()
    expect(page.get_by_label("Owner body")).to_have_value(str(world.partner_body.pk))
    expect(page.get_by_label("Sort by")).to_have_value("review")
    expect(page.get_by_text("The lead's own")).to_have_count(0)
    expect(page.locator(".govuk-pagination__item--current")).to_have_text("2")


def test_see_all_leads_from_the_home_page_to_every_action(page, live_server, world):
    risk = RiskFactory(initiative=world.initiative)
    for number in range(8):
        RiskActionFactory(risk=risk, owner=world.partner_member, description=f"Action {number:02d}")
    sign_in(page, live_server, world.partner_member)

    expect(page.get_by_role("heading", name="Actions assigned to you (8)")).to_be_visible()
    page.get_by_role("link", name="See all 8").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Actions assigned to you")
    for number in range(8):
        expect(page.get_by_role("link", name=f"Action {number:02d}")).to_be_visible()
    assert_accessible(page)
