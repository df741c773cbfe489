"""The application as people meet it: gunicorn on a loopback port with DEBUG off, and visitors to it.

`AppServer` runs `gunicorn collab.wsgi` against the test database, so the fault tests see the real
error pages and middleware, not Django's debug page or the test client. `Visitor` is one person's
browser: it keeps its own cookies (gunicorn speaks plain HTTP here, and production marks the
session and CSRF cookies Secure, which the standard library's cookie jar would then never send).
`RedisServer` is a throwaway redis-server the tests may kill without touching the machine's own.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings

from tests.factories import totp_code
from tests.worker import ROOT, wait_for, worker_database_url

SECURITY_CODE_PAGE = "/sign-in/security-code/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class AppServer:
    """gunicorn serving the application with production settings (tests/faults/app_settings.py)."""

    def __init__(self, log_path: Path, *, env: dict[str, str], workers: int = 1):
        self.log_path = log_path
        self.port = free_port()
        self.env = env
        self.workers = workers
        self.process: subprocess.Popen | None = None

    @property
    def address(self) -> tuple[str, int]:
        return "127.0.0.1", self.port

    def start(self) -> AppServer:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.faults.app_settings",
            "DEBUG": "false",
            "SECRET_KEY": "fault-tests-only-" + "x" * 40,
            # The test process sealed the test people's authenticator secrets under its own key.
            "SECRET_KEY_FALLBACKS": settings.SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": worker_database_url(),
            **self.env,
        }
        self.log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "collab.wsgi:application",
                # Production's settings (threads, timeout), so the faults are those production meets.
                "-c",
                str(ROOT / "deploy" / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--access-logfile",
                "/dev/null",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for(self._answers, timeout=30, message=f"gunicorn to answer on port {self.port}")
        except BaseException:
            self.stop()
            raise
        return self

    def _answers(self) -> bool:
        if self.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited early:\n{self.output()}")
        try:
            return Visitor(self).get("/sign-in/").status == 200
        except OSError:
            return False

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.log.close()


@dataclass
class Reply:
    method: str
    path: str
    status: int
    text: str
    headers: dict[str, str]
    started: float
    seconds: float

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")

    @property
    def is_try_again_page(self) -> bool:
        return (
            self.status == 503
            and "Sorry, the service is unavailable" in self.text
            and "Try again" in self.text
        )

    @property
    def shows_a_traceback(self) -> bool:
        return "Traceback" in self.text or 'File "' in self.text


class Visitor:
    """One person with a browser: cookies kept, forms posted with their CSRF token."""

    def __init__(self, server: AppServer):
        self.server = server
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None, timeout: float = 20) -> Reply:
        host, port = self.server.address
        headers = {"Host": f"{host}:{port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        connection = http.client.HTTPConnection(host, port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
        finally:
            connection.close()
        self._keep_cookies(response.headers.get_all("Set-Cookie") or [])
        return Reply(
            method,
            path,
            response.status,
            text,
            dict(response.headers.items()),
            started,
            time.monotonic() - started,
        )

    def _keep_cookies(self, headers: list[str]) -> None:
        for header in headers:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if re.search(r"(?i)max-age=0\b", header) or value in ("", '""'):
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value

    def get(self, path: str) -> Reply:
        return self.request("GET", path)

    def post(self, path: str, form: dict | None = None) -> Reply:
        """Post a form as the page would, with the CSRF token Django set in this visitor's cookie."""
        return self.request("POST", path, {**(form or {}), "csrfmiddlewaretoken": self.cookies["csrftoken"]})

    def sign_in(self, email: str, password: str, *, code: str = "") -> Reply:
        """Sign in; with the code of a person's authenticator app when the service asks for one
        (each code works once: a second sign-in within 30 seconds passes the next window's code)."""
        self.get("/sign-in/")
        reply = self.post("/sign-in/", {"username": email, "password": password})
        if reply.location == SECURITY_CODE_PAGE:
            reply = self.post(SECURITY_CODE_PAGE, {"code": code or totp_code()})
        return reply


class RedisServer:
    """A redis-server of this test's own on a spare port, keeping nothing on disk, as the service's Redis."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @staticmethod
    def available() -> bool:
        return shutil.which("redis-server") is not None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(self._answers, timeout=10, message=f"redis-server to answer on port {self.port}")
        except BaseException:
            self.stop()
            raise
        return self

    def _answers(self) -> bool:
        import redis

        try:
            return self.client().ping()
        except redis.RedisError:
            return False

    def client(self):
        import redis

        return redis.Redis(port=self.port, socket_timeout=2, socket_connect_timeout=2)

    def freeze(self) -> None:
        """SIGSTOP: the kernel still accepts connections for it, but it never answers, as a hung host."""
        self.process.send_signal(signal.SIGSTOP)

    def kill(self) -> None:
        """SIGKILL: Redis is gone at once, with every message it held, as when its machine is lost."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        self.kill()  # it keeps nothing, and a frozen one would ignore anything gentler
