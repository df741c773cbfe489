"""An assurance reviewer records a review, asks for a governance pack, waits for it and downloads it."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from pypdf import PdfReader

from governance.assurance.rules import ASSURANCE_REVIEWERS_GROUP
from tests.browser.conftest import assert_accessible, sign_in, sign_out
from tests.factories import UserFactory, with_two_step
from tests.governance.pack_fixtures import private_files  # noqa: F401
from tests.governance.pack_records import fill_initiative

pytestmark = pytest.mark.django_db(transaction=True)


def fill_date(page, group: str, day: datetime.date) -> None:
    fieldset = page.get_by_role("group", name=group)
    fieldset.get_by_label("Day").fill(str(day.day))
    fieldset.get_by_label("Month").fill(str(day.month))
    fieldset.get_by_label("Year").fill(str(day.year))


# private_files first: the worker process must write where the web server reads.
@pytest.mark.worker
@pytest.mark.usefixtures("private_files")
def test_a_reviewer_records_a_review_then_asks_for_a_pack_and_downloads_it(
    page, live_server, world, celery_worker_process
):
    fill_initiative(world)
    sign_in(page, live_server, world.assurance_reviewer)
    expect(page.get_by_role("region", name="Initiatives you assure")).to_contain_text(
        "Tell Us Once for bereavement"
    )
    assert_accessible(page)

    page.get_by_role("link", name="Assurance of Tell Us Once for bereavement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Assurance")
    assert_accessible(page)

    page.get_by_role("button", name="Record a review").click()
    page.get_by_label("Health check").check()
    fill_date(page, "Date of the review", datetime.date.today())
    page.get_by_label("Findings").fill(
        "Funding for year two is unresolved; partners are procuring separately."
    )
    page.get_by_label("Three-point (IPA, current)").check()
    page.get_by_label("Amber/Red").check()
    page.get_by_role("button", name="Record review").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Amber/Red is only on the five-point scale")
    assert_accessible(page)
    page.get_by_label("Red", exact=True).check()
    page.get_by_role("button", name="Record review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Health check")
    expect(page.get_by_text("None scheduled")).to_have_count(0)  # Red: the follow-up is scheduled
    assert_accessible(page)

    page.get_by_role("button", name="Add a recommendation").click()
    assert_accessible(page)
    page.get_by_label("Recommendation").fill("Settle second-year funding before the next board.")
    page.get_by_label("HM Revenue and Customs").check()
    fill_date(page, "Due date", datetime.date.today() + datetime.timedelta(days=30))
    page.get_by_role("button", name="Add recommendation").click()
    expect(page.get_by_role("table")).to_contain_text("Settle second-year funding")
    assert_accessible(page)

    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/packs/")
    assert_accessible(page)
    page.get_by_role("button", name="Create a governance pack").click()
    expect(page.get_by_text("Version 1 of the governance pack is being built")).to_be_visible()
    download_link = page.get_by_role("link", name="Download version 1 (PDF")
    expect(download_link).to_be_visible(timeout=90_000)  # the page polls, then reloads itself
    assert_accessible(page)

    with page.expect_download() as download_info:
        download_link.click()
    download = download_info.value
    assert download.suggested_filename == "tell-us-once-governance-pack-v1.pdf"
    reader = PdfReader(io.BytesIO(open(download.path(), "rb").read()))  # noqa: SIM115
    # Words, not lines: a table cell wraps its text wherever the column's width puts the break.
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Settle second-year funding before the next board." in text
    assert reader.metadata.title == "Tell Us Once for bereavement: governance pack, version 1"


def test_a_programme_manager_assigns_a_reviewer_and_sees_assurance_on_the_overview(page, live_server, world):
    # A reviewer, so one with two-step verification set up.
    colleague = with_two_step(UserFactory(email="sam.reviewer@ipa.example", full_name="Sam Reviewer"))
    # get_or_create: transactional tests flush the group the data migration made.
    colleague.groups.add(Group.objects.get_or_create(name=ASSURANCE_REVIEWERS_GROUP)[0])
    sign_in(page, live_server, world.programme_manager)

    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/")
    expect(page.get_by_text("No assurance review yet")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="People with a role").click()
    page.get_by_role("link", name="Assign assurance reviewers").click()
    page.get_by_role("button", name="Assign reviewer").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select reviewer")
    assert_accessible(page)
    page.get_by_label("Reviewer").select_option(label="Sam Reviewer")
    page.get_by_role("button", name="Assign reviewer").click()
    expect(page.get_by_text("Sam Reviewer is now an assurance reviewer")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    sign_in(page, live_server, colleague)
    expect(page.get_by_role("region", name="Initiatives you assure")).to_contain_text("No review yet")
