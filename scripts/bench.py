#!/usr/bin/env python3
"""One benchmark run: page costs, load, a CSV import and a pack, on a throwaway database.

    scripts/bench [--scale 10] [--risks 300] [--users 50] [--seconds 30] [--import-rows 2000] [--packs 8]
    scripts/bench --small          # CI's smoke run: tiny sizes, a few seconds of load

Makes its own database (if DATABASE_URL names a PostgreSQL database, `<that name>_bench` on the
same server, dropped afterwards; otherwise a temporary SQLite file), migrates it, seeds the demo
at --scale and one large initiative with --risks risks (governance/packs/benchmark.py), and runs
with DEBUG off and production's settings, then prints four sections:

  1. Pages: each main page of the large initiative (collab/page_benchmark.py): bytes, median ms,
     queries, and bytes and ms as multiples of the sign-in page's, the trivial GOV.UK page.
  2. Load: scripts/load_test.py against gunicorn on a free loopback port, every user signed in
     before the clock starts, for the demo's main pages and for the sign-in page alone.
  3. Import: a risk CSV of --import-rows rows through the import pages' own functions
     (governance/spreadsheets/benchmark.py): seconds, and queries per row.
  4. Pack: the large initiative's governance pack, requested and built by the worker's job; then
     --packs (8) of its packs built by one worker process and by two, and the speed-up.
  5. Pages again, with the imported risks added to the large initiative's --risks.

The figures are reported, not judged: it exits non-zero only when a step fails, saying which.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GUNICORN_SETTINGS = ROOT / "deploy" / "gunicorn.conf.py"
HEADINGS = ("1. Pages", "2. Load", "3. Import", "4. Pack", "5. Pages after the import")
SMALL = {
    "scale": 1,
    "risks": 20,
    "users": 2,
    "seconds": 2.0,
    "think": 0.2,
    "import_rows": 50,
    "repeats": 1,
    "workers": 2,
    "packs": 2,
}


class StepFailed(Exception):
    pass


@contextmanager
def step(name: str):
    """Turn any failure inside into one sentence naming the step."""
    try:
        yield
    except StepFailed:
        raise
    except (Exception, SystemExit) as error:
        raise StepFailed(f"{name} failed: {type(error).__name__}: {error}") from error


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10, help="seed_demo --scale (default 10)")
    parser.add_argument("--risks", type=int, default=300, help="risks in the large initiative (default 300)")
    parser.add_argument("--users", type=int, default=50, help="simultaneous users under load (default 50)")
    parser.add_argument("--seconds", type=float, default=30, help="seconds of steady load (default 30)")
    parser.add_argument(
        "--think",
        type=float,
        default=1.0,
        help="seconds each user reads a page before the next, on average (default 1)",
    )
    parser.add_argument(
        "--import-rows", type=int, default=2000, help="rows in the imported CSV (default 2000)"
    )
    parser.add_argument("--repeats", type=int, default=5, help="requests per page for its median (default 5)")
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="gunicorn processes (default: deploy/gunicorn.conf.py's, as production runs)",
    )
    parser.add_argument(
        "--packs", type=int, default=8, help="packs built by one worker process, then by two (default 8)"
    )
    parser.add_argument(
        "--small",
        action="store_true",
        help="CI's smoke run: " + ", ".join(f"{k} {v}" for k, v in SMALL.items()),
    )
    args = parser.parse_args(argv)
    if args.small:
        for key, value in SMALL.items():
            setattr(args, key, value)
    return args


# Throwaway database ------------------------------------------------------------------------------------


def throwaway_database(configured: str, *, smoke: bool) -> tuple[str, str, Callable[[], None]]:
    """(DATABASE_URL to use, a description, a function that drops it). '' means SQLite under VAR_DIR.

    A smoke run's PostgreSQL commits do not wait for the disk, as the test database's do: migrating
    is then twice as fast, and its figures are not read anyway.
    """
    if not configured.startswith(("postgres://", "postgresql://")):
        return "", "SQLite (a temporary file)", lambda: None
    import psycopg
    from psycopg import sql

    parts = urlsplit(configured)
    name = f"{parts.path.lstrip('/')}_bench"
    admin = psycopg.conninfo.make_conninfo(configured, dbname="postgres")

    def execute(statement: str) -> None:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(sql.SQL(statement).format(sql.Identifier(name)))

    execute("DROP DATABASE IF EXISTS {} WITH (FORCE)")
    execute("CREATE DATABASE {}")
    if smoke:
        execute("ALTER DATABASE {} SET synchronous_commit = off")
    return (
        urlunsplit(parts._replace(path=f"/{name}")),
        f"PostgreSQL ({name})",
        lambda: execute("DROP DATABASE IF EXISTS {} WITH (FORCE)"),
    )


def production_like_environment(database_url: str, folder: Path) -> dict[str, str]:
    """DEBUG off and what production needs with it; files, queue and (on SQLite) data in `folder`."""
    environment = {
        "DJANGO_SETTINGS_MODULE": "collab.settings",
        "DEBUG": "false",
        "SECRET_KEY": f"bench-only-{secrets.token_urlsafe(32)}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",  # gunicorn speaks plain HTTP on loopback, behind no proxy
        "LOG_LEVEL": "WARNING",
        "VAR_DIR": str(folder),
        "PRIVATE_FILES_ROOT": str(folder / "private"),
        "CELERY_BROKER_URL": "filesystem://",  # the pack's nudge goes nowhere a real worker reads
        "CELERY_FILESYSTEM_DIR": str(folder / "celery"),
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    if database_url:
        environment["DATABASE_URL"] = database_url
    return environment


# The application served --------------------------------------------------------------------------------


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(folder: Path, workers: int | None):
    """gunicorn with production's settings (deploy/gunicorn.conf.py) on a free loopback port: its URL."""
    import http.client

    port = free_port()
    log_path = folder / "gunicorn.log"
    command = [sys.executable, "-m", "gunicorn", "collab.wsgi:application", "-c", str(GUNICORN_SETTINGS)]
    command += ["--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--access-logfile", "/dev/null"]
    if workers is not None:
        command += ["--workers", str(workers)]
    with open(log_path, "ab") as log:
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(
                    f"gunicorn exited at start:\n{log_path.read_text(errors='replace')[-2000:]}"
                )
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/sign-in/")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not answer on port {port} within 30 seconds")
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def gunicorn_described(workers: int | None) -> str:
    """What deploy/gunicorn.conf.py asks for on this machine, e.g. '4 processes x 4 threads'."""
    import runpy

    settings = runpy.run_path(str(GUNICORN_SETTINGS))
    processes = workers if workers is not None else settings["workers"]
    return f"{processes} processes x {settings['threads']} threads"


