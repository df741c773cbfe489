"""Draft rows from the operating-model checklist: offered once, never twice."""

import pytest

from governance.checklist.items import ChecklistItem, exchanges_records, items_not_yet_added, offered_risks
from tests.governance.register_factories import AssessmentFactory, RiskFactory


@pytest.mark.parametrize(
    ("items", "existing", "offered"),
    [
        (["Data quality", "Funding"], [], ["Data quality", "Funding"]),
        (["Data quality", "Funding"], ["data  QUALITY"], ["Funding"]),
        (["Data quality", "data quality", ""], [], ["Data quality"]),
        (["Funding"], ["Funding", ""], []),
    ],
)
def test_items_already_in_the_register_are_not_offered(items, existing, offered):
    result = items_not_yet_added([ChecklistItem(text) for text in items], existing)

    assert [item.text for item in result] == offered


@pytest.mark.django_db
def test_the_latest_assessment_is_offered_and_a_renamed_draft_is_not_offered_again(world):
    AssessmentFactory(initiative=world.initiative, number=1, joint_risks=["Old risk"])
    AssessmentFactory(
        initiative=world.initiative,
        number=2,
        joint_risks=["Data quality"],
        single_body_risks=["Staff turnover"],
    )
    RiskFactory(
        initiative=world.initiative, title="Poor data quality in death records", checklist_item="Data quality"
    )

    offered = offered_risks(world.initiative)

    assert [(item.text, item.is_joint) for item in offered] == [("Staff turnover", False)]


@pytest.mark.django_db
def test_records_are_exchanged_when_the_checklist_says_so_or_data_sharing_is_a_value_area(world):
    assert not exchanges_records(world.initiative, None)
    assert exchanges_records(world.initiative, AssessmentFactory.build(answers={"data": "exchange"}))
    world.initiative.value_areas = ["data_sharing"]
    assert exchanges_records(world.initiative, None)


@pytest.mark.django_db
def test_long_items_that_shorten_to_the_same_term_or_name_are_added_once(world):
    from governance.glossary.services import definitions_add_from_checklist
    from governance.measures.services import measures_add_from_checklist

    long_items = [ChecklistItem("x" * 250 + " first"), ChecklistItem("x" * 250 + " second")]

    terms = definitions_add_from_checklist(
        initiative=world.initiative, items=long_items, by=world.senior_owner
    )
    measures = measures_add_from_checklist(
        initiative=world.initiative, items=long_items, by=world.senior_owner
    )

    assert len(terms) == len(measures) == 1
    assert terms[0].checklist_item.endswith("first")
