"""deploy/gunicorn.conf.py: the one set of settings production, docker-compose and the benchmark use."""

import multiprocessing
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "deploy" / "gunicorn.conf.py"


def settings_with(monkeypatch, **environment: str) -> dict:
    for name in ("GUNICORN_WORKERS", "GUNICORN_THREADS", "GUNICORN_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


def test_by_default_two_threaded_processes_a_core(monkeypatch):
    settings = settings_with(monkeypatch)

    assert settings["workers"] == 2 * multiprocessing.cpu_count()
    assert (settings["worker_class"], settings["threads"]) == ("gthread", 4)
    assert settings["timeout"] == 30


def test_one_thread_means_plain_processes(monkeypatch):
    settings = settings_with(monkeypatch, GUNICORN_WORKERS="3", GUNICORN_THREADS="1")

    assert (settings["workers"], settings["worker_class"]) == (3, "sync")


@pytest.mark.parametrize("value", ["three", "0", "-2", "1.5"])
def test_a_setting_that_is_not_a_whole_number_stops_gunicorn_naming_it(monkeypatch, value):
    message = f"GUNICORN_THREADS must be a whole number of at least 1, not '{value}'"
    with pytest.raises(SystemExit, match=message):
        settings_with(monkeypatch, GUNICORN_THREADS=value)


def test_docker_compose_and_the_image_start_gunicorn_with_these_settings():
    web = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["web"]
    image_command = next(
        line for line in (ROOT / "Dockerfile").read_text().splitlines() if line.startswith("CMD")
    )

    assert "-c deploy/gunicorn.conf.py" in web["command"]
    assert '"-c", "deploy/gunicorn.conf.py"' in image_command


def test_gunicorn_accepts_the_settings_file():
    checked = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--check-config", "-c", str(SETTINGS), "collab.wsgi:application"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert checked.returncode == 0, checked.stderr
