"""Redis down: signing in, approving and asking for a pack still answer, quickly, and keep their data.

The application runs in gunicorn (DEBUG off) against a throwaway redis-server of this test's own, so
the machine's shared Redis is never touched. The test first proves the application really uses that
Redis (a pack's message arrives in it), then kills it with SIGKILL and acts as the senior owner and the
programme manager would. Afterwards a fresh Redis on the same port (empty, as a restarted Redis that
keeps nothing on disk) and the reconciler have every pack built.
"""

import contextlib
import os
import subprocess
import sys
import time

import pytest

from governance.models import GovernancePack
from tests import worker
from tests.factories import TEST_PASSWORD
from tests.faults.app_server import AppServer, RedisServer, Visitor
from tests.faults.brokers import Broker, configured_redis_url
from tests.faults.conftest import Workers
from tests.governance.factories import decision_in
from tests.worker import ROOT, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

# A request must answer within this many seconds while the broker is down (measured: well under one).
PATIENCE = 3


@pytest.fixture
def redis_server(tmp_path):
    if not RedisServer.available():
        if configured_redis_url():
            pytest.fail("redis-server must be installed where CELERY_BROKER_URL names Redis")
        pytest.skip("needs redis-server installed (CI has it)")
    server = RedisServer(tmp_path).start()
    try:
        yield server
    finally:
        server.stop()


def reconcile_packs(broker_url: str) -> str:
    """The operator's command, as cron or beat would run it, against the given broker."""
    env = {"DATABASE_URL": worker.test_database_url(), "CELERY_BROKER_URL": broker_url, "DEBUG": "true"}
    finished = subprocess.run(
        [sys.executable, "manage.py", "reconcile_packs", "--queued-for", "0"],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return finished.stdout


def test_people_can_still_sign_in_approve_and_ask_for_packs_while_redis_is_down(
    world, redis_server, private_files, tmp_path
):
    decision = decision_in(world, "submitted")
    base = f"/initiatives/{world.initiative.slug}"
    decision_url = f"{base}/decisions/{decision.number}/"
    with contextlib.ExitStack() as cleanup:
        app = AppServer(tmp_path / "gunicorn.log", env={"CELERY_BROKER_URL": redis_server.url}).start()
        cleanup.callback(app.stop)
        manager = Visitor(app)
        assert manager.sign_in(world.programme_manager.email, TEST_PASSWORD).status == 302
        assert manager.post(f"{base}/packs/new/").status == 302
        assert redis_server.client().llen("celery") == 1, "the application publishes to this Redis"

        redis_server.kill()

        owner = Visitor(app)
        replies = {
            "sign-in page": owner.get("/sign-in/"),
            "sign in": owner.post(
                "/sign-in/", {"username": world.senior_owner.email, "password": TEST_PASSWORD}
            ),
            "home page": owner.get("/"),
            "decision page": owner.get(decision_url),
            "approve": owner.post(
                f"{decision_url}decide/", {"outcome": "approve", "comment": "Agreed at the board"}
            ),
            "decision page after": owner.get(decision_url),
            "ask for a pack": manager.post(f"{base}/packs/new/"),
            "packs page after": manager.get(f"{base}/packs/"),
        }
        figures = ", ".join(
            f"{name} {reply.status} in {reply.seconds:.2f}s" for name, reply in replies.items()
        )
        print(f"\n[redis down] {figures}")

        for name, reply in replies.items():
            assert reply.status < 500 and not reply.shows_a_traceback, f"{name}: {reply.status}"
            assert reply.seconds < PATIENCE, f"{name} took {reply.seconds:.1f}s with Redis down"
        assert [replies[name].status for name in ("sign in", "approve", "ask for a pack")] == [302] * 3
        assert replies["sign in"].location == "/"
        assert f"{decision.reference} approved" in replies["decision page after"].text
        assert "Version 2 of the governance pack is being built" in replies["packs page after"].text
        # The data is kept: the approval and its trail row, and the pack asked for.
        decision.refresh_from_db()
        assert decision.status == "approved"
        last = decision.transitions.order_by("-pk").first()
        assert (last.to_status, last.by, last.comment) == (
            "approved",
            world.senior_owner,
            "Agreed at the board",
        )
        packs = list(GovernancePack.objects.order_by("version"))
        assert [(pack.version, pack.status) for pack in packs] == [(1, "queued"), (2, "queued")]
        log = app.output()
        assert "Could not enqueue governance.tasks.notify_decision_decided" in log
        assert "Could not enqueue governance.tasks.build_governance_pack" in log

        # Redis is back, empty: the message of version 1 went down with it. The reconciler sends both.
        redis_server.start()
        back_at = time.monotonic()
        workers = Workers(tmp_path)
        cleanup.callback(workers.stop_all)
        workers.start(Broker.redis(redis_server.url))
        assert reconcile_packs(redis_server.url).startswith("2 queued pack(s) sent again")
        wait_for(
            lambda: set(GovernancePack.objects.values_list("status", flat=True)) == {"ready"},
            timeout=60,
            message="both packs to be built",
        )
        print(f"[redis down] both packs ready {time.monotonic() - back_at:.1f}s after Redis came back")
