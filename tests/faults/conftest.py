"""Fixtures for the fault tests: a broker to lose messages from, and worker processes to kill."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.brokers import Broker, configured_redis_url
from tests.governance.pack_fixtures import private_files  # noqa: F401
from tests.worker import WorkerProcess


@pytest.fixture(params=["filesystem", "redis"])
def broker(request, tmp_path):
    """Each transport the service runs on: Kombu's filesystem always, Redis when CELERY_BROKER_URL is one."""
    if request.param == "redis":
        url = configured_redis_url()
        if url is None:
            pytest.skip("needs CELERY_BROKER_URL=redis://...; CI sets it")
        chosen = Broker.redis(url)
    else:
        chosen = Broker.filesystem(tmp_path / "celery")
    with chosen.publish_here():
        chosen.wipe()  # nothing left over from an earlier test may be delivered
        try:
            yield chosen
        finally:
            chosen.wipe()


@pytest.fixture
def redis_broker(tmp_path):
    url = configured_redis_url()
    if url is None:
        pytest.skip("needs CELERY_BROKER_URL=redis://...; CI sets it")
    chosen = Broker.redis(url)
    with chosen.publish_here():
        chosen.wipe()
        try:
            yield chosen
        finally:
            chosen.wipe()


class Workers:
    """Celery worker processes started by one test; every one is stopped when the test ends."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.started: list[WorkerProcess] = []

    def start(
        self, broker: Broker, *, env: dict[str, str] | None = None, paused: bool = False
    ) -> WorkerProcess:
        number = len(self.started) + 1
        mail_dir = self.folder / f"mail-{number}"
        mail_dir.mkdir()
        worker = WorkerProcess(
            mail_dir=mail_dir,
            log_path=self.folder / f"worker-{number}.log",
            extra_env={**broker.worker_env, **(env or {})},
            module="tests.faults.paused_celery" if paused else "celery",
            # A worker the test kills runs production's pool, where a child process runs the task
            # while the parent talks to the broker: that is where acknowledging late matters. (The
            # solo pool cannot acknowledge before a task ends, so it would never lose a message.)
            pool="prefork" if paused else "solo",
        )
        self.started.append(worker)
        return worker.start()

    def stop_all(self) -> None:
        # Killed, not stopped: the test is over, an idle worker holds nothing (the broker is wiped
        # after it), and a filesystem-transport worker takes five seconds to stop gracefully.
        for worker in self.started:
            worker.kill()
            worker.stop()


@pytest.fixture
def workers(tmp_path, transactional_db):
    from collab.celery import app

    app.conf.task_always_eager = False
    started = Workers(tmp_path)
    try:
        yield started
    finally:
        started.stop_all()
