"""Closing an assurance recommendation in a browser: a partner proposes it with evidence, the reviewer is
emailed and confirms it; or the reviewer reopens it, saying why, and the partner is emailed."""

import pytest
from playwright.sync_api import expect

from governance.assurance import services
from tests.browser.conftest import assert_accessible, sign_in, sign_out
from tests.governance.pack_factories import AssuranceReviewFactory, RecommendationFactory

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = "Agree one definition of 'date of death notification' across all partners."
EVIDENCE = "The programme board agreed the definition on 3 March; HMRC's systems use it from 1 April."
MINUTES = "https://example.gov.uk/tell-us-once/board-minutes-march"


@pytest.fixture
def recommendation(world, settings, live_server):
    settings.SITE_URL = live_server.url  # the links in the emails lead here
    review = AssuranceReviewFactory(initiative=world.initiative, reviewer=world.assurance_reviewer)
    return RecommendationFactory(review=review, owner_body=world.partner_body, text=TEXT)


def test_a_partner_proposes_closure_with_evidence_and_the_reviewer_confirms_it(
    page, live_server, world, recommendation, mailbox
):
    sign_in(page, live_server, world.partner_member)
    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/assurance/")
    page.get_by_role("link", name="Propose closure").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Propose closing a recommendation")
    assert_accessible(page)

    page.get_by_label("Evidence that the recommendation has been met").fill(EVIDENCE)
    page.get_by_label("Links to the evidence (optional)").fill(f"{MINUTES}\njavascript:alert(1)")
    page.get_by_role("button", name="Propose closure").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("javascript:alert(1) is not a web address")
    assert_accessible(page)
    page.get_by_label("Links to the evidence (optional)").fill(MINUTES)
    page.get_by_role("button", name="Propose closure").click()
    expect(page.get_by_role("alert")).to_contain_text("Closure proposed")
    expect(page.get_by_role("table", name="Recommendations of this review")).to_contain_text(
        "Proposed for closure by Siân Evans"
    )
    assert_accessible(page)
    sign_out(page)

    email = mailbox.wait_for(
        to=world.assurance_reviewer.email, subject="Closure proposed: Agree one definition"
    )
    assert EVIDENCE in email.get_body(preferencelist=("plain",)).get_content()
    sign_in(page, live_server, world.assurance_reviewer)
    page.goto(mailbox.link_in(email, "/assurance/reviews/"))
    page.get_by_role("link", name="Confirm or reopen").click()
    expect(page.get_by_text(EVIDENCE)).to_be_visible()
    expect(page.get_by_role("link", name=MINUTES)).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Yes, confirm it closed").check()
    page.get_by_role("button", name="Save your answer").click()
    expect(page.get_by_role("alert")).to_contain_text("Recommendation confirmed closed")
    table = page.get_by_role("table", name="Recommendations of this review")
    expect(table).to_contain_text("Confirmed closed by Ruth Adeyemi")
    expect(table.get_by_text("Closed", exact=True)).to_be_visible()
    assert_accessible(page)

    mailbox.wait_for(to=world.partner_member.email, subject="Recommendation confirmed closed")


def test_the_reviewer_reopens_a_proposed_closure_saying_why_and_the_partner_is_told(
    page, live_server, world, recommendation, mailbox
):
    services.recommendation_propose_closure(
        recommendation=recommendation, by=world.partner_member, evidence=EVIDENCE
    )

    sign_in(page, live_server, world.assurance_reviewer)
    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/assurance/")
    proposed = page.get_by_role("table", name="Recommendations proposed for closure, soonest due first")
    proposed.get_by_role("link", name="Confirm or reopen").click()
    page.get_by_label("No, reopen it").check()
    page.get_by_role("button", name="Save your answer").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter why the recommendation is being reopened"
    )
    assert_accessible(page)
    page.get_by_label("Comment").fill("The minutes are still a draft: send the signed copy.")
    page.get_by_role("button", name="Save your answer").click()
    expect(page.get_by_role("alert")).to_contain_text("Recommendation reopened")
    expect(page.get_by_role("table", name="Recommendations of this review")).to_contain_text(
        "The minutes are still a draft"
    )
    sign_out(page)

    email = mailbox.wait_for(to=world.partner_member.email, subject="Recommendation reopened")
    assert "The minutes are still a draft" in email.get_body(preferencelist=("plain",)).get_content()
    sign_in(page, live_server, world.partner_member)
    page.goto(mailbox.link_in(email, "/assurance/reviews/"))
    expect(page.get_by_role("link", name="Propose closure")).to_be_visible()
    assert_accessible(page)
