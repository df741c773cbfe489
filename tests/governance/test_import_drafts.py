"""A register with drafts not yet assessed survives export and re-import: the draft stays a draft.

A draft risk is exported with blank score, category, appetite, treatment and review date cells and
status Draft; a draft measure with blank definition, unit and direction. Re-importing the file
unchanged changes nothing. A row marked Draft that carries scores is refused with a row error: the
import does not guess whether the person meant to assess the risk or to keep it a draft.
"""

import pytest

from governance.checklist.items import ChecklistItem
from governance.measures.services import measures_add_from_checklist
from governance.models import Measure, Risk
from governance.risks.services import risks_add_from_checklist
from tests.governance.import_steps import confirm_import
from tests.governance.register_factories import MeasureFactory, RiskFactory
from tests.governance.test_import_by_reference import as_file, exported, page, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def register_with_a_draft(client, world):
    RiskFactory(initiative=world.initiative, title="Funding ends early", number=1)
    (draft,) = risks_add_from_checklist(
        initiative=world.initiative,
        items=[ChecklistItem("Data quality across bodies", is_joint=True)],
        by=world.programme_manager,
    )
    client.force_login(world.programme_manager)
    return draft


def stored(model):
    return (
        sorted(model.all_records.values_list(), key=repr)
        if hasattr(model, "all_records")
        else sorted(model.objects.values_list(), key=repr)
    )


def test_a_re_imported_register_with_a_draft_risk_is_unchanged_and_nothing_is_written(
    client, world, register_with_a_draft
):
    rows = exported(client, world, "risks")
    draft_row = dict(zip(rows[0], rows[2], strict=True))
    assert (draft_row["Status"], draft_row["Current likelihood"], draft_row["Category"]) == ("Draft", "", "")
    before = stored(Risk)

    preview = upload(client, world, "risks", rows)
    done = confirm_import(client, preview.context["confirm_url"])

    assert [row.label for row in preview.context["unchanged"]] == [
        "R001: Funding ends early",
        f"{register_with_a_draft.reference}: Data quality across bodies",
    ]
    assert preview.context["changed"] == [] and preview.context["new"] == []
    assert "2 risks imported: 0 added, 0 updated, 2 unchanged" in done.content.decode()
    assert stored(Risk) == before
    register_with_a_draft.refresh_from_db()
    assert register_with_a_draft.status == Risk.Status.DRAFT and not register_with_a_draft.is_assessed


def test_a_new_draft_row_without_scores_adds_a_draft(client, world, register_with_a_draft):
    rows = exported(client, world, "risks")
    new_row = list(rows[2])
    new_row[rows[0].index("Reference")] = ""
    new_row[rows[0].index("Title")] = "Shared records go stale"

    preview = upload(client, world, "risks", [rows[0], new_row])
    confirm_import(client, preview.context["confirm_url"])

    added = Risk.objects.get(title="Shared records go stale")
    assert added.status == Risk.Status.DRAFT and added.current_score is None and added.category == ""


def test_a_draft_row_with_scores_is_a_row_error_naming_what_to_do(client, world, register_with_a_draft):
    rows = exported(client, world, "risks")
    rows[2][rows[0].index("Current likelihood")] = "4"

    response = client.post(page("risks_import", world), {"file": as_file(rows)})

    assert (
        "Row 3: a draft risk has no scores yet: clear the likelihood and impact cells to keep it a draft, "
        "or set the status to Open to record an assessed risk"
    ) in response.content.decode()
    assert Risk.objects.get(pk=register_with_a_draft.pk).current_likelihood is None


def test_an_open_row_with_blank_scores_still_needs_its_assessment(client, world, register_with_a_draft):
    rows = exported(client, world, "risks")
    rows[2][rows[0].index("Status")] = "Open"

    response = client.post(page("risks_import", world), {"file": as_file(rows)})

    assert "Row 3: enter the category" in response.content.decode()
    assert "Row 3: current likelihood must be a whole number from 1 to 5" in response.content.decode()


def test_a_re_imported_register_with_a_draft_measure_is_unchanged(client, world):
    MeasureFactory(initiative=world.initiative, name="Repeat contacts")
    (draft,) = measures_add_from_checklist(
        initiative=world.initiative,
        items=[ChecklistItem("Time to first payment")],
        by=world.programme_manager,
    )
    client.force_login(world.programme_manager)
    rows = exported(client, world, "measures")
    before = stored(Measure)

    preview = upload(client, world, "measures", rows)
    client.post(preview.context["confirm_url"])

    assert [row.label for row in preview.context["unchanged"]] == [
        f"{Measure.objects.get(name='Repeat contacts').reference}: Repeat contacts",
        f"{draft.reference}: {draft.name}",
    ]
    assert preview.context["changed"] == [] and preview.context["new"] == []
    assert stored(Measure) == before
    draft.refresh_from_db()
    assert draft.is_draft
