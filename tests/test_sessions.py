import re
import time

import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session
from django.db import OperationalError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from collab.sessions import REFRESHED_AT, SessionStore, refresh_idle_timeout


def unreachable(*args, **kwargs):
    raise OperationalError("terminating connection due to administrator command")


@pytest.mark.django_db
def test_a_session_the_database_cannot_save_gets_the_try_again_page_not_a_bad_request(world, monkeypatch):
    client = Client(raise_request_exception=False)
    client.force_login(world.partner_member)
    seconds_ago(client, 61)  # so the page restarts the idle timeout, saving the session
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


def session_writes(client, path="/") -> int:
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return sum('UPDATE "django_session"' in query["sql"] for query in queries.captured_queries)


def seconds_ago(client, seconds: float) -> None:
    """Pretend the idle timeout last restarted `seconds` ago (after a first page, as after signing in)."""
    client.get("/")
    session = client.session
    session[REFRESHED_AT] = time.time() - seconds
    session.save()


@pytest.mark.django_db
class TestIdleTimeout:
    def test_pages_within_a_minute_of_the_last_restart_do_not_write_the_session(self, client, world):
        client.force_login(world.partner_member)
        seconds_ago(client, 20)

        assert session_writes(client) == 0

    def test_a_page_a_minute_after_the_last_restart_restarts_it(self, client, world):
        client.force_login(world.partner_member)
        seconds_ago(client, 61)

        assert session_writes(client) == 1
        assert time.time() - client.session[REFRESHED_AT] < 5

    def test_the_timeout_warning_counts_down_from_the_time_really_left(self, client, world, settings):
        settings.SESSION_COOKIE_AGE = 600
        client.force_login(world.partner_member)
        seconds_ago(client, 45)

        page = client.get("/").content.decode()

        assert re.search(r'data-timeout-seconds="55[45]"', page)

    def test_stay_signed_in_restarts_the_timeout_however_recently_it_restarted(self, client, world):
        client.force_login(world.partner_member)
        seconds_ago(client, 20)

        response = client.post(reverse("people:keep_alive"))

        assert response.json() == {"signed_in_for_seconds": 30 * 60}
        assert time.time() - client.session[REFRESHED_AT] < 5
        assert client.session.get_expiry_age() == 30 * 60


def test_the_seconds_left_never_go_below_none(settings):
    settings.SESSION_COOKIE_AGE = 600
    settings.SESSION_REFRESH_AFTER = 10_000  # so the old restart stands

    assert refresh_idle_timeout({REFRESHED_AT: 1000.0}, now=1000.0 + 900) == 0


@pytest.mark.django_db
def test_signing_in_starts_both_clocks_so_the_first_page_writes_nothing(client, world):
    client.force_login(world.partner_member)

    assert session_writes(client) == 0
    assert time.time() - client.session[REFRESHED_AT] < 5
