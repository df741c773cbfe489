import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session
from django.db import OperationalError
from django.test import Client

from collab.sessions import SessionStore


def unreachable(*args, **kwargs):
    raise OperationalError("terminating connection due to administrator command")


@pytest.mark.django_db
def test_a_session_the_database_cannot_save_gets_the_try_again_page_not_a_bad_request(world, monkeypatch):
    client = Client(raise_request_exception=False)
    client.force_login(world.partner_member)
    monkeypatch.setattr(Session, "save", unreachable)  # the page renders, then saving the session fails

    response = client.get("/")

    assert response.status_code == 503
    assert "Sorry, the service is unavailable" in response.content.decode()


@pytest.mark.django_db
def test_a_session_deleted_by_another_request_is_still_reported_as_deleted():
    store = SessionStore()
    store["seen"] = 1
    store.create()
    Session.objects.all().delete()
    store["seen"] = 2

    with pytest.raises(UpdateError):
        store.save()
