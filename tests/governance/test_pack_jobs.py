"""The pack job's state machine: request, claim, build, retry, fail and reconcile."""

import datetime
import time
from pathlib import Path

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from governance.models import GovernancePack
from governance.packs import jobs, reconciler, services
from governance.packs.deadline import soft_deadline
from governance.packs.reconciler import reconcile_governance_packs
from governance.packs.tasks import build_governance_pack
from tests.governance.pack_fixtures import eager_retries, fast_render, private_files  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_files")]

Status = GovernancePack.Status


def ask(world, capture, *, execute=True):
    with capture(execute=execute) as callbacks:
        outcome = services.pack_request(initiative=world.initiative, by=world.programme_manager)
    outcome.pack.refresh_from_db()
    return outcome, callbacks


def pdf_files():
    return sorted(path.name for path in Path(settings.PRIVATE_FILES_ROOT).rglob("*") if path.is_file())


class TestRequest:
    def test_the_request_is_a_queued_row_first_and_the_task_is_sent_after_commit(
        self, world, django_capture_on_commit_callbacks
    ):
        outcome, callbacks = ask(world, django_capture_on_commit_callbacks, execute=False)

        assert outcome.created
        assert outcome.pack.status == Status.QUEUED
        assert outcome.pack.version == 1
        assert len(outcome.pack.content_fingerprint) == 64
        assert outcome.pack.content["initiative"]["title"] == "Tell Us Once for bereavement"
        assert len(callbacks) == 1

    def test_a_worker_builds_the_queued_pack_into_a_private_file(
        self, world, django_capture_on_commit_callbacks
    ):
        outcome, _ = ask(world, django_capture_on_commit_callbacks)

        pack = outcome.pack
        root = Path(settings.PRIVATE_FILES_ROOT)
        assert pack.status == Status.READY
        assert pack.file_path == f"packs/{world.initiative.pk}/governance-pack-{pack.pk}-v1.pdf"
        assert (root / pack.file_path).read_bytes().startswith(b"%PDF-")
        assert pack.file_size == (root / pack.file_path).stat().st_size
        assert pack.page_count >= 5
        assert pack.attempts == 1
        assert pack.started_at <= pack.finished_at

    def test_asking_twice_for_the_same_content_returns_the_pack_being_built(
        self, world, django_capture_on_commit_callbacks
    ):
        first, _ = ask(world, django_capture_on_commit_callbacks, execute=False)
        second, callbacks = ask(world, django_capture_on_commit_callbacks, execute=False)

        assert not second.created
        assert second.pack.pk == first.pack.pk
        assert callbacks == []
        assert GovernancePack.objects.count() == 1

    @pytest.mark.usefixtures("fast_render")
    def test_asking_again_after_it_is_ready_returns_the_ready_pack(
        self, world, django_capture_on_commit_callbacks
    ):
        first, _ = ask(world, django_capture_on_commit_callbacks)
        second, _ = ask(world, django_capture_on_commit_callbacks)

        assert (second.created, second.pack.pk, second.pack.status) == (False, first.pack.pk, Status.READY)

    @pytest.mark.usefixtures("fast_render")
    def test_changed_content_makes_a_new_numbered_version(self, world, django_capture_on_commit_callbacks):
        first, _ = ask(world, django_capture_on_commit_callbacks)
        world.initiative.outcome_statement = "Families tell government once, and every body acts in 5 days."
        world.initiative.save()

        second, _ = ask(world, django_capture_on_commit_callbacks)

        assert second.created
        assert second.pack.version == 2
        assert second.pack.content_fingerprint != first.pack.content_fingerprint
        assert second.pack.status == Status.READY

    @pytest.mark.usefixtures("fast_render")
    def test_a_failed_pack_does_not_stop_a_new_request_for_the_same_content(
        self, world, django_capture_on_commit_callbacks
    ):
        first, _ = ask(world, django_capture_on_commit_callbacks, execute=False)
        jobs.pack_fail(pack_id=first.pack.pk, reason="Broken")

        second, _ = ask(world, django_capture_on_commit_callbacks)

        assert second.created
        assert second.pack.version == 2

    @pytest.mark.usefixtures("fast_render")
    def test_a_ready_pack_whose_file_went_missing_is_built_again(
        self, world, django_capture_on_commit_callbacks
    ):
        first, _ = ask(world, django_capture_on_commit_callbacks)
        (Path(settings.PRIVATE_FILES_ROOT) / first.pack.file_path).unlink()

        second, _ = ask(world, django_capture_on_commit_callbacks)

        first.pack.refresh_from_db()
        assert first.pack.status == Status.FAILED
        assert "went missing" in first.pack.failure_reason
        assert (second.created, second.pack.version, second.pack.status) == (True, 2, Status.READY)


