"""Calendars and list filters in a real browser: reset the calendar link, download an initiative's
dates, filter the glossary and the measures."""

import datetime

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.register_factories import (
    BodyMeaningFactory,
    DataDefinitionFactory,
    MeasureFactory,
    RiskFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_partner_resets_their_calendar_link_and_downloads_the_initiatives_dates(page, live_server, world):
    risk = RiskFactory(
        initiative=world.initiative, title="Families asked twice", review_date=datetime.date(2027, 3, 31)
    )
    sign_in(page, live_server, world.partner_member)
    page.goto(f"{live_server.url}/account/")
    address = page.locator("#calendar-url")
    old_url = address.inner_text().strip()
    assert page.request.get(old_url).ok
    assert_accessible(page)

    page.get_by_role("link", name="Reset your calendar link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reset your calendar link")
    assert_accessible(page)
    page.get_by_role("button", name="Reset calendar link").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your calendar link has been reset")
    new_url = address.inner_text().strip()
    assert new_url != old_url
    assert page.request.get(old_url).status == 404
    assert page.request.get(new_url).ok

    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the calendar of dates (ICS file)").click()
    assert download.value.suggested_filename == "tell-us-once.ics"
    calendar = Calendar.from_ical(download.value.path().read_bytes())
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == [
        f"Risk review: {risk.reference} Families asked twice (Tell Us Once for bereavement)"
    ]


def test_a_partner_filters_the_glossary_and_the_measures(page, live_server, world):
    customer = DataDefinitionFactory(
        initiative=world.initiative, term="customer", master_body=world.partner_body
    )
    BodyMeaningFactory(definition=customer, body=world.lead_body, meaning="A claimant")
    BodyMeaningFactory(definition=customer, body=world.partner_body, meaning="A taxpayer")
    DataDefinitionFactory(
        initiative=world.initiative, term="case", status="agreed", agreed_meaning="One death"
    )
    MeasureFactory(initiative=world.initiative, name="Journey time", frequency="monthly")
    MeasureFactory(initiative=world.initiative, name="Duplication removed", frequency="quarterly")
    sign_in(page, live_server, world.partner_member)

    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/glossary/")
    page.get_by_label("Status").select_option(label="Agreed")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(
        f"{live_server.url}/initiatives/{world.initiative.slug}/glossary/?status=agreed&body=&meanings="
    )
    expect(page.get_by_role("heading", name="Other terms matching the filters (1)")).to_be_visible()
    expect(page.get_by_text("customer", exact=True)).to_have_count(0)
    assert_accessible(page)

    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/glossary/?status=sideways")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose a status from the list")
    assert_accessible(page)

    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/measures/")
    page.get_by_label("Reporting frequency").select_option(label="Quarterly")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("link", name="Duplication removed")).to_be_visible()
    expect(page.get_by_role("link", name="Journey time")).to_have_count(0)
    assert_accessible(page)
