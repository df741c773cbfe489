"""With a real worker: the morning reminders and digest, run again on a restarted worker, send once."""

import datetime

import pytest

from governance.reminders.tasks import send_due_reminders
from people.account.services import email_preferences_update
from people.models import EmailKind, Notification
from people.tasks import send_daily_digests, send_notification
from tests.governance.register_factories import RiskFactory
from tests.worker import WorkerProcess, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def emails(mail_dir) -> list[str]:
    # The file backend creates the file before writing to it: count whole messages only.
    texts = [path.read_text() for path in mail_dir.glob("*.log")]
    return [text for text in texts if "-" * 79 in text]


def test_the_digest_sends_each_reminder_once_across_a_restarted_worker(
    world, celery_worker_process, tmp_path
):
    owner = world.partner_member
    email_preferences_update(person=owner, frequencies={EmailKind.REMINDERS: "daily_digest"}, by=owner)
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    RiskFactory(initiative=world.initiative, owner=owner, number=1, title="Late", review_date=yesterday)
    RiskFactory(initiative=world.initiative, owner=owner, number=2, title="Also late", review_date=yesterday)

    send_due_reminders.delay()
    wait_for(lambda: Notification.objects.filter(status="pending").count() == 2, message="two reminders")
    send_daily_digests.delay()
    [digest] = wait_for(lambda: emails(celery_worker_process.mail_dir), message="the digest")
    celery_worker_process.stop()

    # Beat fires again, and the digest's message comes round again, for a worker started afresh.
    send_due_reminders.delay()
    send_daily_digests.delay()
    send_notification.delay(Notification.objects.get(kind="digest").pk)
    restarted = WorkerProcess(mail_dir=celery_worker_process.mail_dir, log_path=tmp_path / "restarted.log")
    restarted.start()
    try:
        wait_for(
            lambda: restarted.output().count("succeeded") >= 3,
            message="the restarted worker to run all three",
        )
    finally:
        restarted.stop()

    assert emails(celery_worker_process.mail_dir) == [digest]
    assert "To: partner@hmrc.example" in digest
    assert "R001 Late" in digest and "R002 Also late" in digest
    assert Notification.objects.filter(kind="reminders", status="digested").count() == 2
    assert Notification.objects.get(kind="digest").status == "sent"
