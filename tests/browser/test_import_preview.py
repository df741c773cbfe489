"""Importing an edited export in a real browser: upload, check the preview, confirm, register updated.

The progress page that follows confirming, while a worker runs the job: test_import_job_browser.py.
"""

import csv
import io

import pytest
from playwright.sync_api import expect

from governance.models import Risk
from tests.browser.conftest import assert_accessible, sign_in
from tests.governance.register_factories import RiskFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_edited_export_is_previewed_then_updates_the_register_by_reference(page, live_server, world):
    RiskFactory(initiative=world.initiative, number=1, title="Families asked twice")
    RiskFactory(initiative=world.initiative, number=2, title="Funding ends early")
    sign_in(page, live_server, world.programme_manager)
    register = f"{live_server.url}/initiatives/{world.initiative.slug}/risks/"
    exported = page.request.get(f"{register}export.csv").text()
    rows = list(csv.reader(io.StringIO(exported.lstrip("\ufeff"))))
    rows[1][rows[0].index("Title")] = "Families asked for the same facts twice"
    edited = io.StringIO()
    csv.writer(edited).writerows(rows)

    page.goto(f"{register}import/")
    page.get_by_label("Upload a CSV file").set_input_files(
        {"name": "register.csv", "mimeType": "text/csv", "buffer": edited.getvalue().encode()}
    )
    page.get_by_role("button", name="Import risks").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check what the file will change")
    changed = page.get_by_role("table", name="Changed risks", exact=True)
    expect(changed).to_contain_text("R001: Families asked for the same facts twice")
    expect(changed).to_contain_text("Families asked twice")
    expect(page.get_by_role("table", name="Unchanged risks")).to_contain_text("R002: Funding ends early")
    assert_accessible(page)
    assert Risk.objects.get(number=1).title == "Families asked twice", "nothing is saved before confirming"

    page.get_by_role("button", name="Confirm and import").click()

    # Tests run the worker's task in process, so the job is done by the time its page answers.
    expect(page.get_by_role("heading", level=1)).to_have_text("Import of risks")
    expect(page.get_by_role("status")).to_contain_text("2 risks imported: 0 added, 1 updated, 1 unchanged")
    page.get_by_role("link", name="Go to the risks register").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Shared risk register")
    assert sorted(Risk.objects.values_list("number", "title")) == [
        (1, "Families asked for the same facts twice"),
        (2, "Funding ends early"),
    ]
