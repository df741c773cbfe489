"""The decision trail cannot be rewritten, even by SQL that bypasses our code (PostgreSQL)."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import IntegrityError, InternalError, ProgrammingError, connection, transaction

from governance.models import DecisionTransition
from tests.governance.factories import decision_in
from tests.worker import worker_database_url

ROOT = Path(__file__).resolve().parents[2]
REFUSED = (IntegrityError, InternalError, ProgrammingError)


@pytest.fixture
def transition(world):
    decision = decision_in(
        world, "submitted", title="Go live", context="c", options="Yes\nNo", recommendation="Yes"
    )
    return DecisionTransition.objects.filter(decision=decision).last()


@pytest.mark.postgres
@pytest.mark.django_db
class TestAppendOnly:
    def test_an_update_of_a_transition_is_refused_by_the_database(self, transition):
        with pytest.raises(REFUSED, match="append-only"), transaction.atomic():
            DecisionTransition.objects.filter(pk=transition.pk).update(comment="rewritten")

        transition.refresh_from_db()
        assert transition.comment == ""

    def test_a_delete_is_refused_even_in_raw_sql(self, transition):
        with pytest.raises(REFUSED, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM governance_decisiontransition WHERE id = %s", [transition.pk])

        assert DecisionTransition.objects.filter(pk=transition.pk).exists()

    def test_truncating_the_trail_is_refused_by_the_database(self, transition):
        with pytest.raises(REFUSED, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            # Only the test database allows TRUNCATE (for the test framework); switch that off here.
            cursor.execute("SET LOCAL joinedup.allow_trail_truncate = off")
            # The test's own inserts leave deferred foreign-key checks that TRUNCATE would wait on.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("TRUNCATE governance_decisiontransition CASCADE")

        assert DecisionTransition.objects.filter(pk=transition.pk).exists()

    def test_new_transitions_are_still_recorded(self, transition, world):
        before = DecisionTransition.objects.count()

        DecisionTransition.objects.create(
            decision=transition.decision, from_status="submitted", to_status="deferred", by=world.senior_owner
        )

        assert DecisionTransition.objects.count() == before + 1


def run_backup_drill() -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "scripts/backup_drill.py", "--database-url", worker_database_url()],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_every_row_and_the_whole_trail():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert DecisionTransition.objects.count() > 0

    result = run_backup_drill()

    assert result.returncode == 0, result.stdout + result.stderr
    assert "backup drill passed" in result.stdout
    assert f"decision trail: {DecisionTransition.objects.count()} transitions" in result.stdout


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_backup_drill_fails_when_the_restored_trail_is_not_append_only():
    # pg_dump copies a disabled trigger as disabled, so the restored copy is unprotected too.
    switch = "ALTER TABLE governance_decisiontransition {} TRIGGER decision_trail_append_only"
    with connection.cursor() as cursor:
        cursor.execute(switch.format("DISABLE"))
    try:
        result = run_backup_drill()
    finally:
        with connection.cursor() as cursor:
            cursor.execute(switch.format("ENABLE"))

    assert result.returncode == 1, result.stdout + result.stderr
    assert "MISSING trigger decision_trail_append_only on governance_decisiontransition" in result.stdout
    assert "backup drill FAILED" in result.stdout
