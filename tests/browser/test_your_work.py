"""Your work in the browser: what one person does shows on another's home page, with a link to
where they act on it."""

import datetime
import io

from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from initiatives.models import User
from tests.browser.conftest import assert_accessible, sign_in, sign_out
from tests.edges.conftest import PERSONA_EMAILS
from tests.governance.factories import decision_in, route_to_a_board
from tests.governance.register_factories import RiskFactory

TITLE = "Approve the data sharing agreement"


def test_a_deferral_by_the_senior_owner_is_on_the_drafters_home_page_until_they_open_it(
    page, live_server, world
):
    decision = decision_in(world, "submitted", title=TITLE)
    sign_in(page, live_server, world.senior_owner)
    page.get_by_role("region", name="Decisions awaiting you").get_by_role(
        "link", name=f"D001: {TITLE}"
    ).click()
    page.get_by_label("Defer", exact=True).check()
    page.get_by_label("Comment").fill("Wait for the spending review.")
    revisit = timezone.localdate() + datetime.timedelta(days=40)
    page.get_by_label("Day").fill(str(revisit.day))
    page.get_by_label("Month").fill(str(revisit.month))
    page.get_by_label("Year").fill(str(revisit.year))
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_role("alert")).to_contain_text("D001 deferred")
    sign_out(page)

    sign_in(page, live_server, world.programme_manager)
    news = page.get_by_role("region", name="Your decisions decided since you last looked")
    expect(news).to_contain_text("Deferred by David Okafor")
    expect(news).to_contain_text("Wait for the spending review.")
    assert_accessible(page)
    news.get_by_role("link", name=f"D001: {TITLE}").click()
    page.wait_for_url(f"{live_server.url}{decision.get_absolute_url()}")
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("region", name="Your decisions decided since you last looked")).to_have_count(0)


def test_a_risk_escalated_to_a_level_is_on_the_home_page_of_that_levels_forum_chair(page, live_server, world):
    route_to_a_board(world.initiative, chair=world.senior_owner)
    risk = RiskFactory(
        initiative=world.initiative, owner_body=world.lead_body, title="Registrars cannot staff it"
    )
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/risks/{risk.pk}/escalate/")
    page.get_by_label("Why does this risk need escalating?").fill("Above what the workstream can absorb.")
    page.get_by_role("button", name="Escalate risk").click()
    expect(page.get_by_role("alert")).to_contain_text("escalated to Programme board (level 2)")
    sign_out(page)

    sign_in(page, live_server, world.senior_owner)
    escalated = page.get_by_role("region", name="Risks escalated to you")
    expect(escalated).to_contain_text("At Programme board (level 2)")
    assert_accessible(page)
    escalated.get_by_role("link", name=f"{risk.reference}: Registrars cannot staff it").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Registrars cannot staff it")


def test_each_persona_s_work_on_the_demo_opens_where_it_is_done(page, live_server, settings, tmp_path):
    """Every persona of the demo, signed in with a session: Your work lists their items, and every
    item's link opens a page that answers, as that persona."""
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"
    call_command("seed_demo", stdout=io.StringIO())
    counts = {}
    for persona, email in PERSONA_EMAILS.items():
        page.context.clear_cookies()
        client = Client()
        client.force_login(User.objects.get(email=email))
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )
        page.goto(f"{live_server.url}/")
        expect(page.get_by_role("heading", name="Your work", exact=True)).to_be_visible()
        links = page.locator(".govuk-task-list__link")
        hrefs = [links.nth(number).get_attribute("href") for number in range(links.count())]
        counts[persona] = len(hrefs)
        for href in hrefs:
            response = page.goto(f"{live_server.url}{href}")
            assert response.status == 200, f"{persona}: {href} answered {response.status}"

    # Everyone in Tell Us Once has something to do in the demo; the outsider and the portfolio
    # office take part in nothing of theirs that waits.
    assert all(counts[persona] for persona in ("programme_manager", "senior_owner", "reviewer", "partner")), (
        counts
    )
