"""The demo shows assessment history: honest answers that yield each seeded initiative's model."""

import pytest
from django.core.management import call_command

from initiatives.models import Assessment, Initiative, User
from initiatives.recommendation import recommend

pytestmark = pytest.mark.django_db


def test_every_seeded_initiative_with_a_model_has_assessments_that_led_to_it():
    call_command("seed_demo")

    with_model = Initiative.objects.exclude(operating_model="")
    assert with_model.count() == 2
    for initiative in with_model:
        latest = initiative.assessments.first()
        assert latest.chosen_model == initiative.operating_model
        assert latest.recommended_model == initiative.operating_model
    for assessment in Assessment.objects.all():
        assert recommend(assessment.answers) == assessment.result
        assert assessment.measures and assessment.joint_risks and assessment.data_items


def test_tell_us_once_shows_a_re_run_and_a_choice_against_the_recommendation():
    call_command("seed_demo")

    first, second = Initiative.objects.get(slug="tell-us-once-bereavement").assessments.order_by("number")
    assert (first.recommended_model, first.chosen_model) == ("lead_department", "joint_programme_board")
    assert first.choice_reason
    assert (second.number, second.chosen_model) == (2, "lead_department")
    assert second.components == ["data_sharing_partnership"]
    assert second.followed_recommendation


def test_seeding_again_adds_no_assessments():
    call_command("seed_demo")
    count = Assessment.objects.count()

    call_command("seed_demo")

    assert Assessment.objects.count() == count == 3


def test_scaled_copies_get_their_own_history():
    call_command("seed_demo", "--scale", "2")

    assert Assessment.objects.count() == 6
    assert Initiative.objects.get(slug="tell-us-once-bereavement-2").assessments.count() == 2


def test_the_demo_history_page_shows_both_runs(client):
    call_command("seed_demo")
    client.force_login(User.objects.get(email="sian.evans@hmrc.example"))

    body = client.get("/initiatives/tell-us-once-bereavement/operating-model/assessments/").content.decode()

    assert body.index("Assessment 2") < body.index("Assessment 1")
    assert "HMRC and Manchester asked for an equal say" in body
    assert "National Insurance number as the matching identifier" in body
