"""The set-up plan as tables: what each model and its components offer, ticked or suggested."""

import pytest

from governance.checklist.items import ChecklistItem
from governance.setup.plan import SetUpFacts, set_up_plan
from tests.factories import BOARD, DATA, LEAD, LIGHT, SHARED

ANSWERS = {
    "single_owner": "no",
    "decisions": "joint",
    "budget": "separate",
    "data": "definitions",
    "operations": "none",
    "crisis": False,
    "bodies": 3,
}


def facts(model, components=(), **changes) -> SetUpFacts:
    answers = {**ANSWERS, **changes.pop("answers", {})}
    values = {
        "model": model,
        "components": tuple(components),
        "answers": answers,
        "senior_owner": "David Okafor",
        "bodies": ("DWP", "HMRC", "MCC"),
        "bodies_without_columns": ("DWP", "HMRC", "MCC"),
        **changes,
    }
    return SetUpFacts(**values)


def offered(plan, section: str) -> dict[str, bool]:
    """Each offer's label in a section, and whether it starts ticked."""
    return {offer.label: offer.certain for offer in plan if offer.section.key == section}


def test_a_board_with_a_data_sharing_component_in_a_crisis_with_a_pooled_budget():
    plan = set_up_plan(facts(BOARD, [DATA], answers={"crisis": True, "budget": "pooled", "data": "exchange"}))

    assert offered(plan, "forums") == {
        "Programme board": True,
        "Data working group": True,
        "Joint crisis response group": True,
    }
    assert offered(plan, "escalation") == {"An escalation route in 3 levels": True}
    raci = offered(plan, "raci")
    assert raci["A column for each body taking part"] is True
    assert raci["Approve the milestone plan"] is raci["Allocate the pooled budget"] is True
    assert raci["Approve the data sharing agreement"] is True
    assert raci["Approve the business case"] is False
    assert offered(plan, "data_sharing") == {"A draft data sharing agreement, with its DPIA": True}
    assert offered(plan, "decisions") == {
        "Agree the programme board's terms of reference and decision rights": True,
        "Agree the pooled budget": True,
        "Sign the data sharing agreement": True,
        "Agree who takes emergency decisions in a crisis": True,
    }
    rights = offered(plan, "rights")
    assert (
        rights["Take emergency decisions in a crisis, out of hours if need be, reporting them after"] is True
    )
    assert rights["Approve spending from the pooled budget within limits the bodies agree"] is False


def test_a_lead_department_that_runs_a_shared_platform():
    plan = set_up_plan(
        facts(LEAD, [SHARED], answers={"single_owner": "yes", "operations": "shared_platform"})
    )

    assert offered(plan, "forums") == {
        "Lead department steering group": True,
        "Service management group": True,
    }
    assert "Approve migration plan" in offered(plan, "raci")
    assert offered(plan, "data_sharing") == {}
    assert list(offered(plan, "decisions")) == [
        "Agree how the lead department consults partners",
        "Approve the migration plan for the shared service",
    ]


def test_two_components_share_one_delivery_forum_so_there_is_one_forum_per_purpose():
    plan = set_up_plan(
        facts(BOARD, [SHARED, DATA], answers={"operations": "shared_platform", "data": "exchange"})
    )

    assert offered(plan, "forums") == {"Programme board": True, "Service and data working group": True}
    purposes = [offer.item.purpose for offer in plan if offer.section.key == "forums"]
    assert len(purposes) == len(set(purposes))


def test_light_coordination_offers_a_coordination_group_and_no_agreement():
    plan = set_up_plan(facts(LIGHT, answers={"decisions": "separate"}))

    assert offered(plan, "forums") == {"Coordination group": True}
    assert offered(plan, "data_sharing") == {}
    assert offered(plan, "decisions") == {"Agree the shared policy direction": True}


def test_a_board_without_components_suggests_a_delivery_group_unticked():
    assert offered(set_up_plan(facts(BOARD)), "forums") == {"Programme board": True, "Delivery group": False}
    journeys = set_up_plan(facts(BOARD, answers={"operations": "handoffs"}))
    assert offered(journeys, "forums") == {"Programme board": True, "Citizen journey working group": False}


def test_the_pooled_budget_row_is_only_a_suggestion_when_the_budget_is_not_pooled():
    assert offered(set_up_plan(facts(BOARD)), "raci")["Allocate the pooled budget"] is False


def test_the_checklists_named_items_are_offered_ticked_as_draft_records():
    plan = set_up_plan(
        facts(
            BOARD,
            risks=(ChecklistItem("Partners join late", is_joint=True), ChecklistItem("HMRC: late")),
            measures=(ChecklistItem("Days to act"),),
            terms=(ChecklistItem("Notified death"),),
        )
    )

    assert offered(plan, "records") == {
        "Partners join late": True,
        "HMRC: late": True,
        "Days to act": True,
        "Notified death": True,
    }
    hints = {offer.label: offer.hint for offer in plan}
    assert hints["Partners join late"] == "Draft risk, managed jointly."


def test_what_is_in_place_is_not_offered_again():
    plan = set_up_plan(
        facts(
            BOARD,
            [DATA],
            answers={"data": "exchange", "budget": "pooled"},
            bodies_without_columns=(),
            forum_names=frozenset({"programme board"}),
            forum_purposes=frozenset({"decisions"}),
            has_escalation_route=True,
            raci_activities=frozenset({"approve the milestone plan"}),
            has_agreement=True,
            decision_titles=frozenset({"agree the pooled budget"}),
            decision_rights=frozenset(
                {"take urgent decisions between board meetings, reporting them to the next meeting"}
            ),
        )
    )

    labels = [offer.label for offer in plan]
    assert "Programme board" not in labels
    assert "An escalation route in 3 levels" not in labels
    assert "A column for each body taking part" not in labels
    assert "Approve the milestone plan" not in labels
    assert "A draft data sharing agreement, with its DPIA" not in labels
    assert "Agree the pooled budget" not in labels
    assert "Take urgent decisions between board meetings, reporting them to the next meeting" not in labels
    assert "Data working group" in labels


def test_a_forum_whose_purpose_is_taken_is_offered_unticked_and_says_why():
    plan = set_up_plan(
        facts(BOARD, forum_names=frozenset({"steering group"}), forum_purposes=frozenset({"decisions"}))
    )

    [board] = [offer for offer in plan if offer.label == "Programme board"]
    assert board.certain is False
    assert "already has a decisions forum" in board.hint


def test_the_escalation_route_meets_in_the_primary_forum_and_ends_with_the_senior_owner():
    [route] = [
        offer for offer in set_up_plan(facts(BOARD, answers={"crisis": True})) if offer.kind == "escalation"
    ]

    assert [(name, who) for name, who, _threshold in route.item] == [
        ("Workstream", "The lead of the workstream the issue belongs to"),
        ("Programme board", "Programme board"),
        ("Senior accountable owner", "The senior accountable owner, David Okafor"),
    ]
    assert "straight to the joint crisis response group" in route.item[0][2]


@pytest.mark.parametrize("model", [LIGHT, LEAD, BOARD, SHARED, DATA])
@pytest.mark.parametrize("components", [(), (DATA,), (SHARED, DATA)])
def test_no_offer_is_made_twice_and_every_offer_has_a_label_and_hint(model, components):
    components = tuple(c for c in components if c != model)
    plan = set_up_plan(facts(model, components, answers={"crisis": True, "budget": "pooled"}))

    keys = [offer.key for offer in plan]
    assert len(keys) == len(set(keys))
    assert all(offer.label.strip() and offer.hint.strip() for offer in plan)
