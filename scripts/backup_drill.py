#!/usr/bin/env python3
"""Backup drill: dump the PostgreSQL database, restore it into a fresh one, prove nothing was lost.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/joinedup python scripts/backup_drill.py

Compares the row count of every table and a checksum of the decision trail (every
transition, in order) between the original and the restored copy, checks the copy still has
the triggers that keep the trail append-only, prints them, drops the copy, and exits non-zero
if anything differs. The original is counted in the very snapshot pg_dump copies (exported
with pg_export_snapshot), so writes during the drill cannot cause a false mismatch. Needs
pg_dump and pg_restore on the PATH.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

import psycopg
from psycopg import sql

TRAIL_CHECKSUM = """
    SELECT count(*), md5(coalesce(string_agg(
        concat_ws('|', id, decision_id, from_status, to_status, by_id, at, comment), E'\\n' ORDER BY id
    ), ''))
    FROM governance_decisiontransition
"""

# A restore that silently lost these would leave the trail open to rewriting.
TRAIL_TRIGGERS = {"decision_trail_append_only", "decision_trail_no_truncate"}
ENABLED_TRAIL_TRIGGERS = """
    SELECT tgname FROM pg_trigger
    WHERE tgrelid = 'governance_decisiontransition'::regclass AND NOT tgisinternal AND tgenabled <> 'D'
"""


def table_counts(connection: psycopg.Connection) -> dict[str, int]:
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
    ]
    count = sql.SQL("SELECT count(*) FROM {}")
    return {table: connection.execute(count.format(sql.Identifier(table))).fetchone()[0] for table in tables}


def trail_checksum(connection: psycopg.Connection) -> tuple[int, str]:
    return tuple(connection.execute(TRAIL_CHECKSUM).fetchone())


def enabled_trail_triggers(connection: psycopg.Connection) -> set[str]:
    return {row[0] for row in connection.execute(ENABLED_TRAIL_TRIGGERS)}


def with_database(conninfo: str, name: str) -> str:
    return psycopg.conninfo.make_conninfo(conninfo, dbname=name)


def client_arguments(source: dict) -> list[str]:
    """Host, port and user for pg_dump and pg_restore, from the parsed DATABASE_URL."""
    return [
        "-h",
        str(source.get("host") or "127.0.0.1"),
        "-p",
        str(source.get("port") or 5432),
        "-U",
        str(source.get("user") or "postgres"),
    ]


def run(database_url: str) -> int:
    source = psycopg.conninfo.conninfo_to_dict(database_url)
    source_name = source["dbname"]
    copy_name = f"{source_name}_drill_{int(time.time())}"
    admin = with_database(database_url, "postgres")
    env = {**os.environ, "PGPASSWORD": str(source.get("password") or "")}
    connection_args = client_arguments(source)

    with tempfile.TemporaryDirectory() as folder:
        dump = os.path.join(folder, "joinedup.dump")
        started = time.monotonic()
        # Hold one read-only snapshot open: count it here and hand it to pg_dump to copy.
        with psycopg.connect(database_url) as snapshot:
            snapshot.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            snapshot.read_only = True
            snapshot_id = snapshot.execute("SELECT pg_export_snapshot()").fetchone()[0]
            original_counts = table_counts(snapshot)
            original_trail = trail_checksum(snapshot)
            subprocess.run(
                ["pg_dump", *connection_args, "-Fc", f"--snapshot={snapshot_id}", "-f", dump, source_name],
                check=True,
                env=env,
            )
        dumped = time.monotonic()
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(copy_name)))
        try:
            subprocess.run(
                ["pg_restore", *connection_args, "--no-owner", "--exit-on-error", "-d", copy_name, dump],
                check=True,
                env=env,
            )
            restored = time.monotonic()
            with psycopg.connect(with_database(database_url, copy_name)) as copy:
                copy_counts = table_counts(copy)
                copy_trail = trail_checksum(copy)
                missing_triggers = sorted(TRAIL_TRIGGERS - enabled_trail_triggers(copy))
        finally:
            with psycopg.connect(admin, autocommit=True) as connection:
                connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(copy_name)))

    print(f"dump {dumped - started:.2f} s, restore {restored - dumped:.2f} s, {os.path.basename(dump)}")
    ok = report(original_counts, copy_counts, original_trail, copy_trail, missing_triggers)
    return 0 if ok else 1


def report(
    original_counts: dict[str, int],
    copy_counts: dict[str, int],
    original_trail: tuple[int, str],
    copy_trail: tuple[int, str],
    missing_triggers: list[str],
) -> bool:
    """Print what was compared and every difference; True if the copy lost nothing."""
    mismatches = [t for t in original_counts if original_counts[t] != copy_counts.get(t)]
    missing = sorted(set(original_counts) ^ set(copy_counts))
    print(f"tables compared: {len(original_counts)}, rows: {sum(original_counts.values())}")
    print(f"decision trail: {original_trail[0]} transitions, checksum {original_trail[1]}")
    for table in mismatches:
        print(f"MISMATCH {table}: {original_counts[table]} before, {copy_counts.get(table)} after")
    for table in missing:
        print(f"MISSING table {table}")
    if original_trail != copy_trail:
        print(f"MISMATCH decision trail: {copy_trail} after restore")
    for trigger in missing_triggers:
        print(f"MISSING trigger {trigger} on governance_decisiontransition: the copy is not append-only")
    ok = not mismatches and not missing and original_trail == copy_trail and not missing_triggers
    print("backup drill passed" if ok else "backup drill FAILED")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    args = parser.parse_args()
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("DATABASE_URL (or --database-url) must be a postgres:// URL")
    sys.exit(run(args.database_url))


if __name__ == "__main__":
    main()
