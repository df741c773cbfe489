"""Security at the edges: lockout, sessions, headers and the audit log."""

import json
import logging
import re
import time

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from collab.log_format import JsonFormatter
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def sign_in(client, email, password=TEST_PASSWORD):
    return client.post("/sign-in/", {"username": email, "password": password})


class TestLockout:
    @pytest.fixture(autouse=True)
    def lockout_on(self, settings):
        settings.AXES_ENABLED = True

    def test_five_failures_lock_the_address_even_with_the_right_password(self, client, world):
        for _ in range(5):
            sign_in(client, world.partner_member.email, "wrong password")

        response = sign_in(client, world.partner_member.email)

        assert response.status_code == 429
        assert "Too many attempts to sign in" in response.content.decode()
        assert "_auth_user_id" not in client.session

    def test_a_locked_real_address_and_a_locked_unknown_one_look_the_same(self, client, world):
        for email in (world.partner_member.email, "nobody@example.gov.uk"):
            for _ in range(5):
                sign_in(client, email, "wrong password")

        real = sign_in(client, world.partner_member.email, "wrong password")
        unknown = sign_in(client, "nobody@example.gov.uk", "wrong password")

        def without_nonces(response):
            return re.sub(rb'nonce="[^"]*"', b"", response.content)

        assert real.status_code == unknown.status_code == 429
        assert without_nonces(real) == without_nonces(unknown)

    def test_fewer_failures_than_the_limit_do_not_lock(self, client, world):
        for _ in range(4):
            sign_in(client, world.partner_member.email, "wrong password")

        assert sign_in(client, world.partner_member.email).status_code == 302


class TestSessions:
    def test_signing_in_issues_a_new_session_key(self, client, world):
        client.get("/sign-in/")
        client.session.save()
        before = client.session.session_key

        sign_in(client, world.partner_member.email)

        assert client.session.session_key != before
        assert client.session["_auth_user_id"] == str(world.partner_member.pk)

    def test_each_request_pushes_the_idle_expiry_thirty_minutes_ahead(self, client, world):
        client.force_login(world.partner_member)

        client.get("/")

        session = Session.objects.get(session_key=client.session.session_key)
        minutes_left = (session.expire_date - timezone.now()).total_seconds() / 60
        assert 29 < minutes_left <= 30

    def test_an_idle_session_has_ended(self, client, world):
        client.force_login(world.partner_member)
        Session.objects.filter(session_key=client.session.session_key).update(
            expire_date=timezone.now() - timezone.timedelta(seconds=1)
        )

        response = client.get("/")

        assert response.status_code == 302 and response.url.startswith("/sign-in/")

    def test_a_session_ends_twelve_hours_after_signing_in_however_busy(self, client, world):
        client.force_login(world.partner_member)
        session = client.session
        session["signed_in_at"] = time.time() - 12 * 60 * 60 - 1
        session.save()

        response = client.get("/")

        assert response.status_code == 302 and response.url.startswith("/sign-in/")
        assert "_auth_user_id" not in client.session

    def test_eleven_hours_in_the_session_continues(self, client, world):
        client.force_login(world.partner_member)
        session = client.session
        session["signed_in_at"] = time.time() - 11 * 60 * 60
        session.save()

        assert client.get("/").status_code == 200


class TestHeaders:
    def test_signed_in_pages_are_never_stored(self, client, world):
        client.force_login(world.partner_member)

        assert "no-store" in client.get("/")["Cache-Control"]

    def test_pages_carry_a_content_security_policy_without_unsafe_inline(self, client):
        policy = client.get("/sign-in/")["Content-Security-Policy"]

        assert "script-src 'self' 'nonce-" in policy
        assert "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy

    def test_pages_refuse_framing_and_sniffing_and_limit_referrers(self, client):
        response = client.get("/sign-in/")

        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"

    def test_https_responses_carry_hsts(self, client, settings):
        settings.SECURE_HSTS_SECONDS = 31536000

        response = client.get("/sign-in/", secure=True)

        assert response["Strict-Transport-Security"].startswith("max-age=31536000")


class TestAuditLog:
    def audit_lines(self, caplog):
        return [JsonFormatter().format(r) for r in caplog.records if r.name == "joinedup.audit"]

    def test_sign_ins_and_failures_are_logged_without_secrets(self, client, world, caplog):
        caplog.set_level(logging.INFO, logger="joinedup.audit")

        sign_in(client, world.partner_member.email, "my-secret-attempt")
        sign_in(client, world.partner_member.email)

        lines = self.audit_lines(caplog)
        events = [json.loads(line)["event"] for line in lines]
        assert events == ["sign_in_failed", "sign_in"]
        assert all("my-secret-attempt" not in line and TEST_PASSWORD not in line for line in lines)
        assert all(world.partner_member.email not in line for line in lines)

    def test_refusals_are_logged_with_who_and_where(self, client, world, caplog):
        caplog.set_level(logging.INFO, logger="joinedup.audit")
        client.force_login(world.outsider)

        client.get(world.initiative.get_absolute_url())

        refused = [json.loads(line) for line in self.audit_lines(caplog) if '"refused"' in line]
        assert refused == [
            {
                **refused[0],
                "event": "refused",
                "user_id": world.outsider.pk,
                "status": 404,
                "path": world.initiative.get_absolute_url(),
            }
        ]


class TestAuditOfDecisionsAndDownloads:
    def audit_events(self, caplog):
        return [json.loads(JsonFormatter().format(r)) for r in caplog.records if r.name == "joinedup.audit"]

    def test_a_decision_taken_is_logged_with_who_and_what(self, world, caplog):
        from governance.decisions.services import decision_decide
        from tests.governance.factories import decision_in

        decision = decision_in(
            world, "submitted", title="Go live", context="c", options="Yes\nNo", recommendation="Yes"
        )
        caplog.set_level(logging.INFO, logger="joinedup.audit")

        decision_decide(decision=decision, by=world.senior_owner, action="approve", comment="Agreed")

        [event] = [e for e in self.audit_events(caplog) if e["event"] == "decision_decided"]
        assert (event["user_id"], event["decision_id"], event["to_status"]) == (
            world.senior_owner.pk,
            decision.pk,
            "approved",
        )
        assert "Agreed" not in json.dumps(event)
