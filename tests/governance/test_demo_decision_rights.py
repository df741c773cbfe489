import pytest
from django.core.management import call_command

from governance.decisions.presenters import decision_rights_summary
from governance.models import Decision, Escalation, EscalationLevel, Forum, RaciRow
from initiatives.models import Initiative, User

pytestmark = pytest.mark.django_db


def test_the_demo_has_decisions_in_every_state_and_one_awaiting_the_demo_senior_owner():
    call_command("seed_demo")

    assert set(Decision.objects.values_list("status", flat=True)) == set(Decision.Status.values)
    owner = User.objects.get(email="david.okafor@dwp.example")
    awaiting = Decision.objects.awaiting_decision_by(owner)
    assert [d.title for d in awaiting] == ["Approve version 2 of the data sharing agreement"]
    superseded = Decision.objects.get(status="superseded")
    assert superseded.superseded_by == awaiting[0]
    assert Escalation.objects.filter(decision__isnull=False).exists()


def test_tell_us_once_has_a_valid_matrix_with_one_warning_and_another_initiative_too_many_forums():
    call_command("seed_demo")

    tell_us_once = decision_rights_summary(Initiative.objects.get(slug="tell-us-once-bereavement"))
    identity = decision_rights_summary(Initiative.objects.get(slug="shared-identity-checking-platform"))

    assert tell_us_once.raci_rows >= 6
    assert tell_us_once.raci_failing == []
    assert tell_us_once.raci_warnings == 1
    assert tell_us_once.crowded == []
    assert len(tell_us_once.levels) == 3
    assert [c.purpose for c in identity.crowded] == ["Decisions"]
    assert identity.raci_failing == ["Approve a new body joining the service"]


def test_seeding_twice_adds_nothing():
    call_command("seed_demo")
    counts = [m.objects.count() for m in (Decision, RaciRow, Forum, EscalationLevel, Escalation)]

    call_command("seed_demo")

    assert [m.objects.count() for m in (Decision, RaciRow, Forum, EscalationLevel, Escalation)] == counts


def test_scaled_copies_get_their_own_people():
    call_command("seed_demo", "--scale", "2")

    copy = Initiative.objects.get(slug="tell-us-once-bereavement-2")
    awaiting = copy.decisions.get(status="submitted")
    assert awaiting.decider.email == "david.okafor+2@dwp.example"
