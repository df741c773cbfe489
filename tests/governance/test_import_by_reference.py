"""Re-importing an exported register updates its records by reference, after a preview of every change."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from governance.models import Measure, Risk
from governance.risks.services import risk_update
from governance.spreadsheets.jobs import STALE
from governance.spreadsheets.models import ImportJob
from tests.governance.import_steps import confirm_import
from tests.governance.register_factories import MeasureFactory, RiskFactory

pytestmark = pytest.mark.django_db


def page(name, world, **kwargs):
    return reverse(f"governance:{name}", kwargs={"slug": world.initiative.slug, **kwargs})


def exported(client, world, kind) -> list[list[str]]:
    response = client.get(page(f"{kind}_export", world))
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def as_file(rows) -> SimpleUploadedFile:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return SimpleUploadedFile("register.csv", buffer.getvalue().encode(), content_type="text/csv")


def upload(client, world, kind, rows):
    """Upload a file and open its preview: nothing is written yet."""
    uploaded = client.post(page(f"{kind}_import", world), {"file": as_file(rows)})
    assert uploaded.status_code == 302, uploaded.content.decode()
    return client.get(uploaded.url)


@pytest.fixture
def register(client, world):
    first = RiskFactory(initiative=world.initiative, title="Families asked twice", number=1)
    second = RiskFactory(initiative=world.initiative, title="Funding ends early", number=2)
    RiskFactory(initiative=world.initiative, title="Staff turnover", number=3)
    client.force_login(world.programme_manager)
    return first, second


def test_an_exported_register_with_an_edited_title_updates_that_risk_instead_of_adding_one(
    client, world, register
):
    first, _second = register
    rows = exported(client, world, "risks")
    header, r001 = rows[0], rows[1]
    r001[header.index("Title")] = "Families asked for the same facts twice"

    preview = upload(client, world, "risks", rows)
    first.refresh_from_db()
    assert first.title == "Families asked twice", "nothing is written before the preview is confirmed"
    text = preview.content.decode()
    assert "Check what the file will change" in text
    assert [(c.field, c.before, c.after) for row in preview.context["changed"] for c in row.changes] == [
        ("Title", "Families asked twice", "Families asked for the same facts twice")
    ]
    assert [row.label for row in preview.context["unchanged"]] == [
        "R002: Funding ends early",
        "R003: Staff turnover",
    ]

    done = confirm_import(client, preview.context["confirm_url"])

    first.refresh_from_db()
    assert "3 risks imported: 0 added, 1 updated, 2 unchanged" in done.content.decode()
    assert (first.number, first.title) == (1, "Families asked for the same facts twice")
    assert Risk.objects.count() == 3


def test_the_preview_lists_new_rows_and_records_the_file_leaves_out(client, world, register):
    rows = exported(client, world, "risks")
    header = rows[0]
    new_row = list(rows[1])
    new_row[header.index("Reference")] = ""
    new_row[header.index("Title")] = "Data quality across bodies"

    preview = upload(client, world, "risks", [header, rows[1], new_row])

    assert [row.label for row in preview.context["new"]] == ["Data quality across bodies"]
    assert [record.reference for record in preview.context["not_in_file"]] == ["R002", "R003"]
    assert "Left as it is" in preview.content.decode()
    assert Risk.objects.count() == 3


def test_a_reference_that_is_not_in_the_register_is_a_row_error(client, world, register):
    rows = exported(client, world, "risks")
    rows[1][rows[0].index("Reference")] = "R099"

    response = client.post(page("risks_import", world), {"file": as_file(rows)})

    assert "Row 2: reference R099 is not a risk in this register" in response.content.decode()


def test_a_preview_the_register_has_moved_on_from_is_refused_and_nothing_is_imported(client, world, register):
    first, _second = register
    rows = exported(client, world, "risks")
    rows[1][rows[0].index("Title")] = "Renamed in the file"
    preview = upload(client, world, "risks", rows)
    risk_update(risk=Risk.objects.get(pk=first.pk), by=world.senior_owner, title="Renamed by someone else")

    refused = confirm_import(client, preview.context["confirm_url"])

    first.refresh_from_db()
    assert STALE in refused.content.decode()
    assert "Upload a file of risks again" in refused.content.decode()
    assert first.title == "Renamed by someone else"
    assert ImportJob.objects.get().status == ImportJob.Status.FAILED


def test_confirming_twice_imports_once(client, world, register, django_capture_on_commit_callbacks):
    rows = exported(client, world, "risks")
    new_row = list(rows[1])
    new_row[rows[0].index("Reference")] = ""
    new_row[rows[0].index("Title")] = "A new one"
    preview = upload(client, world, "risks", [rows[0], new_row])
    confirm = {"form_token": "confirm-token-0123456789"}

    with django_capture_on_commit_callbacks(execute=True):
        client.post(preview.context["confirm_url"], confirm)
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(preview.context["confirm_url"], confirm, follow=True)

    assert Risk.objects.filter(title="A new one").count() == 1
    assert "You already submitted this form: nothing new was created" in again.content.decode()


def test_measures_are_matched_by_their_m_reference(client, world):
    measure = MeasureFactory(initiative=world.initiative, name="Repeat contacts")
    client.force_login(world.programme_manager)
    rows = exported(client, world, "measures")
    assert rows[1][0] == measure.reference == f"M{measure.pk:03d}"
    rows[1][rows[0].index("Name")] = "Repeat contacts per bereavement"

    preview = upload(client, world, "measures", rows)
    confirm_import(client, preview.context["confirm_url"])

    measure.refresh_from_db()
    assert measure.name == "Repeat contacts per bereavement" and Measure.objects.count() == 1


def test_a_row_dated_impossibly_is_refused_by_the_import_too(client, world, register):
    rows = exported(client, world, "risks")
    rows[1][rows[0].index("Review date")] = "2020-01-01"

    response = client.post(page("risks_import", world), {"file": as_file(rows)})

    assert "Row 2: the next review date must be on or after" in response.content.decode()
