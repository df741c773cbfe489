"""PostgreSQL restarting under load: people get the "try again" page, never a 500, and all is well afterwards.

The application runs in gunicorn (two workers, DEBUG off) against the test database while three
people use it from their own threads. Restarting the whole PostgreSQL cluster would also cut every
other session on this machine, so the test restarts *this database* as the application sees a
restart: every backend serving it is terminated (what a fast shutdown does to each connection:
"terminating connection due to administrator command", mid-query or idle), and new connections are
refused (ALLOW_CONNECTIONS false: "not currently accepting connections", as "the database system is
starting up" is while a cluster restarts) for a few seconds, then allowed again. The application
cannot tell the difference: both are psycopg OperationalErrors on the same calls.
"""

import contextlib
import threading
import time

import psycopg
import pytest
from django.db import connection
from psycopg import sql

from tests.factories import TEST_PASSWORD
from tests.faults.app_server import AppServer, Reply, Visitor
from tests.governance.factories import decision_in
from tests.worker import wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

OUTAGE = 3  # seconds the database refuses connections
OK = (200, 302)


class Database:
    """Takes the test database down and up again, from a connection to the `postgres` database."""

    def __init__(self):
        settings = connection.settings_dict
        self.name = settings["NAME"]
        self.admin = psycopg.connect(
            host=settings["HOST"] or "127.0.0.1",
            port=settings["PORT"] or 5432,
            user=settings["USER"] or None,
            password=settings["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        )

    def down(self) -> None:
        self.admin.execute(
            sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS false").format(sql.Identifier(self.name))
        )
        self.admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [self.name],
        )
        # Terminating is asynchronous: down means no backend serves the database any more.
        wait_for(lambda: self._backends() == 0, timeout=10, message="every connection to end")

    def _backends(self) -> int:
        query = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()"
        return self.admin.execute(query, [self.name]).fetchone()[0]

    def up(self) -> None:
        self.admin.execute(
            sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS true").format(sql.Identifier(self.name))
        )

    def close(self) -> None:
        self.up()
        self.admin.close()


class Load:
    """People using the application from their own threads until stopped; every reply is kept."""

    def __init__(self, app: AppServer, world):
        slug = world.initiative.slug
        self.app = app
        self.world = world
        self.pages = [
            "/",
            f"/initiatives/{slug}/",
            f"/initiatives/{slug}/decisions/",
            f"/initiatives/{slug}/risks/",
        ]
        self.replies: list[tuple[str, Reply]] = []
        self.failures: list[BaseException] = []
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.threads = [
            threading.Thread(target=self._guard, args=(self._read, world.programme_manager), name="manager"),
            threading.Thread(target=self._guard, args=(self._read, world.partner_member), name="partner"),
            threading.Thread(target=self._guard, args=(self._sign_in_again_and_again,), name="signing-in"),
        ]

    def _keep(self, reply: Reply) -> Reply:
        with self.lock:
            self.replies.append((threading.current_thread().name, reply))
        return reply

    def _guard(self, work, *args):
        try:
            work(*args)
        except BaseException as error:  # reported by the test, not lost in the thread
            self.failures.append(error)

    def _read(self, person):
        visitor = Visitor(self.app)
        assert visitor.sign_in(person.email, TEST_PASSWORD).status == 302
        while not self.stopping.is_set():
            for page in self.pages:
                self._keep(visitor.get(page))

    def _sign_in_again_and_again(self):
        while not self.stopping.is_set():
            visitor = Visitor(self.app)
            self._keep(visitor.get("/sign-in/"))
            self._keep(
                visitor.post(
                    # Someone signing in with a password alone: two-step codes work once each.
                    "/sign-in/",
                    {"username": self.world.outsider.email, "password": TEST_PASSWORD},
                )
            )
            self._keep(visitor.get("/"))

    def start(self) -> "Load":
        for thread in self.threads:
            thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(30)

    def since(self, moment: float) -> list[tuple[str, Reply]]:
        with self.lock:
            return [(who, reply) for who, reply in self.replies if reply.started >= moment]

    def between(self, start: float, end: float) -> list[Reply]:
        with self.lock:
            return [reply for _who, reply in self.replies if start <= reply.started < end]


def each_person_has(load: Load, moment: float, count: int) -> bool:
    replies = load.since(moment)
    return all(sum(who == thread.name for who, _ in replies) >= count for thread in load.threads)


def test_a_database_restart_under_load_gives_try_again_pages_then_full_recovery(world, tmp_path):
    decision_in(world, "submitted")
    with contextlib.ExitStack() as cleanup:
        app = AppServer(tmp_path / "gunicorn.log", env={}, workers=2).start()
        cleanup.callback(app.stop)
        gunicorn_pid = app.process.pid
        database = Database()
        cleanup.callback(database.close)  # whatever happens, the database accepts connections again
        load = Load(app, world).start()
        cleanup.callback(load.stop)
        began = time.monotonic()
        wait_for(lambda: each_person_has(load, began, 3), timeout=30, message="the load to get going")
        connection.close()  # this test's own connection would be cut too; it reconnects afterwards

        down_at = time.monotonic()
        database.down()
        wait_for(
            lambda: (
                time.monotonic() - down_at >= OUTAGE
                and sum(r.status == 503 for r in load.between(down_at, time.monotonic())) >= 5
            ),
            timeout=30,
            message="try-again pages during the outage",
        )
        database.up()
        # Back once the database says so: a request begun while it was still refusing is not "after".
        up_at = time.monotonic()
        wait_for(lambda: each_person_has(load, up_at, 6), timeout=30, message="requests after the restart")
        load.stop()
        assert load.failures == []

        everything = [reply for _who, reply in load.replies]
        # Requests under way when the database went down count as during the outage.
        before = [r for r in everything if r.started + r.seconds < down_at]
        during = [r for r in everything if r.started + r.seconds >= down_at and r.started < up_at]
        after = [r for r in everything if r.started >= up_at]
        assert [r for r in everything if r.status not in (*OK, 503)] == []
        assert [r for r in everything if r.shows_a_traceback] == []
        assert {r.status for r in before} <= set(OK)
        try_again = [r for r in during if r.status == 503]
        assert all(r.is_try_again_page and r.headers.get("Retry-After") == "5" for r in try_again)
        # Everything asked after the database came back succeeds, on the same gunicorn, without a restart.
        assert [(r.method, r.path, r.status) for r in after if r.status not in OK] == []
        assert app.process.pid == gunicorn_pid and app.process.poll() is None
        assert app.output().count("Booting worker") == 2
        first_after = min(after, key=lambda r: r.started)
        print(
            f"\n[database restart] before: {len(before)} replies, all OK; during {up_at - down_at:.1f}s: "
            f"{len(during)} replies = {sum(r.status in OK for r in during)} OK "
            f"({sorted({r.path for r in during if r.status in OK})}) + {len(try_again)} try-again 503s, "
            f"slowest {max(r.seconds for r in during):.2f}s; after: "
            f"{len(after)} replies all OK, the first in {first_after.seconds:.2f}s"
        )

        # A restart too quick for anyone to see: idle connections die, and the next requests do not notice,
        # because CONN_HEALTH_CHECKS checks a reused connection before its first query.
        database.down()
        database.up()
        idle_restart = [Visitor(app) for _ in range(2)]
        for visitor in idle_restart:
            assert visitor.sign_in(world.programme_manager.email, TEST_PASSWORD).status == 302
        replies = [visitor.get(page) for visitor in idle_restart for page in load.pages]
        assert [(r.path, r.status) for r in replies if r.status != 200] == []
