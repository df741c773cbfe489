"""One submit, one record, in a real browser: a double submit and the back button make one risk."""

import datetime

import pytest
from playwright.sync_api import expect

from governance.models import MeasureReading, Risk
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.register_factories import MeasureFactory

pytestmark = pytest.mark.django_db(transaction=True)

ALREADY = "You already submitted this form: nothing new was created"
TITLE = "Families are asked for the same details twice"

# The same form sent twice at once, as a double click does when the page's script has not loaded.
SEND_TWICE_AT_ONCE = """
async () => {
  const form = document.querySelector('main form');
  const body = () => new URLSearchParams(new FormData(form));
  const sent = await Promise.all([1, 2].map(() => fetch(form.action, {method: 'POST', body: body()})));
  return sent.map((response) => response.status);
}
"""


def fill_the_risk_form(page):
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Category").select_option(label="Operations")
    page.get_by_label("Joint risk", exact=True).check()
    page.get_by_label("Owner body").select_option(label="Department for Work and Pensions")
    for position, likelihood, impact in [("Inherent", "4", "4"), ("Current", "3", "3"), ("Target", "2", "2")]:
        page.get_by_role("group", name=f"{position} likelihood").get_by_label(
            likelihood, exact=False
        ).first.check()
        page.get_by_role("group", name=f"{position} impact").get_by_label(impact, exact=False).first.check()
    page.get_by_label("Cautious").check()
    page.get_by_label("Treat", exact=True).check()


def open_the_risk_form(page, live_server, world):
    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/risks/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a risk")


def test_a_double_submit_makes_one_risk_and_the_second_is_told_so(page, live_server, world):
    sign_in(page, live_server, world.programme_manager)
    open_the_risk_form(page, live_server, world)
    fill_the_risk_form(page)

    statuses = page.evaluate(SEND_TWICE_AT_ONCE)
    page.get_by_role("button", name="Add risk").click()

    assert statuses == [200, 200]  # both followed their redirect to the risk
    expect(page.get_by_role("heading", level=1)).to_have_text(f"R001: {TITLE}")
    expect(page.locator(".govuk-notification-banner").first).to_contain_text(ALREADY)
    assert Risk.objects.filter(initiative=world.initiative).count() == 1


def test_the_back_button_and_a_second_submit_make_one_risk(page, live_server, world):
    sign_in(page, live_server, world.programme_manager)
    open_the_risk_form(page, live_server, world)
    fill_the_risk_form(page)
    page.get_by_role("button", name="Add risk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"R001: {TITLE}")

    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a risk")
    if page.get_by_label("Title").input_value() != TITLE:
        fill_the_risk_form(page)  # the browser did not keep what was typed: the person types it again
    page.get_by_role("button", name="Add risk").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(f"R001: {TITLE}")
    expect(page.locator(".govuk-notification-banner").first).to_contain_text(ALREADY)
    assert_accessible(page)
    assert Risk.objects.filter(initiative=world.initiative).count() == 1


def test_a_reading_dated_in_the_future_is_refused_at_its_date(page, live_server, world):
    measure = MeasureFactory(initiative=world.initiative, owner_body=world.lead_body)
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/measures/{measure.pk}/")
    future = datetime.date.today() + datetime.timedelta(days=400)

    reading = page.get_by_role("group", name="Date of the reading")
    reading.get_by_label("Day").fill(str(future.day))
    reading.get_by_label("Month").fill(str(future.month))
    reading.get_by_label("Year").fill(str(future.year))
    page.get_by_label("Value").fill("12")
    page.get_by_role("button", name="Add reading").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("The date of the reading must be today or in the past")
    summary.get_by_role("link", name="The date of the reading must be today or in the past").click()
    expect(reading.get_by_label("Day")).to_be_focused()
    assert_accessible(page)
    assert not MeasureReading.objects.filter(measure=measure).exists()
