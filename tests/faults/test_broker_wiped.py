"""The broker loses its queue after packs were asked for and before any worker ran: every pack is still built.

The pack rows are the record of the work; the reconciler sends a new message for every pack still
queued. It runs twice here, as beat may, to show that duplicate messages build nothing twice: only
the run that claims a pack builds it.
"""

import io
import time

import pytest
from django.core.management import call_command

from governance.models import GovernancePack
from governance.packs import reconciler, services
from tests.factories import InitiativeFactory
from tests.worker import wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

PACKS = 3


def all_finished(pack_ids: list[int]) -> list[GovernancePack] | None:
    packs = list(GovernancePack.objects.filter(pk__in=pack_ids).order_by("pk"))
    pending = {GovernancePack.Status.QUEUED, GovernancePack.Status.BUILDING}
    return None if any(pack.status in pending for pack in packs) else packs


def test_the_reconciler_delivers_every_pack_after_the_queue_is_wiped(world, broker, workers, private_files):
    initiatives = [world.initiative, *InitiativeFactory.create_batch(PACKS - 1, lead_body=world.lead_body)]
    pack_ids = [
        services.pack_request(initiative=initiative, by=world.programme_manager).pack.pk
        for initiative in initiatives
    ]
    assert broker.waiting() == PACKS

    broker.wipe()
    assert broker.waiting() == 0
    worker = workers.start(broker)
    wiped_at = time.monotonic()
    output = io.StringIO()
    call_command("reconcile_packs", "--queued-for", "0", stdout=output)
    again = reconciler.packs_reconcile(queued_for=0)
    packs = wait_for(lambda: all_finished(pack_ids), timeout=60, message="every pack to be built")

    assert output.getvalue().startswith(f"{PACKS} queued pack(s) sent again")
    assert [pack.status for pack in packs] == [GovernancePack.Status.READY] * PACKS
    assert [pack.attempts for pack in packs] == [1] * PACKS, "each pack is claimed and built once"
    files = sorted(path.relative_to(private_files).as_posix() for path in private_files.rglob("*.pdf"))
    assert files == sorted(pack.file_path for pack in packs)
    # The worker logs a build just after it marks the pack ready: wait for every line, then count them.
    built = [f"Built governance pack {pack.pk} " for pack in packs]
    wait_for(
        lambda: all(line in worker.output() for line in built), message="every build in the worker's log"
    )
    for line in built:
        assert worker.output().count(line) == 1
    print(
        f"\n[{broker.name}] {PACKS} packs, queue wiped -> all ready {time.monotonic() - wiped_at:.1f}s after "
        f"the worker started; the second reconcile re-sent {len(again.requeued)} still queued"
    )
