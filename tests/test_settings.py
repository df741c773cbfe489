"""Settings come from the environment; bad values stop start-up with the variable named."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOOD_SECRET = "a-long-random-secret-key-for-tests-only-0123456789abcdefghijklmnop"


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    return run_python("manage.py", *args, **env)


def run_python(*args: str, **env: str) -> subprocess.CompletedProcess:
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
            "CACHE_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    return subprocess.run(
        [sys.executable, *args],
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
        ({"DEBUG": "true", "DATABASE_URL": "mysql://root@localhost/x"}, "DATABASE_URL"),
        ({"DEBUG": "true", "DATABASE_URL": "not a url"}, "DATABASE_URL"),
        ({"DEBUG": "true", "DATABASE_URL": "postgres://"}, "DATABASE_URL"),
        ({"DEBUG": "true", "CELERY_BROKER_URL": "amqp://guest@localhost//"}, "CELERY_BROKER_URL"),
        ({"DEBUG": "true", "CACHE_URL": "memcached://127.0.0.1:11211"}, "CACHE_URL"),
        ({"DEBUG": "true", "CELERY_TASK_TIME_LIMIT": "soon"}, "CELERY_TASK_TIME_LIMIT"),
        ({"DEBUG": "true", "CELERY_TASK_SOFT_TIME_LIMIT": "900"}, "CELERY_TASK_SOFT_TIME_LIMIT"),
        ({"DEBUG": "true", "LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"DEBUG": "true", "LOG_FORMAT": "xml"}, "LOG_FORMAT"),
    ],
)
def test_it_refuses_to_start_with_a_bad_setting_and_names_it(env, named):
    result = run_manage("check", **env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert named in result.stderr.splitlines()[-1]


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"DEBUG": "false", "ALLOWED_HOSTS": "x.example"}, "SECRET_KEY"),
        ({"DEBUG": "false", "SECRET_KEY": GOOD_SECRET}, "ALLOWED_HOSTS"),
    ],
)
def test_with_debug_off_the_checks_refuse_a_missing_production_setting_and_name_it(env, named):
    result = run_manage("check", **env)

    assert result.returncode != 0
    assert "SystemCheckError" in result.stderr
    assert named in result.stderr


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"DEBUG": "false", "ALLOWED_HOSTS": "x.example"}, "SECRET_KEY"),
        ({"DEBUG": "false", "SECRET_KEY": GOOD_SECRET}, "ALLOWED_HOSTS"),
    ],
)
@pytest.mark.parametrize("server", ["collab.wsgi", "collab.asgi"])
def test_a_web_server_refuses_to_start_without_a_production_setting(server, env, named):
    result = run_python("-c", f"import {server}", **env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert named in result.stderr.splitlines()[-1]


def test_a_celery_worker_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = run_python(
        "-m", "celery", "-A", "collab", "worker", "--pool=solo", DEBUG="false", ALLOWED_HOSTS="x.example"
    )

    assert result.returncode == 1
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


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


def test_cache_url_selects_one_redis_cache_for_every_process_and_none_a_cache_in_each():
    from collab.cache_settings import caches_from_url

    shared = caches_from_url("redis://redis:6379/1")["default"]
    assert shared["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert shared["LOCATION"] == "redis://redis:6379/1"
    assert caches_from_url("")["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_database_url_selects_postgresql_through_psycopg():
    from collab.settings import _database_from_url

    config = _database_from_url("postgres://postgres@127.0.0.1:5432/joinedup")

    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "joinedup"
