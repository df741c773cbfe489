"""A real Celery worker process for tests, on whatever broker the settings name.

The worker is a separate process (as in production), pointed at the test database, so
tests using it need committed data: mark them django_db(transaction=True).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


def worker_database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    return f"postgres://{auth}{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


class WorkerProcess:
    def __init__(
        self,
        mail_dir: Path,
        log_path: Path,
        extra_env: dict[str, str] | None = None,
        module: str = "celery",
        pool: str = "solo",
        queues: str | None = None,
    ):
        self.mail_dir = mail_dir
        self.log_path = log_path
        self.extra_env = extra_env or {}
        # The command run as `python -m MODULE -A collab worker ...`: Celery's own, or a test's wrapper of it.
        self.module = module
        # solo runs tasks in the worker's own process; prefork (production's pool) in a child process.
        self.pool = pool
        # Every queue the application sends to, as production's workers consume them
        # (settings.CELERY_TASK_ROUTES).
        self.queues = queues or f"{settings.CELERY_TASK_DEFAULT_QUEUE},{settings.PACK_QUEUE}"
        self.process: subprocess.Popen | None = None

    def start(self) -> WorkerProcess:
        env = {
            **os.environ,
            "DATABASE_URL": worker_database_url(),
            "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.mail_dir),
            "DEBUG": "true",
        }
        if hasattr(settings, "CELERY_FILESYSTEM_DIR"):
            env["CELERY_FILESYSTEM_DIR"] = str(settings.CELERY_FILESYSTEM_DIR)
        env.update(self.extra_env)  # last, so a test can point the worker at another broker
        self.log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                self.module,
                "-A",
                "collab",
                "worker",
                f"--pool={self.pool}",
                "--concurrency=1",
                f"--queues={self.queues}",
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, with its pool's children
        )
        self._wait_until_ready()
        return self

    def _wait_until_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Celery worker exited early:\n{self.output()}")
            if b"ready." in self.log_path.read_bytes():
                return
            time.sleep(0.2)
        raise RuntimeError(f"Celery worker not ready after {timeout}s:\n{self.output()}")

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL to the worker and its pool's children: it dies mid-task, as when a machine is lost."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()


def wait_for(predicate, timeout: float = 30, interval: float = 0.2, message: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"Timed out after {timeout}s waiting for {message}")
