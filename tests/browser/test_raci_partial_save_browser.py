"""The RACI matrix in a real browser: complete rows are saved, an incomplete one comes back as typed."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_programme_manager_saves_the_complete_rows_and_corrects_the_incomplete_one(
    page, live_server, world
):
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}/initiatives/tell-us-once/raci/rows/suggested/")
    page.get_by_label("Approve the business case").check()
    page.get_by_label("Own the shared risk register").check()
    page.get_by_role("button", name="Add selected rows").click()

    page.get_by_label("Approve the business case — DWP").select_option("A")
    page.get_by_label("Approve the business case — HMRC").select_option("R")
    page.get_by_label("Own the shared risk register — DWP").select_option("C")
    page.get_by_role("button", name="Save RACI matrix").click()

    expect(page.get_by_role("alert").filter(has_text="RACI matrix saved")).to_contain_text(
        "1 row changed. 1 row not saved: correct it below and save again"
    )
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Choose who is accountable (A) for “Own the shared risk register”")
    expect(page.get_by_label("Own the shared risk register — DWP")).to_have_value("C")
    expect(page.get_by_label("Approve the business case — DWP")).to_have_value("A")
    assert_accessible(page)

    page.goto(f"{live_server.url}/initiatives/tell-us-once/raci/")
    expect(page.get_by_label("Approve the business case — DWP")).to_have_value("A")
    expect(page.get_by_label("Own the shared risk register — DWP")).to_have_value("")

    page.get_by_label("Own the shared risk register — DWP").select_option("R")
    page.get_by_label("Own the shared risk register — HMRC").select_option("A")
    page.get_by_role("button", name="Save RACI matrix").click()
    expect(page.get_by_role("alert")).to_contain_text("RACI matrix saved: 1 row changed")
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