class TestClaim:
    def test_only_one_worker_can_claim_a_queued_pack(self, world, django_capture_on_commit_callbacks):
        outcome, _ = ask(world, django_capture_on_commit_callbacks, execute=False)

        first = jobs.pack_claim(pack_id=outcome.pack.pk)
        second = jobs.pack_claim(pack_id=outcome.pack.pk)

        assert first is not None and first.status == Status.BUILDING and first.attempts == 1
        assert second is None

    def test_a_build_abandoned_past_the_hard_time_limit_can_be_claimed_again(
        self, world, django_capture_on_commit_callbacks, settings
    ):
        outcome, _ = ask(world, django_capture_on_commit_callbacks, execute=False)
        jobs.pack_claim(pack_id=outcome.pack.pk)
        GovernancePack.objects.filter(pk=outcome.pack.pk).update(
            started_at=timezone.now() - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 1)
        )

        again = jobs.pack_claim(pack_id=outcome.pack.pk)

        assert again is not None and again.attempts == 2

    def test_a_redelivery_of_the_claiming_task_takes_its_building_pack_back_at_once(
        self, world, django_capture_on_commit_callbacks
    ):
        outcome, _ = ask(world, django_capture_on_commit_callbacks, execute=False)
        jobs.pack_claim(pack_id=outcome.pack.pk, task_id="task-a")

        again = jobs.pack_claim(pack_id=outcome.pack.pk, task_id="task-a")

        assert again is not None
        assert (again.status, again.attempts, again.claimed_by_task) == (Status.BUILDING, 2, "task-a")

    def test_another_task_cannot_take_a_building_pack_until_it_is_abandoned(
        self, world, django_capture_on_commit_callbacks, settings
    ):
        outcome, _ = ask(world, django_capture_on_commit_callbacks, execute=False)
        jobs.pack_claim(pack_id=outcome.pack.pk, task_id="task-a")

        assert jobs.pack_claim(pack_id=outcome.pack.pk, task_id="task-b") is None

        GovernancePack.objects.filter(pk=outcome.pack.pk).update(
            started_at=timezone.now() - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 1)
        )
        taken = jobs.pack_claim(pack_id=outcome.pack.pk, task_id="task-b")
        assert taken is not None and (taken.attempts, taken.claimed_by_task) == (2, "task-b")

    def test_a_claim_without_a_task_is_never_taken_back_early(
        self, world, django_capture_on_commit_callbacks
    ):
        outcome, _ = ask(world, django_capture_on_commit_callbacks, execute=False)
        first = jobs.pack_claim(pack_id=outcome.pack.pk)

        assert first.claimed_by_task == ""
        assert jobs.pack_claim(pack_id=outcome.pack.pk) is None
        assert jobs.pack_claim(pack_id=outcome.pack.pk, task_id="") is None

    def test_a_worker_whose_claim_was_taken_over_cannot_mark_the_pack(
        self, world, django_capture_on_commit_callbacks, settings
    ):
        outcome, _ = ask(world, django_capture_on_commit_callbacks, execute=False)
        stale = jobs.pack_claim(pack_id=outcome.pack.pk)
        GovernancePack.objects.filter(pk=outcome.pack.pk).update(
            started_at=timezone.now() - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 1)
        )
        jobs.pack_claim(pack_id=outcome.pack.pk)

        jobs.pack_fail(pack_id=stale.pk, reason="late", attempt=stale.attempts)

        assert GovernancePack.objects.get(pk=outcome.pack.pk).status == Status.BUILDING


