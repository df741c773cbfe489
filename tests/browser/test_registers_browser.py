"""The shared registers in a real browser: a risk raised above its threshold is flagged everywhere."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.register_factories import (
    AssessmentFactory,
    BodyMeaningFactory,
    DataDefinitionFactory,
    EscalationLevelFactory,
    MeasureFactory,
    MeasureReadingFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_programme_manager_adds_a_risk_raises_it_above_threshold_and_sees_it_flagged(
    page, live_server, world
):
    AssessmentFactory(initiative=world.initiative, joint_risks=["Data quality across bodies"])
    EscalationLevelFactory(initiative=world.initiative, level=1, name="Delivery group")
    EscalationLevelFactory(initiative=world.initiative, level=2, name="Programme board")
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/")
    expect(page.locator("#health-check")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Shared risk register").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Shared risk register")
    expect(page.get_by_label("Data quality across bodies (joint)")).not_to_be_checked()
    page.get_by_role("link", name="Add a risk").click()
    page.get_by_role("button", name="Add risk").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter title")
    assert_accessible(page)

    page.get_by_label("Title").fill("Families are asked for the same details twice")
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
    page.get_by_role("button", name="Add risk").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "R001: Families are asked for the same details twice"
    )
    expect(page.locator(".govuk-tag", has_text="No owner")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Edit risk").click()
    page.get_by_role("group", name="Current likelihood").get_by_label("5 Almost certain").check()
    page.get_by_role("group", name="Current impact").get_by_label("4 Major").check()
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".govuk-tag", has_text="Above threshold")).to_be_visible()
    expect(page.get_by_role("table", name="Score history")).to_contain_text("3 \u00d7 3")

    page.get_by_role("link", name="Back to the risk register").click()
    flagged_cell = page.locator(".jup-heat-map__cell--flagged")
    expect(flagged_cell).to_have_count(1)
    expect(flagged_cell).to_contain_text("1 above threshold")
    expect(flagged_cell).to_contain_text("score 20, Very high")
    page.get_by_label("Joint or single-body").select_option(label="Joint risks")
    page.get_by_label("Status").select_option(label="Open")
    page.get_by_role("button", name="Apply filters").click()
    # The sort (empty: the register's own order) travels with the filters.
    expect(page).to_have_url(
        f"{live_server.url}/initiatives/{world.initiative.slug}/risks/?owner_body=&kind=joint&status=open&sort="
    )
    expect(
        page.get_by_role("link", name="R001: Families are asked for the same details twice")
    ).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="R001: Families are asked for the same details twice").click()
    page.get_by_role("link", name="Escalate").click()
    page.get_by_label("Why does this risk need escalating?").fill("Score 20 is above the threshold of 15")
    page.get_by_role("button", name="Escalate risk").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("escalated to Programme board")

    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/")
    expect(page.locator(".jup-flag-counts")).to_contain_text("Above their escalation threshold 1")
    expect(page.locator(".jup-flag-counts")).to_contain_text("With no owner 1")
    assert_accessible(page)


def test_measures_glossary_and_data_sharing_pages_are_accessible(page, live_server, world):
    measure = MeasureFactory(
        initiative=world.initiative,
        name="Days from death registration to all bodies notified",
        baseline_date=datetime.date(2025, 12, 1),
        target_date=datetime.date(2026, 12, 1),
        owner_body=world.lead_body,
    )
    for month, value in enumerate(["20", "18", "17", "15"], start=1):
        MeasureReadingFactory(measure=measure, taken_on=datetime.date(2026, month, 1), value=Decimal(value))
    customer = DataDefinitionFactory(initiative=world.initiative, term="customer")
    BodyMeaningFactory(definition=customer, body=world.lead_body, meaning="A person claiming a benefit")
    BodyMeaningFactory(definition=customer, body=world.partner_body, meaning="A taxpayer")
    world.initiative.value_areas = ["data_sharing"]
    world.initiative.save()
    sign_in(page, live_server, world.programme_manager)

    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/measures/")
    expect(page.get_by_role("link", name=measure.name)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=measure.name).click()
    expect(page.get_by_role("img", name=measure.name)).to_be_visible()
    expect(page.get_by_role("table", name="Readings")).to_contain_text("15")
    assert_accessible(page)

    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/glossary/")
    expect(page.get_by_role("heading", name="Disputed terms (1)")).to_be_visible()
    expect(page.locator(".govuk-warning-text")).to_contain_text("no data sharing agreement")
    assert_accessible(page)

    page.get_by_role("link", name="Record the data sharing agreement").click()
    page.get_by_label("Completed").check()
    page.get_by_role("button", name="Record agreement").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter who reviewed the DPIA")
    assert_accessible(page)
