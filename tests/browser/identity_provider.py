"""Starting the test OpenID Connect provider (tests/oidc_provider/) as its own process on loopback."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def identity_provider(tmp_path: Path, *, client_id: str, client_secret: str, redirect_uri: str, users: list):
    """A running provider; yields its issuer address. Stopped (and its log shown on failure) after."""
    port = free_port()
    environment = {
        **os.environ,
        "IDP_DATABASE": str(tmp_path / "identity-provider.sqlite3"),
        "IDP_PORT": str(port),
        "IDP_CLIENT_ID": client_id,
        "IDP_CLIENT_SECRET": client_secret,
        "IDP_REDIRECT_URI": redirect_uri,
        "IDP_USERS": json.dumps(users),
    }
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    log = (tmp_path / "identity-provider.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.oidc_provider.serve"], cwd=ROOT, env=environment, stdout=log, stderr=log
    )
    issuer = f"http://127.0.0.1:{port}/openid"
    try:
        _wait_until_answering(f"{issuer}/.well-known/openid-configuration", process, tmp_path)
        yield issuer
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def _wait_until_answering(url: str, process: subprocess.Popen, tmp_path: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"The identity provider stopped: {(tmp_path / 'identity-provider.log').read_text()}"
            )
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own loopback server
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(
        f"The identity provider did not answer: {(tmp_path / 'identity-provider.log').read_text()}"
    )