def load(base_url: str, args: argparse.Namespace, *extra: str, think: float) -> dict:
    """scripts/load_test.py's figures (as JSON), run as its own process so it competes as a client would."""
    command = [sys.executable, str(ROOT / "scripts" / "load_test.py"), "--base-url", base_url, "--json"]
    options = ["--duration", str(args.seconds), "--concurrency", str(args.users), "--think", str(think)]
    options += extra
    done = subprocess.run([*command, *options], capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise RuntimeError(
            f"load_test.py exited {done.returncode}: {(done.stderr or done.stdout).strip()[-1000:]}"
        )
    return json.loads(done.stdout)


# The run -----------------------------------------------------------------------------------------------


def gather_planner_statistics() -> None:
    """What autovacuum does for a database in service: a freshly seeded PostgreSQL database has no
    planner statistics, and plans some queries as if its tables were empty."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def set_up(args: argparse.Namespace):
    """Migrate, collect static files, seed the demo and the large initiative; returns it and its manager."""
    from django.core.management import call_command
    from django.db import transaction

    from governance.packs.benchmark import LARGE, SMALL, seed_bench_initiative

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("seed_demo", scale=args.scale, stdout=io.StringIO())
    size = replace(SMALL if args.small else LARGE, risks=args.risks)
    with transaction.atomic():
        initiative = seed_bench_initiative(size, label="Benchmark")
    gather_planner_statistics()
    return initiative, initiative.roles.get(role="programme_manager").user


def run(args: argparse.Namespace, database: str, folder: Path) -> None:
    import django

    started = time.perf_counter()
    with step("Setting up (migrate, collectstatic, seed_demo, the benchmark initiative)"):
        django.setup()
        initiative, manager = set_up(args)
    # Only now: the sections import the project's models.
    from bench_report import (
        measure_import,
        print_import,
        print_load,
        print_pack,
        print_pages,
    )

    from governance.packs.timing import time_pack_build, time_parallel_builds

    print(
        f"Joined-up benchmark on {database}, DEBUG off: the demo at scale {args.scale} and an initiative "
        f"with {args.risks} risks, set up in {time.perf_counter() - started:.0f} s\n",
        flush=True,
    )
    with step(HEADINGS[0]):
        print_pages(HEADINGS[0], initiative, manager, args.repeats)
    with step(HEADINGS[1]), gunicorn(folder, args.workers) as base_url:
        # People reading each page before the next, then as fast as the server answers (its capacity).
        runs = {
            (think, what): load(base_url, args, *extra, think=think)
            for think in (args.think, 0.0)
            for what, extra in (("pages", ()), ("sign-in", ("--sign-in-page",)))
        }
        print_load(HEADINGS[1], args, gunicorn_described(args.workers), runs)
    # The pack first, so it holds the initiative's --risks risks and not the imported ones too.
    with step(HEADINGS[3]):
        pack = time_pack_build(initiative, manager)
        parallel = time_parallel_builds(initiative, packs=args.packs)
    with step(HEADINGS[2]):
        imported = measure_import(initiative, manager, args.import_rows)
    print_import(HEADINGS[2], imported)
    print_pack(HEADINGS[3], pack, parallel)
    # The same pages again, now that the initiative also holds the imported risks: the cost of a page
    # should not have moved.
    with step(HEADINGS[4]):
        gather_planner_statistics()
        initiative.refresh_from_db()
        print_pages(HEADINGS[4], initiative, manager, args.repeats, risks=initiative.risks.count())


def close_connections() -> None:
    """Let the database go before it is dropped (if Django got as far as connecting)."""
    if "django.db" in sys.modules:
        from django.db import connections

        try:
            connections.close_all()
        except Exception as error:
            print(f"bench: could not close the database connections: {error}", file=sys.stderr)


def main() -> int:
    args = parse_arguments()
    folder = Path(tempfile.mkdtemp(prefix="joinedup-bench-"))
    try:
        with step("Creating the throwaway database"):
            database_url, database, drop = throwaway_database(
                os.environ.get("DATABASE_URL", ""), smoke=args.small
            )
    except StepFailed as failure:
        print(f"bench: {failure}", file=sys.stderr)
        return 1
    os.environ.pop("DATABASE_URL", None)
    os.environ.update(production_like_environment(database_url, folder))
    try:
        run(args, database, folder)
    except StepFailed as failure:
        print(f"\nbench: {failure}", file=sys.stderr)
        return 1
    finally:
        close_connections()
        drop()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
