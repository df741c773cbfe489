"""A real `celery worker` process builds a pack end to end, on the configured broker."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from pypdf import PdfReader

from governance.models import GovernancePack
from governance.packs import services
from tests.governance.pack_fixtures import private_files  # noqa: F401
from tests.governance.pack_records import fill_initiative
from tests.worker import wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def ready(pack_id):
    pack = GovernancePack.objects.get(pk=pack_id)
    return pack if pack.status in (GovernancePack.Status.READY, GovernancePack.Status.FAILED) else None


# private_files comes first: the worker process must be started with the same PRIVATE_FILES_ROOT.
@pytest.mark.usefixtures("private_files")
def test_a_worker_process_builds_the_pack_that_was_asked_for(world, celery_worker_process):
    initiative = fill_initiative(world)

    outcome = services.pack_request(initiative=initiative, by=world.assurance_reviewer)

    pack = wait_for(lambda: ready(outcome.pack.pk), timeout=90, message="the worker to build the pack")
    assert pack.status == GovernancePack.Status.READY, pack.failure_reason
    pdf = (Path(settings.PRIVATE_FILES_ROOT) / pack.file_path).read_bytes()
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == pack.page_count
    assert "OFFICIAL-SENSITIVE" in reader.pages[0].extract_text()
    assert "build_governance_pack" in celery_worker_process.output()