class TestTask:
    @pytest.mark.usefixtures("fast_render")
    def test_running_the_same_task_twice_writes_one_file(self, world, django_capture_on_commit_callbacks):
        outcome, _ = ask(world, django_capture_on_commit_callbacks)

        again = build_governance_pack.apply(args=[outcome.pack.pk])

        assert again.get() == "not_claimed"
        assert pdf_files() == [f"governance-pack-{outcome.pack.pk}-v1.pdf"]

    @pytest.mark.usefixtures("fast_render")
    def test_the_task_builds_a_pack_its_own_earlier_run_left_building(
        self, world, django_capture_on_commit_callbacks
    ):
        outcome, _ = ask(world, django_capture_on_commit_callbacks, execute=False)
        jobs.pack_claim(pack_id=outcome.pack.pk, task_id="killed-run")

        assert build_governance_pack.apply(args=[outcome.pack.pk], task_id="killed-run").get() == "built"
        assert build_governance_pack.apply(args=[outcome.pack.pk], task_id="other-run").get() == "not_claimed"
        pack = GovernancePack.objects.get(pk=outcome.pack.pk)
        assert (pack.status, pack.attempts) == (Status.READY, 2)

    @pytest.mark.usefixtures("fast_render")
    def test_rebuilding_a_pack_replaces_its_file_under_the_same_name(
        self, world, django_capture_on_commit_callbacks
    ):
        outcome, _ = ask(world, django_capture_on_commit_callbacks)
        GovernancePack.objects.filter(pk=outcome.pack.pk).update(status=Status.QUEUED)

        assert build_governance_pack.apply(args=[outcome.pack.pk]).get() == "built"
        assert pdf_files() == [f"governance-pack-{outcome.pack.pk}-v1.pdf"]

    @pytest.mark.usefixtures("fast_render", "eager_retries")
    def test_a_transient_failure_is_retried_and_the_pack_still_gets_built(
        self, world, django_capture_on_commit_callbacks, monkeypatch
    ):
        real_write = jobs.write_atomically
        calls = []

        def flaky_write(relative, data):
            calls.append(relative)
            if len(calls) == 1:
                raise OSError("disk briefly unavailable")
            return real_write(relative, data)

        monkeypatch.setattr(jobs, "write_atomically", flaky_write)

        outcome, _ = ask(world, django_capture_on_commit_callbacks)

        assert (outcome.pack.status, outcome.pack.attempts) == (Status.READY, 2)

    @pytest.mark.usefixtures("fast_render", "eager_retries")
    def test_the_pack_fails_with_the_reason_once_the_retries_run_out(
        self, world, django_capture_on_commit_callbacks, monkeypatch, settings
    ):
        settings.PACK_MAX_ATTEMPTS = 3

        def broken_write(relative, data):
            raise OSError("No space left on device")

        monkeypatch.setattr(jobs, "write_atomically", broken_write)

        outcome, _ = ask(world, django_capture_on_commit_callbacks)

        assert outcome.pack.status == Status.FAILED
        assert outcome.pack.attempts == 3
        assert "after 3 attempts" in outcome.pack.failure_reason
        assert "OSError" in outcome.pack.failure_reason

    def test_retries_back_off_exponentially(self, settings):
        settings.PACK_RETRY_BACKOFF = 5

        assert [jobs.retry_delay(n) for n in range(8)] == [5, 10, 20, 40, 80, 160, 300, 300]

    def test_the_soft_time_limit_fails_the_pack_with_a_clear_reason(
        self, world, django_capture_on_commit_callbacks, monkeypatch, settings
    ):
        settings.CELERY_TASK_SOFT_TIME_LIMIT = 1

        def slow_render(*args, **kwargs):
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                time.sleep(0.05)

        monkeypatch.setattr(jobs, "build_pack_pdf", slow_render)

        started = time.monotonic()
        outcome, _ = ask(world, django_capture_on_commit_callbacks)

        assert time.monotonic() - started < 4
        assert outcome.pack.status == Status.FAILED
        assert "took longer than 1 seconds" in outcome.pack.failure_reason

    def test_an_unexpected_error_fails_the_pack_without_showing_internals(
        self, world, django_capture_on_commit_callbacks, monkeypatch
    ):
        def broken_render(*args, **kwargs):
            raise ValueError("secret internal detail")

        monkeypatch.setattr(jobs, "build_pack_pdf", broken_render)

        outcome, _ = ask(world, django_capture_on_commit_callbacks)

        assert outcome.pack.status == Status.FAILED
        assert "unexpected error" in outcome.pack.failure_reason
        assert "secret" not in outcome.pack.failure_reason


