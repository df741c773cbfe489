"""Writing to the risk register: numbering, default review dates, score history, actions, escalation."""

import datetime

import pytest
from django.utils import timezone

from governance.checklist.items import ChecklistItem
from governance.forums.escalation import CannotEscalate, escalation_raise
from governance.models import Escalation, Risk, RiskAction, RiskScoreChange
from governance.risks.services import (
    RiskActionNotOpen,
    review_date_after_edit,
    risk_action_complete,
    risk_create,
    risk_update,
    risks_add_from_checklist,
)
from tests.governance.register_factories import EscalationLevelFactory, RiskActionFactory

pytestmark = pytest.mark.django_db

POSITIONS = {
    "inherent_likelihood": 4,
    "inherent_impact": 5,
    "current_likelihood": 3,
    "current_impact": 4,
    "target_likelihood": 2,
    "target_impact": 2,
}


def new_risk(world, **fields) -> Risk:
    values = {
        "title": "Families asked twice",
        "category": Risk.Category.OPERATIONS,
        "appetite": Risk.Appetite.CAUTIOUS,
        "treatment": Risk.Treatment.TREAT,
        "review_date": None,
        **POSITIONS,
        **fields,
    }
    return risk_create(initiative=world.initiative, by=world.programme_manager, **values)


def history(risk):
    return list(
        risk.score_changes.order_by("pk").values_list(
            "position", "old_likelihood", "old_impact", "new_likelihood", "new_impact", "changed_by__email"
        )
    )


def test_risks_are_numbered_in_order_within_their_initiative(world):
    first, second = new_risk(world), new_risk(world, title="Second")

    assert (first.reference, second.reference) == ("R001", "R002")


def test_a_blank_review_date_defaults_from_the_current_score(world):
    risk = new_risk(world)  # current 3 x 4 = 12: High, reviewed within 30 days

    assert risk.review_date == timezone.localdate() + datetime.timedelta(days=30)


def test_a_given_review_date_is_kept(world):
    assert new_risk(world, review_date=datetime.date(2027, 1, 5)).review_date == datetime.date(2027, 1, 5)


TODAY = datetime.date(2026, 3, 2)


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


# Bands from settings: low up to 4 (90 days), medium up to 9 (60), high up to 16 (30), very high (14).
@pytest.mark.parametrize(
    ("old_score", "new_score", "stored", "submitted", "expected"),
    [
        pytest.param(6, 20, days(60), days(60), days(14), id="score up, date untouched: comes forward"),
        pytest.param(6, 20, days(10), days(10), days(10), id="score up, untouched, already sooner: kept"),
        pytest.param(6, 9, days(60), days(60), days(60), id="score up within its band: no sooner, kept"),
        pytest.param(6, 20, days(60), days(45), days(45), id="score up, date typed: the typed date wins"),
        pytest.param(20, 4, days(14), days(14), days(14), id="score down, untouched: not pushed later"),
        pytest.param(20, 4, days(120), days(120), days(120), id="score down, untouched: agreed date stays"),
        pytest.param(20, 4, days(14), days(80), days(80), id="score down, date typed: the typed date wins"),
        pytest.param(12, 12, days(120), days(120), days(120), id="score same, untouched: kept"),
        pytest.param(12, 12, days(120), days(7), days(7), id="score same, date typed: the typed date wins"),
        pytest.param(6, 20, days(60), None, days(14), id="date blanked: defaults from the new score"),
    ],
)
def test_an_edit_leaves_the_review_date_the_person_chose_or_brings_it_forward_for_a_rising_score(
    old_score, new_score, stored, submitted, expected
):
    assert (
        review_date_after_edit(
            stored=stored, submitted=submitted, old_score=old_score, new_score=new_score, today=TODAY
        )
        == expected
    )


def test_a_rising_score_brings_an_untouched_review_date_forward_and_the_history_says_why(world):
    today = timezone.localdate()
    risk = new_risk(world, review_date=today + datetime.timedelta(days=60))  # 3 x 4 = 12, high

    # As the edit form does: the stored date comes back with the new score.
    risk_update(
        risk=risk,
        by=world.partner_member,
        current_likelihood=5,
        current_impact=4,
        review_date=risk.review_date,
    )

    soon = today + datetime.timedelta(days=14)
    risk.refresh_from_db()
    assert risk.review_date == soon
    assert risk.score_changes.get(position="current", old_likelihood=3).note == (
        f"Review date brought forward to {soon.day} {soon:%B %Y}: "
        "a very high score of 20 is reviewed within 14 days."
    )


def test_a_review_date_typed_in_the_same_edit_wins_over_a_rising_score(world):
    today = timezone.localdate()
    risk = new_risk(world, review_date=today + datetime.timedelta(days=60))
    chosen = today + datetime.timedelta(days=45)

    risk_update(
        risk=risk, by=world.partner_member, current_likelihood=5, current_impact=4, review_date=chosen
    )

    risk.refresh_from_db()
    assert risk.review_date == chosen
    assert risk.score_changes.get(position="current", old_likelihood=3).note == ""


