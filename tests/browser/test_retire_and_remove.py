"""Retire and remove in a real browser: a body removed with everything it touches listed and its risks
handed on; a risk closed with a reason, found in the closed view, and restored."""

import pytest
from playwright.sync_api import expect

from governance.models import Forum, Risk
from initiatives.models import InitiativeRole, Participation
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import InitiativeRoleFactory
from tests.governance.factories import ForumFactory
from tests.governance.register_factories import RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_removing_a_body_lists_what_it_touches_and_hands_its_risks_on(page, live_server, world):
    risk = RiskFactory(
        initiative=world.initiative,
        number=1,
        title="HMRC feed fails",
        owner_body=world.partner_body,
        owner=world.partner_member,
    )
    forum = ForumFactory(initiative=world.initiative, name="Delivery board", chair=world.partner_member)
    forum.member_bodies.set([world.lead_body, world.partner_body])
    InitiativeRoleFactory(initiative=world.initiative, user=world.partner_member)
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/bodies/")

    page.get_by_role("link", name="Remove HM Revenue and Customs").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Remove HM Revenue and Customs from Tell Us Once for bereavement"
    )
    expect(page.locator(".govuk-warning-text")).to_be_visible()
    main = page.locator("main")
    expect(main).to_contain_text("R001: HMRC feed fails")
    expect(main).to_contain_text("Delivery board (chaired by Siân Evans)")
    expect(main).to_contain_text("Siân Evans: programme manager")
    assert_accessible(page)

    page.get_by_role("button", name="Remove HMRC").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose which body takes on what it owns")
    assert Participation.objects.filter(initiative=world.initiative, body=world.partner_body).exists()
    assert_accessible(page)

    page.get_by_label("Which body takes on what it owns?").select_option(label="DWP")
    page.get_by_role("button", name="Remove HMRC").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text("HM Revenue and Customs removed")
    risk.refresh_from_db()
    assert (risk.owner_body, risk.owner) == (world.lead_body, None)
    assert Forum.objects.get(pk=forum.pk).chair is None
    assert not InitiativeRole.objects.filter(initiative=world.initiative, user=world.partner_member).exists()


def test_a_risk_is_closed_with_a_reason_and_restored_from_the_closed_view(page, live_server, world):
    RiskFactory(initiative=world.initiative, number=1, title="Data feed fails", owner_body=world.lead_body)
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/risks/")

    page.get_by_role("link", name="R001: Data feed fails").click()
    page.get_by_role("link", name="Close risk").click()
    expect(page.locator(".govuk-warning-text")).to_be_visible()
    page.get_by_role("button", name="Close risk").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why the risk is being closed")
    assert_accessible(page)

    page.get_by_label("Why is the risk being closed?").fill("The feed was replaced by the new API")
    page.get_by_role("button", name="Close risk").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text("closed")
    expect(page.get_by_role("link", name="R001: Data feed fails")).to_have_count(0)
    page.get_by_role("link", name="Closed risks").click()
    expect(page.locator("main")).to_contain_text("The feed was replaced by the new API")
    assert_accessible(page)

    page.get_by_role("button", name="Restore R001: Data feed fails").click()

    expect(page.locator(".govuk-notification-banner")).to_contain_text("restored")
    assert Risk.objects.get(title="Data feed fails").status == Risk.Status.OPEN
    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/risks/")
    expect(page.get_by_role("link", name="R001: Data feed fails")).to_be_visible()
