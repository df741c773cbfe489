#!/usr/bin/env python3
"""Backup drill: dump the PostgreSQL database, restore it into a fresh one, prove nothing was lost.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/joinedup python scripts/backup_drill.py

Compares the row count of every table and a checksum of the decision trail (every
transition, in order) between the original and the restored copy, prints them, drops the
copy, and exits non-zero if anything differs. Needs pg_dump and pg_restore on the PATH.
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


def table_counts(conninfo: str) -> dict[str, int]:
    with psycopg.connect(conninfo) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {
            table: connection.execute(
                sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
            ).fetchone()[0]
            for table in tables
        }


def trail_checksum(conninfo: str) -> tuple[int, str]:
    with psycopg.connect(conninfo) as connection:
        return tuple(connection.execute(TRAIL_CHECKSUM).fetchone())


def with_database(conninfo: str, name: str) -> str:
    return psycopg.conninfo.make_conninfo(conninfo, dbname=name)


def run(database_url: str) -> int:
    source = psycopg.conninfo.conninfo_to_dict(database_url)
    source_name = source["dbname"]
    copy_name = f"{source_name}_drill_{int(time.time())}"
    admin = with_database(database_url, "postgres")
    env = {**os.environ, "PGPASSWORD": str(source.get("password") or "")}
    connection_args = [
        "-h",
        str(source.get("host") or "127.0.0.1"),
        "-p",
        str(source.get("port") or 5432),
        "-U",
        str(source.get("user") or "postgres"),
    ]

    with tempfile.TemporaryDirectory() as folder:
        dump = os.path.join(folder, "joinedup.dump")
        started = time.monotonic()
        subprocess.run(["pg_dump", *connection_args, "-Fc", "-f", dump, source_name], check=True, env=env)
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
            original_counts = table_counts(database_url)
            copy_counts = table_counts(with_database(database_url, copy_name))
            original_trail = trail_checksum(database_url)
            copy_trail = trail_checksum(with_database(database_url, copy_name))
        finally:
            with psycopg.connect(admin, autocommit=True) as connection:
                connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(copy_name)))

    print(f"dump {dumped - started:.2f} s, restore {restored - dumped:.2f} s, {os.path.basename(dump)}")
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
    ok = not mismatches and not missing and original_trail == copy_trail
    print("backup drill passed" if ok else "backup drill FAILED")
    return 0 if ok else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    args = parser.parse_args()
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("DATABASE_URL (or --database-url) must be a postgres:// URL")
    sys.exit(run(args.database_url))


if __name__ == "__main__":
    main()
