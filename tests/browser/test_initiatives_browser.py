import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in, sign_out

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_programme_manager_creates_an_initiative_that_an_unrelated_body_cannot_see(
    page, live_server, world
):
    sign_in(page, live_server, world.programme_manager)
    assert_accessible(page)

    page.get_by_role("button", name="Create an initiative").click()
    assert_accessible(page)
    page.get_by_role("button", name="Create initiative").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter title")
    assert_accessible(page)

    page.get_by_label("Title").fill("Joined-up support for care leavers")
    page.get_by_label("Outcome statement").fill("Care leavers get housing, benefits and a GP within a week.")
    page.get_by_label("Operational delivery").check()
    page.get_by_role("button", name="Create initiative").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Joined-up support for care leavers")
    assert_accessible(page)
    overview_url = page.url

    page.get_by_role("link", name="Home").click()
    expect(page.get_by_role("link", name="Joined-up support for care leavers", exact=True)).to_be_visible()
    sign_out(page)

    sign_in(page, live_server, world.outsider)
    expect(page.get_by_text("Joined-up support for care leavers")).to_have_count(0)
    response = page.goto(overview_url)
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
