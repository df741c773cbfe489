"""Emptying the PostgreSQL test database after a transactional test, quickly.

Django's test framework empties the database after every transactional test (browser tests,
concurrency tests, the real Celery worker's tests) with `flush`: one TRUNCATE of all ~80 tables,
then the post_migrate signal to recreate content types and permissions. On PostgreSQL a
TRUNCATE makes new files for every table, index and TOAST table, so each flush took 3-5 seconds
on this machine, most of it for tables the test never touched.

Here only the tables that hold rows are emptied, with DELETE, in one transaction whose foreign
keys are checked at commit (Django makes them DEFERRABLE INITIALLY DEFERRED), so the order does
not matter. Content types and permissions are kept rather than deleted and made again: they are
exactly what post_migrate would recreate, and keeping them keeps their ids, which Django caches.
The decision trail refuses DELETE (governance migration 0007), so it is emptied by TRUNCATE, which
the test database allows (tests/conftest.py, django_db_setup), together with the tables that refer
to it, as TRUNCATE requires.

The result is what flush leaves; SQLite keeps Django's own flush.
"""

from __future__ import annotations

from django.core.management import call_command
from django.db import connections, transaction
from django.test import TransactionTestCase

# Rows that post_migrate would put back exactly as they were, and the migration record.
KEPT_TABLES = {"django_content_type", "auth_permission", "django_migrations"}
# Tables whose rows may not be deleted, only truncated (an append-only trigger).
TRUNCATE_ONLY = ("governance_decisiontransition",)

_django_fixture_teardown = TransactionTestCase._fixture_teardown


def tables_with_rows(connection) -> list[str]:
    """The project's tables that hold at least one row, in one round trip."""
    names = [
        name
        for name in connection.introspection.django_table_names(only_existing=True, include_views=False)
        if name not in KEPT_TABLES
    ]
    quote = connection.ops.quote_name
    # Table names come from Django's own introspection, quoted; nothing here comes from outside.
    query = " UNION ALL ".join(
        f"SELECT %s WHERE EXISTS (SELECT 1 FROM {quote(name)})"  # noqa: S608
        for name in names
    )
    with connection.cursor() as cursor:
        cursor.execute(query, names)
        return [row[0] for row in cursor.fetchall()]


def truncated_together(connection) -> set[str]:
    """The truncate-only tables and every table that refers to them, however indirectly."""
    found = set(TRUNCATE_ONLY)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            WITH RECURSIVE referring(name) AS (
                SELECT unnest(%s::text[])
                UNION
                SELECT fk.conrelid::regclass::text
                FROM pg_constraint fk JOIN referring ON fk.confrelid = referring.name::regclass
                WHERE fk.contype = 'f'
            )
            SELECT name FROM referring
            """,
            [list(TRUNCATE_ONLY)],
        )
        found.update(row[0] for row in cursor.fetchall())
    return found


def empty_tables(connection) -> None:
    quote = connection.ops.quote_name
    filled = tables_with_rows(connection)
    truncated = truncated_together(connection)
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        if truncated & set(filled):
            cursor.execute(f"TRUNCATE {', '.join(quote(name) for name in sorted(truncated))}")
        for name in filled:
            if name not in truncated:
                cursor.execute(f"DELETE FROM {quote(name)}")  # noqa: S608


def _fixture_teardown(self) -> None:
    for alias in self._databases_names(include_mirrors=False):
        connection = connections[alias]
        if connection.vendor != "postgresql" or self.available_apps is not None or self.serialized_rollback:
            _django_fixture_teardown(self)
            return
        empty_tables(connection)


def install() -> None:
    TransactionTestCase._fixture_teardown = _fixture_teardown  # type: ignore[method-assign]


def empty_database(alias: str = "default") -> None:
    """What `flush` leaves, quickly on PostgreSQL: for fixtures that fill the database for a module."""
    connection = connections[alias]
    if connection.vendor == "postgresql":
        empty_tables(connection)
    else:
        call_command("flush", interactive=False, verbosity=0, database=alias)
