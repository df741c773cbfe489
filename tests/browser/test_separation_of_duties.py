"""Separation of duties and decision emails in a browser: the self-approval routes fail, the senior
owner replaced is told, any title still reaches the decider, and a removed body's person is not told."""

import pytest
from playwright.sync_api import expect

from governance.decisions import services
from governance.models import Decision, RaciCell
from tests.browser.conftest import sign_in, sign_out
from tests.factories import InitiativeRoleFactory, UserFactory, with_two_step
from tests.governance.factories import (
    EscalationLevelFactory,
    ForumFactory,
    RaciColumnFactory,
    RaciRowFactory,
    draft,
)

pytestmark = pytest.mark.django_db(transaction=True)


def draft_in_the_browser(page, live_server, title, *, raci_row=""):
    page.goto(f"{live_server.url}/initiatives/tell-us-once/decisions/new/")
    page.get_by_label("Title").fill(title)
    page.get_by_label("Context").fill("Needed before records move.")
    page.get_by_label("Options considered").fill("Approve\nDo nothing")
    page.get_by_label("Recommendation").fill("Approve")
    if raci_row:
        page.get_by_label("RACI row").select_option(label=raci_row)
    page.get_by_role("button", name="Save draft").click()


def test_naming_herself_senior_owner_never_lets_her_approve_and_the_owner_replaced_is_told(
    page, live_server, world, mailbox
):
    # A senior owner must use two-step verification; she has it, so naming herself is not stopped there.
    with_two_step(world.programme_manager)
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}/initiatives/tell-us-once/edit/")
    page.get_by_label("Senior accountable owner", exact=True).select_option(label="Priya Shah")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Say why the senior accountable owner is changing"
    )

    page.get_by_label("Why is the senior accountable owner changing?").fill("Covering while David is away")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("alert")).to_contain_text("Initiative updated")
    told = mailbox.wait_for(to="sro@dwp.example", subject="no longer the senior accountable owner")
    body = told.get_body(preferencelist=("plain",)).get_content()
    assert "Changed by Priya Shah" in body and "Covering while David is away" in body

    draft_in_the_browser(page, live_server, "Approve my own budget")
    expect(page.locator("main")).to_contain_text("Priya Shah drafted D001, so they cannot decide it")
    page.get_by_role("button", name="Submit for decision").click()
    expect(page.get_by_role("alert")).to_contain_text("so they cannot decide it")
    assert Decision.objects.get().status == "draft"

    # With an escalation route, it goes up it instead: never back to her.
    chair = UserFactory(email="chair@hmrc.example", full_name="Ravi Patel", bodies=[world.partner_body])
    forum = ForumFactory(initiative=world.initiative, name="Programme board", chair=chair)
    EscalationLevelFactory(initiative=world.initiative, level=1, name="Programme board", forum=forum)
    page.reload()
    expect(page.locator("main")).to_contain_text(
        "You drafted this, so it goes to Ravi Patel, the next on the escalation route"
    )
    page.get_by_role("button", name="Submit for decision").click()
    expect(page.get_by_role("alert")).to_contain_text("D001 sent to Ravi Patel for a decision")
    expect(page.get_by_role("button", name="Record decision")).to_have_count(0)
    assert Decision.objects.get().decider == chair
    mailbox.wait_for(to="chair@hmrc.example", subject="Decision needed: D001")


def test_naming_herself_holder_of_the_a_column_sends_her_draft_to_the_senior_owner(
    page, live_server, world, mailbox
):
    row = RaciRowFactory(initiative=world.initiative, activity="Sign the data sharing agreement")
    column = RaciColumnFactory(initiative=world.initiative, body=world.lead_body, holder=world.senior_owner)
    RaciCell.objects.create(row=row, column=column, value="A")
    sign_in(page, live_server, world.programme_manager)

    page.goto(f"{live_server.url}/initiatives/tell-us-once/raci/columns/{column.pk}/edit/")
    page.get_by_label("Holder (optional)").select_option(label="Priya Shah")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say why the holder of the “DWP” column")
    page.get_by_label("Why is the holder of a column with an A changing?").fill("David asked me to")
    page.get_by_role("button", name="Save").click()
    mailbox.wait_for(to="sro@dwp.example", subject="You are no longer the holder of the “DWP” column")
    mailbox.wait_for(to="pm@dwp.example", subject="You are now the holder of the “DWP” column")

    draft_in_the_browser(page, live_server, "Sign version 2", raci_row="Sign the data sharing agreement")
    expect(page.locator("main")).to_contain_text(
        "You drafted this, so it goes to David Okafor, the senior accountable owner"
    )
    page.get_by_role("button", name="Submit for decision").click()
    expect(page.get_by_role("alert")).to_contain_text("D001 sent to David Okafor for a decision")
    expect(page.get_by_role("button", name="Record decision")).to_have_count(0)
    sign_out(page)

    sign_in(page, live_server, world.senior_owner)
    page.goto(f"{live_server.url}/initiatives/tell-us-once/decisions/1/")
    expect(page.locator("main")).to_contain_text("Priya Shah drafted this, so it goes to David Okafor")
    page.get_by_label("Approve").check()
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_role("alert")).to_contain_text("D001 approved")


def test_a_title_with_a_line_break_still_emails_the_decider(page, live_server, world, mailbox, settings):
    settings.SITE_URL = live_server.url
    # A browser's text box cannot hold a line break; the admin, an import or the API can.
    draft(world, title="Agree the meaning of\ndate of death notified")
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}/initiatives/tell-us-once/decisions/1/")

    page.get_by_role("button", name="Submit for decision").click()

    expect(page.get_by_role("alert")).to_contain_text("D001 sent to David Okafor for a decision")
    email = mailbox.wait_for(to="sro@dwp.example", subject="Decision needed: D001")
    assert email["Subject"] == "Decision needed: D001 Agree the meaning of date of death notified"
    sign_out(page)
    sign_in(page, live_server, world.senior_owner)
    page.goto(mailbox.link_in(email, "/decisions/1/"))
    expect(page.get_by_role("button", name="Record decision")).to_be_visible()


def test_a_person_whose_body_was_removed_gets_nothing(page, live_server, world, mailbox):
    hmrc_manager = UserFactory(
        email="pm@hmrc.example", full_name="Siân Evans-Hughes", bodies=[world.partner_body]
    )
    InitiativeRoleFactory(initiative=world.initiative, user=hmrc_manager)
    decision = draft(world, title="Agree the route")
    services.decision_submit(decision=decision, by=world.programme_manager)
    # HMRC leaves; her programme manager role is left behind, as a stale record would be.
    world.initiative.participations.filter(body=world.partner_body).delete()
    sign_in(page, live_server, world.senior_owner)
    page.goto(f"{live_server.url}/initiatives/tell-us-once/decisions/1/")

    page.get_by_label("Approve").check()
    page.get_by_role("button", name="Record decision").click()

    expect(page.get_by_role("alert")).to_contain_text("D001 approved")
    mailbox.wait_for(to="pm@dwp.example", subject="D001 approved")
    assert [m["To"] for m in mailbox.messages if "D001 approved" in m["Subject"]] == ["pm@dwp.example"]
