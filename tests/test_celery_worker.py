import pytest

from initiatives import services
from tests.worker import wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_real_worker_emails_a_newly_named_senior_owner(world, celery_worker_process):
    initiative = world.initiative
    initiative.senior_owner = None
    initiative.save()

    services.initiative_update(
        initiative=initiative, updated_by=world.programme_manager, senior_owner=world.senior_owner
    )

    sent = wait_for(
        lambda: list(celery_worker_process.mail_dir.glob("*.log")),
        message=f"the worker to send the email. Worker log:\n{celery_worker_process.output()}",
    )
    email = sent[0].read_text()
    assert "To: sro@dwp.example" in email
    assert "Subject: You are the senior accountable owner of Tell Us Once for bereavement" in email
    assert "notify_senior_owner_named" in celery_worker_process.output()
