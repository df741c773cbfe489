"""Emails about decisions always go, to the people who can still see the initiative; those that
cannot go are recorded on the decision for a programme manager to send again."""

import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from collab.outbox import RETRY_LIMIT, SUBJECT_LENGTH
from governance.decisions import services
from governance.decisions.states import Action
from governance.models import DecisionEmailFailure
from tests.factories import InitiativeRoleFactory, UserFactory
from tests.governance.factories import decision_in, draft

pytestmark = pytest.mark.django_db


def submit(world, decision, capture):
    with capture(execute=True):
        services.decision_submit(decision=decision, by=world.programme_manager)


class TestAnyTitle:
    def test_a_title_with_a_line_break_still_emails_the_decider(
        self, world, django_capture_on_commit_callbacks
    ):
        decision = draft(world, title="Agree the meaning of\ndate of death notified")

        submit(world, decision, django_capture_on_commit_callbacks)

        assert [m.to for m in mail.outbox] == [["sro@dwp.example"]]
        assert mail.outbox[0].subject == "Decision needed: D001 Agree the meaning of date of death notified"
        assert "D001: Agree the meaning of date of death notified\n" in mail.outbox[0].body

    def test_markup_in_a_title_reaches_the_plain_text_body_as_typed(
        self, world, django_capture_on_commit_callbacks
    ):
        decision = draft(world, title='Sign <b>v2</b> & "agree"', recommendation="Sign it <now> & then")

        submit(world, decision, django_capture_on_commit_callbacks)

        body = mail.outbox[0].body
        assert 'D001: Sign <b>v2</b> & "agree"' in body
        assert "Sign it <now> & then" in body
        assert "&amp;" not in body and "&lt;" not in body

    def test_a_very_long_title_makes_a_short_subject(self, world, django_capture_on_commit_callbacks):
        decision = draft(world, title="Agree the shared definition of a completed case " * 4)

        submit(world, decision, django_capture_on_commit_callbacks)

        assert len(mail.outbox[0].subject) <= SUBJECT_LENGTH
        assert mail.outbox[0].subject.endswith("…")

    def test_the_outcome_email_takes_any_title_too(self, world, django_capture_on_commit_callbacks):
        decision = decision_in(world, "submitted", title="Sign the\r\nDSA")

        with django_capture_on_commit_callbacks(execute=True):
            services.decision_decide(decision=decision, by=world.senior_owner, action=Action.APPROVE)

        assert [(m.to, m.subject) for m in mail.outbox] == [
            (["pm@dwp.example"], "D001 approved: Sign the DSA")
        ]


class TestWhoIsTold:
    def test_a_person_whose_body_was_removed_before_the_email_went_gets_nothing(
        self, world, django_capture_on_commit_callbacks
    ):
        hmrc_manager = UserFactory(email="pm@hmrc.example", bodies=[world.partner_body])
        InitiativeRoleFactory(initiative=world.initiative, user=hmrc_manager)
        decision = decision_in(world, "submitted")

        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            services.decision_decide(decision=decision, by=world.senior_owner, action=Action.APPROVE)
        world.initiative.participations.filter(body=world.partner_body).delete()
        for callback in callbacks:
            callback()

        assert [m.to for m in mail.outbox] == [["pm@dwp.example"]]

    def test_a_decider_who_has_left_is_not_emailed(self, world, django_capture_on_commit_callbacks):
        decision = draft(world)

        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            services.decision_submit(decision=decision, by=world.programme_manager)
        world.senior_owner.is_active = False
        world.senior_owner.save()
        for callback in callbacks:
            callback()

        assert mail.outbox == []
        assert not DecisionEmailFailure.objects.exists()