def test_a_new_risk_records_its_three_starting_positions(world):
    risk = new_risk(world)

    assert history(risk) == [
        ("inherent", None, None, 4, 5, "pm@dwp.example"),
        ("current", None, None, 3, 4, "pm@dwp.example"),
        ("target", None, None, 2, 2, "pm@dwp.example"),
    ]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"current_likelihood": 5}, [("current", 3, 4, 5, 4)]),
        ({"inherent_impact": 3}, [("inherent", 4, 5, 4, 3)]),
        ({"target_likelihood": 1, "target_impact": 1}, [("target", 2, 2, 1, 1)]),
        (
            {"inherent_likelihood": 5, "current_impact": 5, "target_impact": 3},
            [("inherent", 4, 5, 5, 5), ("current", 3, 4, 3, 5), ("target", 2, 2, 2, 3)],
        ),
    ],
)
def test_every_change_of_score_is_kept_with_who_made_it(world, changes, expected):
    risk = new_risk(world)

    risk_update(risk=risk, by=world.partner_member, **changes)

    later = [row for row in history(risk) if row[1] is not None]
    assert [row[:5] for row in later] == expected
    assert {row[5] for row in later} == {"partner@hmrc.example"}


def test_edits_that_do_not_touch_a_score_leave_no_score_history(world):
    risk = new_risk(world)

    risk_update(risk=risk, by=world.programme_manager, title="Renamed", cause="New cause", **POSITIONS)

    assert RiskScoreChange.objects.filter(risk=risk).count() == 3


def test_the_history_compares_with_what_was_stored_not_with_the_form_changed_instance(world):
    risk = new_risk(world)
    risk.current_likelihood = 5  # as a bound ModelForm would have done before the service runs

    risk_update(risk=risk, by=world.programme_manager, current_likelihood=5)

    assert history(risk)[-1][:5] == ("current", 3, 4, 5, 4)


def test_checklist_items_become_draft_risks_flagged_as_unowned(world):
    risks = risks_add_from_checklist(
        initiative=world.initiative,
        items=[ChecklistItem("Data quality across bodies", is_joint=True), ChecklistItem("Staff turnover")],
        by=world.programme_manager,
    )

    assert [(r.title, r.is_joint, r.status, r.owner_id, r.checklist_item) for r in risks] == [
        ("Data quality across bodies", True, "draft", None, "Data quality across bodies"),
        ("Staff turnover", False, "draft", None, "Staff turnover"),
    ]


def test_an_action_is_completed_once_and_a_control_is_never_completed(world):
    action = RiskActionFactory(risk=new_risk(world))
    control = RiskActionFactory(risk=action.risk, kind=RiskAction.Kind.CONTROL)

    risk_action_complete(action=action, by=world.programme_manager)

    assert RiskAction.objects.get(pk=action.pk).status == "done"
    with pytest.raises(RiskActionNotOpen, match="already done"):
        risk_action_complete(action=action, by=world.programme_manager)
    with pytest.raises(RiskActionNotOpen, match="Controls"):
        risk_action_complete(action=control, by=world.programme_manager)


class TestEscalation:
    """Risks go up the same route, through the same service, as decisions."""

    def escalate(self, world, risk, reason="Above threshold"):
        return escalation_raise(
            initiative=world.initiative, risk=risk, reason=reason, by=world.programme_manager
        )

    def test_it_goes_up_the_route_one_level_at_a_time_then_to_the_board(self, world):
        risk = new_risk(world)
        first = EscalationLevelFactory(initiative=world.initiative, level=1, name="Delivery group")
        second = EscalationLevelFactory(initiative=world.initiative, level=2, name="Programme board")
        third = EscalationLevelFactory(initiative=world.initiative, level=3, name="Senior owners")

        steps = [self.escalate(world, risk, f"Reason {n}") for n in range(3)]

        assert [(s.from_level, s.to_level, s.to_board) for s in steps] == [
            (first, second, False),
            (second, third, False),
            (third, None, True),
        ]
        risk.refresh_from_db()
        assert risk.escalation_level == third

    def test_once_with_the_board_it_cannot_go_higher(self, world):
        risk = new_risk(world)
        EscalationLevelFactory(initiative=world.initiative, level=1, name="Programme board")

        assert self.escalate(world, risk).to_board
        with pytest.raises(CannotEscalate, match="already been escalated to the board"):
            self.escalate(world, risk, "Again")
        assert Escalation.objects.count() == 1

    def test_without_a_route_it_asks_for_one_first(self, world):
        with pytest.raises(CannotEscalate, match="no escalation route"):
            self.escalate(world, new_risk(world))

    @pytest.mark.parametrize(("status", "reason"), [("closed", "Why"), ("draft", "Why"), ("open", "   ")])
    def test_it_refuses_closed_and_draft_risks_and_a_blank_reason(self, world, status, reason):
        risk = new_risk(world, status=status)
        EscalationLevelFactory(initiative=world.initiative, level=1, name="Programme board")

        with pytest.raises((CannotEscalate, ValueError)):
            self.escalate(world, risk, reason)
        assert not Escalation.objects.exists()
