import pytest
from django.core.management import call_command

from initiatives.models import Body, Initiative, InitiativeRole, User

pytestmark = pytest.mark.django_db


def test_it_creates_bodies_people_for_every_role_and_initiatives_at_different_stages(capsys):
    call_command("seed_demo")

    assert Body.objects.count() >= 6
    assert {i.status for i in Initiative.objects.all()} >= {"draft", "active", "paused"}
    assert User.objects.filter(is_superuser=True).exists()
    assert InitiativeRole.objects.filter(role="programme_manager").exists()
    assert InitiativeRole.objects.filter(role="assurance_reviewer").exists()
    assert Initiative.objects.exclude(senior_owner=None).exists()
    assert "priya.shah@dwp.example" in capsys.readouterr().out


def test_the_printed_demo_logins_work(client):
    call_command("seed_demo")

    assert client.login(username="priya.shah@dwp.example", password="joined-up-demo")


def test_running_it_again_duplicates_nothing():
    call_command("seed_demo")
    counts = (Body.objects.count(), User.objects.count(), Initiative.objects.count())

    call_command("seed_demo")

    assert (Body.objects.count(), User.objects.count(), Initiative.objects.count()) == counts


def test_scale_makes_n_times_the_initiatives():
    call_command("seed_demo", "--scale", "3")

    assert Initiative.objects.count() == 9


def test_an_unrelated_demo_user_sees_none_of_the_demo_initiatives():
    call_command("seed_demo")

    assert not Initiative.objects.visible_to(User.objects.get(email="fiona.mackay@gov-scot.example")).exists()
