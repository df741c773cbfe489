"""assessment_record: an immutable, numbered record that fills the initiative's own fields."""

import pytest
from django.core import mail

from initiatives.models import Assessment, AssessmentDraft, AssessmentIsImmutable, Initiative
from initiatives.recommendation import InvalidAnswers
from initiatives.services import AssessmentRefused, Checklist, assessment_record
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ANSWERS = {
    "single_owner": "no",
    "decisions": "joint",
    "budget": "pooled",
    "data": "definitions",
    "operations": "handoffs",
    "crisis": False,
    "bodies": 2,
}


def checklist(world, **changes):
    values = {
        "outcome_statement": "Families tell government once.",
        "senior_owner": world.senior_owner,
        "decision_rights": ["Approve scope changes"],
        "data_items": ["Definition of a case"],
        "joint_risks": ["Partners join late"],
        "single_body_risks": ["HMRC: system change is late"],
        "measures": ["Days to act, monthly"],
        "stop_doing": {world.partner_body.pk: ["Stop the separate helpline"]},
    }
    return Checklist(**{**values, **changes})


def record(world, **changes):
    arguments = {
        "initiative": world.initiative,
        "answers": ANSWERS,
        "checklist": checklist(world),
        "chosen_model": "joint_programme_board",
        "choice_reason": "",
        "by": world.programme_manager,
        **changes,
    }
    return assessment_record(**arguments)


def test_it_stores_the_engines_own_recommendation_and_the_named_lists(world):
    assessment = record(world)

    assert assessment.number == 1
    assert assessment.recommended_model == "joint_programme_board"
    assert assessment.result["model"] == "joint_programme_board"
    assert assessment.result["reasons"]
    assert assessment.stop_doing == {str(world.partner_body.pk): ["Stop the separate helpline"]}
    assert assessment.single_body_risks == ["HMRC: system change is late"]
    assert assessment.created_by == world.programme_manager


def test_it_fills_the_initiatives_fields_and_leaves_unlisted_bodies_alone(world):
    world.initiative.participations.filter(body=world.lead_body).update(stop_doing=["Keep this"])

    record(world)

    initiative = Initiative.objects.get(pk=world.initiative.pk)
    assert initiative.operating_model == "joint_programme_board"
    assert initiative.outcome_statement == "Families tell government once."
    assert initiative.senior_owner_decision_rights == ["Approve scope changes"]
    assert initiative.participations.get(body=world.partner_body).stop_doing == ["Stop the separate helpline"]
    assert initiative.participations.get(body=world.lead_body).stop_doing == ["Keep this"]
    assert initiative.history.first().history_user == world.programme_manager


def test_re_runs_are_numbered_in_turn_per_initiative(world):
    record(world)
    record(world, answers={**ANSWERS, "data": "exchange"})

    assert list(world.initiative.assessments.values_list("number", "recommended_model", "components")) == [
        (2, "joint_programme_board", ["data_sharing_partnership"]),
        (1, "joint_programme_board", []),
    ]


def test_the_components_come_with_the_chosen_model(world):
    assessment = record(world, answers={**ANSWERS, "data": "exchange", "operations": "shared_platform"})

    assert assessment.recommended_components == ["shared_service", "data_sharing_partnership"]
    assert assessment.components == ["shared_service", "data_sharing_partnership"]
    assert assessment.structure == ("joint_programme_board", "shared_service", "data_sharing_partnership")


def test_choosing_a_component_as_the_model_takes_it_out_of_the_components(world):
    assessment = record(
        world,
        answers={**ANSWERS, "data": "exchange", "operations": "shared_platform"},
        chosen_model="shared_service",
        choice_reason="The platform's own board will govern it",
    )

    assert assessment.components == ["data_sharing_partnership"]


def test_recording_the_assessment_removes_the_persons_draft_and_no_one_elses(world):
    mine = AssessmentDraft.objects.create(initiative=world.initiative, person=world.programme_manager)
    theirs = AssessmentDraft.objects.create(initiative=world.initiative, person=world.administrator)

    record(world)

    assert list(AssessmentDraft.objects.all()) == [theirs]
    assert mine.pk not in AssessmentDraft.objects.values_list("pk", flat=True)


def test_an_assessment_can_never_be_changed(world):
    assessment = record(world)
    assessment.chosen_model = "light_coordination"

    with pytest.raises(AssessmentIsImmutable):
        assessment.save()

    assert Assessment.objects.get().chosen_model == "joint_programme_board"


def test_a_different_model_without_a_reason_is_refused(world):
    with pytest.raises(AssessmentRefused, match="Say why"):
        record(world, chosen_model="lead_department", choice_reason="   ")

    assert not Assessment.objects.exists()


def test_a_different_model_with_a_reason_is_kept_with_it(world):
    assessment = record(
        world, chosen_model="lead_department", choice_reason="  Treasury asked for one lead  "
    )

    assert (assessment.recommended_model, assessment.chosen_model) == (
        "joint_programme_board",
        "lead_department",
    )
    assert assessment.choice_reason == "Treasury asked for one lead"
    assert not assessment.followed_recommendation


def test_an_unknown_model_is_refused(world):
    with pytest.raises(AssessmentRefused):
        record(world, chosen_model="committee", choice_reason="x")


def test_answers_that_break_the_contract_are_refused(world):
    with pytest.raises(InvalidAnswers, match="crisis"):
        record(world, answers={**ANSWERS, "crisis": "no"})

    assert not Assessment.objects.exists()


def test_a_senior_owner_outside_the_bodies_taking_part_is_refused(world):
    with pytest.raises(AssessmentRefused, match="not in a body taking part"):
        record(world, checklist=checklist(world, senior_owner=world.outsider))

    assert Initiative.objects.get(pk=world.initiative.pk).senior_owner == world.senior_owner


def test_stop_doing_for_a_body_not_taking_part_is_refused(world):
    with pytest.raises(AssessmentRefused, match="do not take part"):
        record(world, checklist=checklist(world, stop_doing={world.unrelated_body.pk: ["x"]}))


def test_a_newly_named_senior_owner_is_emailed_once_it_commits(world, django_capture_on_commit_callbacks):
    new_owner = UserFactory(email="new.sro@hmrc.example", bodies=[world.partner_body])

    with django_capture_on_commit_callbacks(execute=True):
        record(world, checklist=checklist(world, senior_owner=new_owner))

    # The new owner is told they are named; the one they replace, who and why.
    assert sorted(m.to[0] for m in mail.outbox) == ["new.sro@hmrc.example", "sro@dwp.example"]
    replaced = next(m for m in mail.outbox if m.to == ["sro@dwp.example"])
    assert "Named in a new operating model assessment" in replaced.body


def test_keeping_the_senior_owner_sends_no_email(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        record(world)

    assert mail.outbox == []
