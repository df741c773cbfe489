"""The portfolio in a real browser: a Cabinet Office portfolio office filters, sorts and downloads."""

import datetime

import pytest
from playwright.sync_api import expect

from governance.models import AssuranceReview
from initiatives.portfolio_offices.services import portfolio_grant_give
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import BodyFactory, InitiativeFactory, UserFactory
from tests.governance.register_factories import RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_portfolio_office_filters_sorts_and_downloads_the_portfolio(page, live_server, world):
    nhse = BodyFactory(name="NHS England", short_name="NHSE", kind="nhs_body")
    InitiativeFactory(title="Waiting lists", lead_body=nhse, operating_model="shared_service")
    world.initiative.operating_model = "joint_programme_board"
    world.initiative.save()
    RiskFactory(initiative=world.initiative, is_joint=True, current_likelihood=4, current_impact=5)
    AssuranceReview.objects.create(
        initiative=world.initiative,
        review_type="health_check",
        review_date=datetime.date.today() - datetime.timedelta(days=40),
        reviewer=world.assurance_reviewer,
        findings="Findings",
        confidence="amber",
    )
    office = UserFactory(
        email="olivia.grant@cabinetoffice.example",
        full_name="Olivia Grant",
        bodies=[BodyFactory(name="Cabinet Office", short_name="CO")],
    )
    portfolio_grant_give(person=office, body=None, by=world.administrator)

    sign_in(page, live_server, office)
    page.get_by_role("link", name="Portfolio").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Portfolio")
    table = page.get_by_role("table", name="Initiatives (2)")
    expect(table).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Operating model").select_option(label="Shared service or platform")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(f"{live_server.url}/portfolio/?body=&model=shared_service&confidence=&failing=")
    expect(page.get_by_role("table", name="Initiatives matching the filters (1)")).to_contain_text(
        "Waiting lists"
    )
    page.get_by_role("link", name="Clear filters").click()

    # Sorted by initiative to begin with; its heading reverses the order.
    expect(page.locator("th[aria-sort='ascending']")).to_have_text("Initiative")
    page.get_by_role("link", name="Initiative", exact=True).click()
    expect(page.locator("th[aria-sort='descending']")).to_have_text("Initiative")
    first = page.get_by_role("table", name="Initiatives (2)").locator("tbody tr").first
    expect(first).to_contain_text("Waiting lists")
    page.get_by_role("link", name="Delivery confidence", exact=True).click()
    expect(page.locator("th[aria-sort='ascending']")).to_have_text("Delivery confidence")
    expect(first).to_contain_text("Tell Us Once")
    expect(page.get_by_role("img", name="Average delivery confidence")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the portfolio as a CSV file").click()
    with open(download.value.path(), encoding="utf-8-sig") as downloaded:
        lines = downloaded.read().splitlines()
    # The same order as the page: by delivery confidence, the initiative not reviewed last.
    assert lines[1].startswith("Tell Us Once for bereavement,DWP")
    assert lines[2].startswith("Waiting lists,NHSE")
    assert_accessible(page)