class TestFailedSends:
    @pytest.fixture(autouse=True)
    def _retries_run_in_process(self):
        """Eager tasks retry in process only when their errors are not propagated, as a worker's are not."""
        from collab.celery import app

        app.conf.task_eager_propagates = False
        yield
        app.conf.task_eager_propagates = True

    def test_a_mail_server_that_keeps_failing_is_retried_then_recorded(
        self, world, django_capture_on_commit_callbacks
    ):
        decision = draft(world)
        failing = mock.patch(
            "governance.decisions.emails.send_mail", side_effect=smtplib.SMTPServerDisconnected("gone away")
        )

        with failing as send:
            submit(world, decision, django_capture_on_commit_callbacks)

        assert send.call_count == RETRY_LIMIT + 1
        failure = DecisionEmailFailure.objects.get()
        assert (failure.decision, failure.recipient, failure.kind) == (
            decision,
            world.senior_owner,
            "awaiting",
        )
        assert "Could not send after 6 attempts" in failure.reason and "gone away" in failure.reason

    def test_a_send_that_works_on_a_retry_records_nothing(self, world, django_capture_on_commit_callbacks):
        decision = draft(world)
        flaky = mock.patch(
            "governance.decisions.emails.send_mail",
            side_effect=[ConnectionError("blip"), smtplib.SMTPDataError(451, b"later"), 1],
        )

        with flaky as send:
            submit(world, decision, django_capture_on_commit_callbacks)

        assert send.call_count == 3
        assert not DecisionEmailFailure.objects.exists()

    def test_a_refused_address_is_recorded_at_once(self, world, django_capture_on_commit_callbacks):
        decision = draft(world)
        refused = smtplib.SMTPRecipientsRefused({"sro@dwp.example": (550, b"No such mailbox")})

        with mock.patch("governance.decisions.emails.send_mail", side_effect=refused) as send:
            submit(world, decision, django_capture_on_commit_callbacks)

        assert send.call_count == 1
        assert (
            "refused the address (sro@dwp.example: 550 No such mailbox)"
            in DecisionEmailFailure.objects.get().reason
        )


class TestResending:
    @pytest.fixture
    def failure(self, world, django_capture_on_commit_callbacks):
        decision = draft(world)
        refused = smtplib.SMTPRecipientsRefused({"sro@dwp.example": (550, b"No such mailbox")})
        with mock.patch("governance.decisions.emails.send_mail", side_effect=refused):
            submit(world, decision, django_capture_on_commit_callbacks)
        return DecisionEmailFailure.objects.get()

    def resend_url(self, failure):
        return reverse(
            "governance:decision_email_resend", kwargs={"slug": "tell-us-once", "number": 1, "pk": failure.pk}
        )

    def test_a_programme_manager_sees_who_was_not_told_and_resends(
        self, client, world, failure, django_capture_on_commit_callbacks
    ):
        client.force_login(world.programme_manager)

        page = client.get(reverse("governance:decision", kwargs={"slug": "tell-us-once", "number": 1}))
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(self.resend_url(failure))

        assert "Emails not sent" in page.content.decode() and "No such mailbox" in page.content.decode()
        assert response.status_code == 302
        assert [m.to for m in mail.outbox] == [["sro@dwp.example"]]
        failure.refresh_from_db()
        assert (failure.resent_by, failure.resent_at is not None) == (world.programme_manager, True)

    def test_resending_twice_sends_once(self, client, world, failure, django_capture_on_commit_callbacks):
        client.force_login(world.programme_manager)

        with django_capture_on_commit_callbacks(execute=True):
            client.post(self.resend_url(failure))
            client.post(self.resend_url(failure))

        assert len(mail.outbox) == 1

    def test_others_neither_see_the_failures_nor_resend(self, client, world, failure):
        client.force_login(world.senior_owner)

        page = client.get(reverse("governance:decision", kwargs={"slug": "tell-us-once", "number": 1}))
        response = client.post(self.resend_url(failure))

        assert "Emails not sent" not in page.content.decode()
        assert response.status_code == 403
        assert DecisionEmailFailure.objects.get().resent_at is None

    def test_resend_takes_only_a_post(self, client, world, failure):
        client.force_login(world.programme_manager)

        assert client.get(self.resend_url(failure)).status_code == 405