class TestSoftDeadline:
    def test_it_interrupts_work_that_runs_past_it(self):
        with pytest.raises(SoftTimeLimitExceeded), soft_deadline(0.1):
            time.sleep(2)

    def test_it_leaves_quick_work_alone_and_cancels_its_timer(self):
        with soft_deadline(0.2):
            pass
        time.sleep(0.3)  # no late alarm fires


class TestReconciler:
    @pytest.mark.usefixtures("fast_render")
    def test_it_sends_again_a_pack_whose_message_was_lost(
        self, world, django_capture_on_commit_callbacks, settings
    ):
        outcome, _ = ask(world, django_capture_on_commit_callbacks, execute=False)  # message "lost"
        GovernancePack.objects.filter(pk=outcome.pack.pk).update(
            enqueued_at=timezone.now() - datetime.timedelta(seconds=settings.PACK_REQUEUE_AFTER + 1)
        )

        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            result = reconciler.packs_reconcile()

        assert result.requeued == [outcome.pack.pk]
        assert len(callbacks) == 1
        assert GovernancePack.objects.get(pk=outcome.pack.pk).status == Status.READY

    def test_it_leaves_a_recently_queued_pack_alone(self, world, django_capture_on_commit_callbacks):
        ask(world, django_capture_on_commit_callbacks, execute=False)

        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            result = reconciler.packs_reconcile()

        assert (result.requeued, result.reset, callbacks) == ([], [], [])

    @pytest.mark.usefixtures("fast_render")
    def test_it_queues_again_a_build_whose_worker_died(
        self, world, django_capture_on_commit_callbacks, settings
    ):
        outcome, _ = ask(world, django_capture_on_commit_callbacks, execute=False)
        jobs.pack_claim(pack_id=outcome.pack.pk)
        GovernancePack.objects.filter(pk=outcome.pack.pk).update(
            started_at=timezone.now() - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 5)
        )

        with django_capture_on_commit_callbacks(execute=True):
            result = reconciler.packs_reconcile()

        pack = GovernancePack.objects.get(pk=outcome.pack.pk)
        assert result.reset == [pack.pk]
        assert (pack.status, pack.attempts) == (Status.READY, 2)

    def test_it_gives_up_on_a_pack_whose_workers_keep_dying(
        self, world, django_capture_on_commit_callbacks, settings
    ):
        outcome, _ = ask(world, django_capture_on_commit_callbacks, execute=False)
        GovernancePack.objects.filter(pk=outcome.pack.pk).update(
            status=Status.BUILDING,
            attempts=settings.PACK_MAX_ATTEMPTS,
            started_at=timezone.now() - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 5),
        )

        result = reconciler.packs_reconcile()

        pack = GovernancePack.objects.get(pk=outcome.pack.pk)
        assert result.failed == [pack.pk]
        assert pack.status == Status.FAILED
        assert "stopped 4 times" in pack.failure_reason

    @pytest.mark.usefixtures("fast_render")
    def test_the_command_and_the_periodic_task_report_what_they_did(
        self, world, django_capture_on_commit_callbacks, capsys
    ):
        outcome, _ = ask(world, django_capture_on_commit_callbacks, execute=False)

        with django_capture_on_commit_callbacks(execute=True):
            call_command("reconcile_packs", "--queued-for", "0")

        assert "1 queued pack(s) sent again" in capsys.readouterr().out
        assert GovernancePack.objects.get(pk=outcome.pack.pk).status == Status.READY
        assert reconcile_governance_packs.apply().get().startswith("0 queued pack(s) sent again")


def test_the_build_task_goes_to_the_packs_own_queue_and_other_work_to_the_default_one():
    from collab.celery import app

    def queue_of(task_name: str) -> str:
        return app.amqp.router.route({}, task_name, args=(1,))["queue"].name

    assert queue_of(build_governance_pack.name) == settings.PACK_QUEUE == "packs"
    assert queue_of("governance.tasks.reconcile_governance_packs") == settings.CELERY_TASK_DEFAULT_QUEUE
