"""One-time form tokens are forgotten after a day, hourly by celery beat or by a command."""

import datetime
import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from collab.celery import app
from collab.models import FormSubmission
from collab.tasks import purge_form_submissions
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def claims():
    person = UserFactory()
    now = timezone.now()
    ages = {"just now": datetime.timedelta(0), "two hours": datetime.timedelta(hours=2)}
    ages |= {"25 hours": datetime.timedelta(hours=25), "a month": datetime.timedelta(days=30)}
    for name, age in ages.items():
        claim = FormSubmission.objects.create(
            user=person, token=f"token-{name.replace(' ', '-')}-0123456789", path="/", fingerprint=name
        )
        FormSubmission.objects.filter(pk=claim.pk).update(submitted_at=now - age)


def kept() -> set[str]:
    return set(FormSubmission.objects.values_list("fingerprint", flat=True))


def test_the_beat_task_deletes_tokens_older_than_a_day_and_keeps_the_rest(claims):
    assert purge_form_submissions() == 2
    assert kept() == {"just now", "two hours"}


def test_the_purge_is_in_the_beat_schedule_under_a_registered_task():
    entry = settings.CELERY_BEAT_SCHEDULE["purge-form-submissions"]

    app.loader.import_default_modules()  # what a worker does: autodiscover the apps' tasks
    assert entry["task"] in app.tasks
    assert entry["schedule"] <= 24 * 3600


def test_the_command_deletes_old_tokens_and_says_how_many(claims):
    out = io.StringIO()

    call_command("purge_form_submissions", stdout=out)

    assert out.getvalue().strip() == "2 form tokens older than 24 hours deleted"
    assert kept() == {"just now", "two hours"}


def test_the_command_never_deletes_tokens_young_enough_to_stop_a_double_submit(claims):
    out = io.StringIO()

    call_command("purge_form_submissions", "--older-than-hours", "0", stdout=out)

    assert "older than 1 hours" in out.getvalue()
    assert kept() == {"just now"}
