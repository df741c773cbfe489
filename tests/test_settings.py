"""Settings come from the environment; bad values stop start-up with the variable named."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOOD_SECRET = "a-long-random-secret-key-for-tests-only-0123456789abcdefghijklmnop"


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "SECRET_KEY",
            "DATABASE_URL",
            "ALLOWED_HOSTS",
            "CELERY_BROKER_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean_env, "VAR_DIR": str(ROOT / "var"), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"DEBUG": "maybe"}, "DEBUG"),
        ({"DEBUG": "false"}, "SECRET_KEY"),
        ({"DEBUG": "true", "DATABASE_URL": "mysql://root@localhost/x"}, "DATABASE_URL"),
        ({"DEBUG": "true", "DATABASE_URL": "not a url"}, "DATABASE_URL"),
        ({"DEBUG": "true", "CELERY_TASK_TIME_LIMIT": "soon"}, "CELERY_TASK_TIME_LIMIT"),
    ],
)
def test_it_refuses_to_start_with_a_bad_setting_and_names_it(env, named):
    result = run_manage("check", **env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert named in result.stderr.splitlines()[-1]


def test_production_settings_pass_the_deployment_checklist():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY=GOOD_SECRET,
        ALLOWED_HOSTS="x.example",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_without_a_broker_it_uses_the_filesystem_transport_under_var():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.CELERY_BROKER_URL)",
        DEBUG="true",
    )

    assert result.stdout.strip() == "filesystem://"


def test_database_url_selects_postgresql_through_psycopg():
    from collab.settings import _database_from_url

    config = _database_from_url("postgres://postgres@127.0.0.1:5432/joinedup")

    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "joinedup"
