"""A Celery worker killed with SIGKILL in the middle of building a pack: a restarted worker still builds it.

Three paths bring the pack back, and each test shows which one did:
- when only the pool child running the build dies (OOM, a segfault), the worker's main process
  puts the message back at once (reject_on_worker_lost) and its next child runs it again; that
  run has the same task id as the claim, so it takes the pack back without waiting for anything.
- the reconciler (beat runs it every minute) finds the pack `building` for longer than the hard
  time limit, puts it back in the queue and sends a new message. This works on every transport,
  including the filesystem one, where a message is deleted as soon as a worker takes it.
- on Redis, the killed worker never acknowledged its message (acks_late), so Redis hands it out again
  once the visibility timeout has passed, with no reconciler at all.
The killed worker runs production's prefork pool and dies with its pool's children, as when its
machine is lost. The time limits are cut to a few seconds for the restarted worker and the
reconciler so the tests are quick.
"""

import os
import signal
import time
from pathlib import Path

import pytest

from governance.models import GovernancePack
from governance.packs import reconciler, services
from tests.faults.paused_celery import PAUSE_MARKER
from tests.worker import wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

# Seconds after which a build counts as abandoned (CELERY_TASK_TIME_LIMIT); Redis's visibility
# timeout is twice this. The restarted worker's soft limit is one second less, and a small pack must
# build within it even on a busy CI machine (at 2 s it sometimes did not).
SHORT_LIMIT = 6


def request_pack(world) -> int:
    return services.pack_request(initiative=world.initiative, by=world.programme_manager).pack.pk


def finished(pack_id: int) -> GovernancePack | None:
    pack = GovernancePack.objects.get(pk=pack_id)
    return pack if pack.status in (GovernancePack.Status.READY, GovernancePack.Status.FAILED) else None


