"""A confirmed import in a real browser: its progress page follows the worker and says when it is done."""

import pytest
from playwright.sync_api import expect

from governance.models import Risk
from governance.spreadsheets.jobs import import_job_run
from governance.spreadsheets.models import ImportJob
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

FILE = (
    "Title,Category,Joint risk,Inherent likelihood,Inherent impact,Current likelihood,Current impact,"
    "Target likelihood,Target impact,Risk appetite,Treatment\n"
    "Families asked twice,Operations,yes,4,4,3,3,2,2,Cautious,Treat\n"
    "Funding ends early,Financial,no,2,5,2,4,1,4,Minimal,Tolerate\n"
)


def test_the_progress_page_announces_the_import_done_once_the_worker_has_run_it(
    page, live_server, world, monkeypatch
):
    # Hold the message back, as a busy worker would, so the page is seen waiting; the test is the worker.
    monkeypatch.setattr("governance.spreadsheets.services.enqueue_on_commit", lambda task, *args: None)
    sign_in(page, live_server, world.programme_manager)
    page.goto(f"{live_server.url}/initiatives/{world.initiative.slug}/risks/import/")
    page.get_by_label("Upload a CSV file").set_input_files(
        {"name": "risks.csv", "mimeType": "text/csv", "buffer": FILE.encode()}
    )
    page.get_by_role("button", name="Import risks").click()
    page.get_by_role("button", name="Confirm and import").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Import of risks")
    live = page.get_by_role("status")
    expect(live).to_have_attribute("aria-live", "polite")
    expect(live).to_contain_text("Waiting to import 2 rows")
    assert_accessible(page)
    assert not Risk.objects.exists()

    assert import_job_run(job_id=ImportJob.objects.get().pk) == "done"

    expect(live).to_have_text("Import complete. 2 risks imported: 2 added, 0 updated, 0 unchanged.")
    expect(page.get_by_text("Rows done: 2 of 2")).to_be_visible()
    expect(page.get_by_role("link", name="Refresh the page")).to_be_hidden()
    page.get_by_role("link", name="Go to the risks register").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Shared risk register")
    assert Risk.objects.count() == 2
