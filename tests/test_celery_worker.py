import pytest

from initiatives import services
from tests.worker import wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_real_worker_emails_a_newly_named_senior_owner(world, celery_worker_process):
    initiative = world.initiative
    initiative.senior_owner = None
    initiative.save()

    services.initiative_update(
        initiative=initiative, by=world.programme_manager, senior_owner=world.senior_owner
    )

    def sent_emails():
        # The file backend creates the file before writing to it: wait for a whole message.
        texts = [path.read_text() for path in celery_worker_process.mail_dir.glob("*.log")]
        return [text for text in texts if "-" * 79 in text]

    email = wait_for(sent_emails, message="the worker to send the email")[0]
    assert "To: sro@dwp.example" in email
    assert "Subject: You are the senior accountable owner of Tell Us Once for bereavement" in email
    assert "notify_senior_owner_named" in celery_worker_process.output()
