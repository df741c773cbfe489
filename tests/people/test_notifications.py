"""Every notification goes through one function that reads the person's preference, and is sent once."""

import datetime

import pytest
from django.core import mail

from people.account.services import email_preferences_update
from people.models import EmailKind, Notification
from people.notifications import digest_send, notify
from people.tasks import send_daily_digests, send_notification
from tests.concurrency import all_at_once

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 12, 3)


def tell(person, key="risk:1:owner:1", kind=EmailKind.RISKS_ASSIGNED, message="You own risk R001."):
    return notify(person=person, kind=kind, key=key, subject="You own R001", message=message, url="/r/1/")


def choose(person, frequency, kind=EmailKind.RISKS_ASSIGNED):
    email_preferences_update(person=person, frequencies={kind: frequency}, by=person)


class TestPreferences:
    def test_straight_away_sends_one_email_after_commit(self, world, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            tell(world.partner_member)

        assert [m.to for m in mail.outbox] == [["partner@hmrc.example"]]
        assert mail.outbox[0].subject == "You own R001"
        assert "You own risk R001.\n\nhttp" in mail.outbox[0].body
        assert mail.outbox[0].extra_headers["X-Joined-Up-Email"] == "risks_assigned"
        assert Notification.objects.get().status == "sent"

    def test_a_daily_digest_waits_for_the_digest(self, world, django_capture_on_commit_callbacks):
        choose(world.partner_member, "daily_digest")

        with django_capture_on_commit_callbacks(execute=True):
            tell(world.partner_member)

        assert mail.outbox == []
        assert Notification.objects.get().status == "pending"

    def test_off_sends_and_records_nothing(self, world, django_capture_on_commit_callbacks):
        choose(world.partner_member, "off")

        with django_capture_on_commit_callbacks(execute=True):
            assert tell(world.partner_member) is None

        assert mail.outbox == [] and not Notification.objects.exists()

    def test_a_leaver_is_not_told(self, world):
        world.partner_member.is_active = False
        world.partner_member.save()

        assert tell(world.partner_member) is None


class TestSentOnce:
    def test_telling_the_same_thing_twice_sends_one_email(self, world, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            tell(world.partner_member)
            assert tell(world.partner_member) is None

        assert len(mail.outbox) == 1

    def test_a_notification_queued_twice_is_sent_once(self, world, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            note = tell(world.partner_member)
        send_notification.delay(note.pk)

        assert len(mail.outbox) == 1

    def test_a_mail_server_failure_is_retried_and_sent_once(self, world, django_capture_on_commit_callbacks):
        from unittest import mock

        real_send = mail.EmailMessage.send
        calls = []

        def flaky(message, *args, **kwargs):
            calls.append(1)
            if len(calls) == 1:
                raise ConnectionError("mail server down")
            return real_send(message, *args, **kwargs)

        with (
            mock.patch.object(mail.EmailMessage, "send", flaky),
            mock.patch("celery.app.task.Task.retry") as retry,
        ):
            with django_capture_on_commit_callbacks(execute=True):
                note = tell(world.partner_member)
            assert retry.called and Notification.objects.get().status == "queued"
            send_notification.delay(note.pk)  # the retry

        assert len(mail.outbox) == 1 and Notification.objects.get().status == "sent"


class TestDailyDigest:
    def test_one_email_lists_everything_waiting_and_marks_it_sent(
        self, world, django_capture_on_commit_callbacks
    ):
        choose(world.partner_member, "daily_digest")
        choose(world.partner_member, "daily_digest", kind=EmailKind.REMINDERS)
        tell(world.partner_member, key="risk:1:owner:1", message="You own risk R001.")
        tell(world.partner_member, key="risk:2:review", kind=EmailKind.REMINDERS, message="R002 review due.")

        with django_capture_on_commit_callbacks(execute=True):
            send_daily_digests.delay()

        [email] = mail.outbox
        assert email.to == ["partner@hmrc.example"]
        assert email.subject == "Your daily summary from Joined-up: 2 things to look at"
        assert "1. You own risk R001." in email.body and "2. R002 review due." in email.body
        assert set(Notification.objects.exclude(kind="digest").values_list("status", flat=True)) == {
            "digested"
        }

    def test_running_the_digest_twice_sends_it_once(self, world, django_capture_on_commit_callbacks):
        choose(world.partner_member, "daily_digest")
        tell(world.partner_member)

        with django_capture_on_commit_callbacks(execute=True):
            digest_send(person_id=world.partner_member.pk, day=DAY)
            tell(world.partner_member, key="later the same day")
            assert digest_send(person_id=world.partner_member.pk, day=DAY) is None

        assert len(mail.outbox) == 1
        # What came later waits for tomorrow's digest.
        assert Notification.objects.get(key="later the same day").status == "pending"

    def test_nobody_with_nothing_waiting_gets_a_digest(self, world, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            tell(world.partner_member)  # straight away, not for the digest
            send_daily_digests.delay()

        assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgres
def test_two_workers_telling_the_same_thing_at_once_record_it_once(world):
    choose(world.partner_member, "daily_digest")

    results = all_at_once(lambda _worker: tell(world.partner_member), range(2), timeout=10)

    assert not [result for result in results if isinstance(result, Exception)]
    assert sorted(result is None for result in results) == [False, True]
    assert Notification.objects.count() == 1