def pool_children(worker) -> list[int]:
    """The live processes the worker's main process forked: its prefork pool."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # "pid (command) state ppid ...": the command may hold spaces, so split after it.
            state, ppid = stat.read_text().rpartition(")")[2].split()[:2]
        except (OSError, ValueError):
            continue  # the process ended while we looked
        if int(ppid) == worker.process.pid and state != "Z":
            children.append(int(stat.parent.name))
    return children


def kill_mid_build(workers, broker, pack_id: int, private_files) -> float:
    """Start a worker whose build pauses, wait until it is inside the build, SIGKILL it; return when."""
    doomed = workers.start(broker, paused=True, env={"FAULTS_PACK_BUILD_PAUSE": "60"})
    wait_for(lambda: PAUSE_MARKER in doomed.output(), timeout=30, message="the worker to start the build")
    doomed.kill()
    killed_at = time.monotonic()
    pack = GovernancePack.objects.get(pk=pack_id)
    assert (pack.status, pack.attempts) == (GovernancePack.Status.BUILDING, 1)
    assert list(private_files.rglob("*.pdf")) == [], "the killed worker must not have written the file"
    return killed_at


def assert_built_once_more(pack: GovernancePack, private_files) -> None:
    assert pack.status == GovernancePack.Status.READY, pack.failure_reason
    assert pack.attempts == 2  # the killed worker's claim, then the restarted worker's
    assert [path.relative_to(private_files).as_posix() for path in private_files.rglob("*.pdf")] == [
        pack.file_path
    ]


def test_the_reconciler_has_a_killed_workers_pack_built_by_a_restarted_worker(
    world, broker, workers, private_files, settings
):
    pack_id = request_pack(world)
    killed_at = kill_mid_build(workers, broker, pack_id, private_files)
    # The restarted worker keeps the default limits: on Redis its visibility timeout is ten minutes,
    # so the killed worker's message cannot come back during this test and only the reconciler can help.
    restarted = workers.start(broker)
    restarted_at = time.monotonic()
    settings.CELERY_TASK_TIME_LIMIT = SHORT_LIMIT

    def reconcile():
        # What beat does every minute, here every 0.2 seconds.
        return pack_id in reconciler.packs_reconcile().reset

    wait_for(reconcile, timeout=30, message="the reconciler to queue the abandoned build again")
    reset_at = time.monotonic()
    pack = wait_for(lambda: finished(pack_id), timeout=60, message="the restarted worker to build the pack")

    assert_built_once_more(pack, private_files)
    # Logged just after the pack is marked ready.
    wait_for(lambda: f"Built governance pack {pack_id} " in restarted.output(), timeout=10)
    print(
        f"\n[{broker.name}] killed mid-build; restarted worker ready after {restarted_at - killed_at:.1f}s; "
        f"reconciler re-queued the build after {reset_at - killed_at:.1f}s (limit {SHORT_LIMIT}s); "
        f"ready {time.monotonic() - killed_at:.1f}s after the kill"
    )


def test_redis_hands_a_killed_workers_message_to_a_restarted_worker(
    world, redis_broker, workers, private_files
):
    pack_id = request_pack(world)
    killed_at = kill_mid_build(workers, redis_broker, pack_id, private_files)
    # The message was never acknowledged: Redis still holds it, handed out but unacknowledged.
    unacknowledged = redis_broker.unacknowledged_since()
    assert len(unacknowledged) == 1, "the killed worker had not acknowledged its message (acks_late)"
    delivered_at = unacknowledged[0]
    assert redis_broker.waiting() == 0
    # A worker takes back messages unacknowledged for longer than its visibility timeout when it
    # starts (afterwards only every 100 seconds), so start it once that has passed.
    visibility_timeout = 2 * SHORT_LIMIT
    wait_for(
        lambda: time.time() > delivered_at + visibility_timeout + 0.5,
        timeout=visibility_timeout + 5,
        message="the visibility timeout to pass",
    )
    restarted = workers.start(
        redis_broker,
        env={"CELERY_TASK_TIME_LIMIT": str(SHORT_LIMIT), "CELERY_TASK_SOFT_TIME_LIMIT": str(SHORT_LIMIT - 1)},
    )
    restarted_at = time.monotonic()
    pack = wait_for(lambda: finished(pack_id), timeout=60, message="Redis to hand the message out again")

    assert_built_once_more(pack, private_files)
    # Logged just after the pack is marked ready.
    wait_for(lambda: f"Built governance pack {pack_id} " in restarted.output(), timeout=10)
    assert redis_broker.unacknowledged_since() == []
    print(
        f"\n[redis] killed mid-build; restarted worker ready after {restarted_at - killed_at:.1f}s and took "
        f"the message back (no reconciler); ready {time.monotonic() - killed_at:.1f}s after the kill "
        f"(visibility timeout {visibility_timeout}s)"
    )


def test_a_killed_pool_childs_build_is_finished_by_the_same_worker_at_once(
    world, broker, workers, private_files, settings
):
    pack_id = request_pack(world)
    # Every run of the build pauses, the one after the kill too, so the kill lands inside the first.
    pause = 5
    worker = workers.start(broker, paused=True, env={"FAULTS_PACK_BUILD_PAUSE": str(pause)})
    wait_for(lambda: PAUSE_MARKER in worker.output(), timeout=30, message="the worker to start the build")
    [child] = pool_children(worker)
    os.kill(child, signal.SIGKILL)
    killed_at = time.monotonic()
    pack = GovernancePack.objects.get(pk=pack_id)
    assert (pack.status, pack.attempts) == (GovernancePack.Status.BUILDING, 1), "killed inside the build"

    # No reconciler and the default limits: only the worker itself can bring the pack back here.
    pack = wait_for(lambda: finished(pack_id), timeout=60, message="the same worker to build the pack")
    ready_after = time.monotonic() - killed_at

    assert worker.process.poll() is None, "only the pool child was killed"
    assert child not in pool_children(worker)
    assert worker.output().count(PAUSE_MARKER) == 2  # the killed run, then the redelivered one
    assert_built_once_more(pack, private_files)
    # Logged just after the pack is marked ready.
    wait_for(lambda: f"Built governance pack {pack_id} " in worker.output(), timeout=10)
    assert ready_after < settings.CELERY_TASK_TIME_LIMIT / 5
    print(
        f"\n[{broker.name}] pool child killed mid-build; the same worker had the pack ready "
        f"{ready_after:.1f}s after the kill (build pause {pause}s, "
        f"time limit {settings.CELERY_TASK_TIME_LIMIT}s)"
    )
