"""Redis down: signing in, approving and asking for a pack still answer, quickly, and keep their data.

The application runs in gunicorn (DEBUG off) against a throwaway redis-server of this test's own, so
the machine's shared Redis is never touched. The test first proves the application really uses that
Redis (a pack's message arrives in it). Then Redis freezes (SIGSTOP: connections are still accepted,
nothing is answered, as on a hung host) while the senior owner signs in and approves a decision, and
dies (SIGKILL: connections refused) while the programme manager asks for a pack. Afterwards a fresh
Redis on the same port (empty, as a restarted Redis that keeps nothing on disk) and the reconciler
have every pack built. The approval's email to the programme managers is not sent again: only packs
have a reconciler.
"""

import contextlib
import io
import time

import pyotp
import pytest
from django.conf import settings
from django.core.management import call_command

from governance.models import GovernancePack
from tests.factories import TEST_PASSWORD, TEST_TOTP_SECRET, totp_code
from tests.faults.app_server import SECURITY_CODE_PAGE, AppServer, RedisServer, Visitor
from tests.faults.brokers import Broker, configured_redis_url
from tests.faults.conftest import Workers
from tests.governance.factories import decision_in
from tests.worker import wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

# Seconds a request may take while Redis is gone (refusing connections; measured about 0.3) and while
# it is frozen (accepting connections, never answering; measured about 2-3, from the socket timeouts).
PATIENCE = {"gone": 3, "frozen": 5}


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


def next_code() -> str:
    """The authenticator's code for the next 30 seconds, accepted too (settings.MFA_TOTP_TOLERANCE)."""
    return pyotp.TOTP(TEST_TOTP_SECRET).at(time.time() + 30)


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
        assert redis_server.client().llen(settings.PACK_QUEUE) == 1, "the application publishes to this Redis"

        # Frozen first: the senior owner signs in and approves the decision.
        redis_server.freeze()
        owner = Visitor(app)
        frozen = {
            "sign-in page": owner.get("/sign-in/"),
            "sign in": owner.post(
                "/sign-in/", {"username": world.senior_owner.email, "password": TEST_PASSWORD}
            ),
            "security code": owner.post(SECURITY_CODE_PAGE, {"code": totp_code()}),
            "home page": owner.get("/"),
            "decision page": owner.get(decision_url),
            "approve": owner.post(
                f"{decision_url}decide/", {"outcome": "approve", "comment": "Agreed at the board"}
            ),
            "decision page after": owner.get(decision_url),
        }
        # Then gone, with every message it held: the programme manager asks for a new pack.
        redis_server.kill()
        gone = {
            "ask for a pack": manager.post(f"{base}/packs/new/"),
            "packs page after": manager.get(f"{base}/packs/"),
            # The code of the next 30 seconds: the one above has been used.
            "sign in again": Visitor(app).sign_in(
                world.senior_owner.email,
                TEST_PASSWORD,
                code=pyotp.TOTP(TEST_TOTP_SECRET).at(time.time() + 30),
            ),
        }
        for state, replies in (("frozen", frozen), ("gone", gone)):
            figures = ", ".join(
                f"{name} {reply.status} in {reply.seconds:.2f}s" for name, reply in replies.items()
            )
            print(f"\n[redis {state}] {figures}")
            for name, reply in replies.items():
                assert reply.status < 500 and not reply.shows_a_traceback, f"{name}: {reply.status}"
                assert reply.seconds < PATIENCE[state], f"{name} took {reply.seconds:.1f}s with Redis {state}"

        decisive = (frozen["sign in"], frozen["security code"], frozen["approve"], gone["ask for a pack"])
        assert [reply.status for reply in decisive] == [302, 302, 302, 302]
        assert frozen["sign in"].location == SECURITY_CODE_PAGE
        assert frozen["security code"].location == gone["sign in again"].location == "/"
        assert f"{decision.reference} approved" in frozen["decision page after"].text
        assert "Version 2 of the governance pack is being built" in gone["packs page after"].text
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
        restarted_redis = Broker.redis(redis_server.url)
        workers.start(restarted_redis)
        output = io.StringIO()
        with restarted_redis.publish_here():
            call_command("reconcile_packs", "--queued-for", "0", stdout=output)
        assert output.getvalue().startswith("2 queued pack(s) sent again")
        wait_for(
            lambda: set(GovernancePack.objects.values_list("status", flat=True)) == {"ready"},
            timeout=60,
            message="both packs to be built",
        )
        print(f"[redis down] both packs ready {time.monotonic() - back_at:.1f}s after Redis came back")
