"""The export's JSON Schema: valid, strict, honest about every stored choice, served to anyone; and the
command that prints an export."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from jsonschema import Draft202012Validator

from governance import models as gov
from governance.export.schema import SCHEMA_PATH, export_schema
from governance.health.checks import CHECKS, Status
from governance.health.facts import FIGURES
from governance.retirement.registers import REGISTERS
from initiatives.models import Body, Initiative, Participation, ValueArea
from initiatives.operating_models import OperatingModel
from initiatives.recommendation.answers import CHOICE_ANSWERS
from initiatives.roles import TeamRole
from tests.governance.export_validation import schema_problems

# Every enum in the schema (a path under $defs) and the stored values it must list, no more, no less.
ENUMS: dict[str, list] = {
    "operating_model": OperatingModel.values,
    "initiative/value_areas/items": ValueArea.values,
    "initiative/status": Initiative.Status.values,
    "initiative/classification": Initiative.Classification.values,
    "participating_body/kind": Body.Kind.values,
    "participating_body/nation": Body.Nation.values,
    "participating_body/role": Participation.Role.values,
    "team_member/role": TeamRole.values,
    **{f"assessment/answers/{key}": list(values) for key, values in CHOICE_ANSWERS.items()},
    "raci/rows/items/kind": gov.RaciRow.Kind.values,
    "raci/rows/items/cells/items/value": gov.RaciCell.Value.values,
    "forum/purpose": gov.Forum.Purpose.values,
    "forum/cadence": gov.Forum.Cadence.values,
    "decision/status": gov.Decision.Status.values,
    "decision/trail/items/from_status": gov.Decision.Status.values,
    "decision/trail/items/to_status": gov.Decision.Status.values,
    "risk/category": gov.Risk.Category.values,
    "risk/status": gov.Risk.Status.values,
    "risk/appetite": gov.Risk.Appetite.values,
    "risk/treatment": gov.Risk.Treatment.values,
    "risk/proximity": gov.Risk.Proximity.values,
    "risk/score_history/items/position": gov.RiskScoreChange.Position.values,
    "risk/actions/items/kind": gov.RiskAction.Kind.values,
    "risk/actions/items/status": gov.RiskAction.Status.values,
    "measure/direction": gov.Measure.Direction.values,
    "measure/frequency": gov.Measure.Frequency.values,
    "measure/benefit_type": gov.Measure.BenefitType.values,
    "term/status": gov.DataDefinition.Status.values,
    "term/recorded_status": gov.DataDefinition.Status.values,
    "data_sharing_agreement/dpia_status": gov.DataSharingAgreement.DpiaStatus.values,
    "assurance_review/review_type": gov.AssuranceReview.ReviewType.values,
    "assurance_review/scale": gov.AssuranceReview.Scale.values,
    "assurance_review/confidence": gov.AssuranceReview.Confidence.values,
    "assurance_review/recommendations/items/status": gov.Recommendation.Status.values,
    "retired_record/register": [register.key for register in REGISTERS],
    "health/checks/items/key": [key for key, _title, _check in CHECKS],
    "health/checks/items/status": [status.value for status in Status],
}


def enums_in(node, path: str = "") -> dict[str, list]:
    """Every enum under `node`, by its path through properties and items (null, where allowed, left out)."""
    found = {}
    if isinstance(node, dict):
        if "enum" in node:
            found[path.strip("/")] = [value for value in node["enum"] if value is not None]
        for key, child in node.items():
            if key in ("properties", "$defs"):
                for name, inner in child.items():
                    found.update(enums_in(inner, f"{path}/{name}"))
            elif key in ("items", "anyOf"):
                for inner in child if isinstance(child, list) else [child]:
                    found.update(enums_in(inner, f"{path}/items" if key == "items" else path))
    return found


def objects_in(node):
    if isinstance(node, dict):
        if node.get("type") == "object" or "properties" in node:
            yield node
        for child in node.values():
            yield from objects_in(child)
    elif isinstance(node, list):
        for child in node:
            yield from objects_in(child)


def test_the_schema_is_a_valid_draft_2020_12_schema():
    schema = export_schema()

    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_object_in_the_schema_is_closed_and_requires_its_fields():
    objects = list(objects_in(export_schema()))

    assert len(objects) > 30
    for node in objects:
        assert node["additionalProperties"] is False, node
        assert sorted(node["required"]) == sorted(node["properties"]), node


def test_each_enum_in_the_schema_is_exactly_the_stored_choices():
    found = enums_in(export_schema())

    assert sorted(found) == sorted(ENUMS), "an enum in the schema without a row in ENUMS, or the reverse"
    assert {path: sorted(values) for path, values in found.items()} == {
        path: sorted(values) for path, values in ENUMS.items()
    }


def test_the_figures_are_every_figure_the_pack_states():
    figures = export_schema()["$defs"]["health"]["properties"]["figures"]["properties"]

    assert list(figures) == list(FIGURES)


def test_the_schema_is_served_to_anyone_as_application_schema_json(client):
    response = client.get(reverse("api_schemas:initiative_export"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/schema+json"
    assert json.loads(response.content) == json.loads(SCHEMA_PATH.read_text())


def test_the_schema_address_refuses_a_post(client):
    assert client.post(reverse("api_schemas:initiative_export")).status_code == 405


@pytest.mark.django_db
def test_the_command_writes_an_export_that_matches_the_schema(world, tmp_path):
    output = tmp_path / "export.json"
    said = io.StringIO()

    call_command("export_initiative", world.initiative.slug, "--output", str(output), stdout=said)

    document = json.loads(output.read_text())
    assert document["initiative"]["slug"] == world.initiative.slug
    assert schema_problems(document) == []
    assert str(output) in said.getvalue()


@pytest.mark.django_db
def test_the_command_prints_the_export_without_an_output(world):
    printed = io.StringIO()

    call_command("export_initiative", world.initiative.slug, stdout=printed)

    assert json.loads(printed.getvalue())["initiative"]["name"] == world.initiative.title


@pytest.mark.django_db
def test_the_command_names_a_slug_it_cannot_find():
    with pytest.raises(CommandError, match="no-such-initiative"):
        call_command("export_initiative", "no-such-initiative")


@pytest.mark.django_db
def test_the_command_says_when_it_cannot_write_the_file(world, tmp_path):
    with pytest.raises(CommandError, match="Could not write"):
        call_command(
            "export_initiative", world.initiative.slug, "--output", str(tmp_path / "missing" / "x.json")
        )
