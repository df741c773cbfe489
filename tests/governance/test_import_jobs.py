"""Imports off the request: confirming records a job, a worker writes every row in bulk or none."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance.models import Risk, RiskScoreChange
from governance.spreadsheets import jobs
from governance.spreadsheets.jobs import NOT_ALLOWED, UNEXPECTED, import_job_run
from governance.spreadsheets.models import ImportJob
from governance.spreadsheets.registers import REGISTERS
from governance.spreadsheets.services import import_job_start, import_plan
from governance.spreadsheets.tasks import imports_reconcile
from initiatives.models import InitiativeRole
from people.models import Notification
from tests.factories import InitiativeFactory
from tests.governance.register_factories import RiskFactory

pytestmark = pytest.mark.django_db

Status = ImportJob.Status


def risk_cells(title: str, *, reference: str = "", current: str = "3") -> dict[str, str]:
    """A row as read from a file: owned by the senior owner, so the importer's writes tell them."""
    return {
        "reference": reference,
        "title": title,
        "category": "Operations",
        "owner_body": "DWP",
        "owner": "sro@dwp.example",
        "is_joint": "yes",
        "inherent_likelihood": "4",
        "inherent_impact": "4",
        "current_likelihood": current,
        "current_impact": "3",
        "target_likelihood": "2",
        "target_impact": "2",
        "appetite": "Cautious",
        "treatment": "Treat",
    }


def numbered(cells: list[dict]) -> list[tuple[int, dict]]:
    return list(enumerate(cells, start=2))


def queued_job(world, rows, by=None) -> ImportJob:
    """A job as confirming a preview records it (its message to the worker is not sent here)."""
    planned, errors = import_plan(register=REGISTERS["risks"], initiative=world.initiative, rows=rows)
    assert not errors
    return import_job_start(
        kind="risks",
        initiative=world.initiative,
        rows=rows,
        previewed=planned.digest,
        by=by or world.programme_manager,
    )


def upload_url(world) -> str:
    return reverse("governance:risks_import", kwargs={"slug": world.initiative.slug})


def job_url(world, job, page="import_job") -> str:
    return reverse(f"governance:{page}", kwargs={"slug": world.initiative.slug, "job_id": job.pk})


class TestConfirming:
    def test_confirming_records_a_queued_job_sends_it_to_a_worker_and_shows_its_progress(
        self, client, world, django_capture_on_commit_callbacks
    ):
        client.force_login(world.programme_manager)
        header = "Title,Category,Joint risk,Inherent likelihood,Inherent impact,Current likelihood,"
        header += "Current impact,Target likelihood,Target impact,Risk appetite,Treatment\n"
        row = "Families asked twice,Operations,yes,4,4,3,3,2,2,Cautious,Treat\n"
        upload = SimpleUploadedFile("risks.csv", (header + row).encode(), content_type="text/csv")
        preview = client.get(client.post(upload_url(world), {"file": upload}).url)

        with django_capture_on_commit_callbacks(execute=False) as sent:
            confirmed = client.post(preview.context["confirm_url"])

        job = ImportJob.objects.get()
        assert confirmed.url == job_url(world, job)
        assert (job.status, job.rows_total, job.requested_by, job.kind) == (
            Status.QUEUED,
            1,
            world.programme_manager,
            "risks",
        )
        assert len(sent) == 1 and not Risk.objects.exists(), "the worker writes the rows, not the request"
        page = client.get(confirmed.url).content.decode()
        assert 'role="status"' in page and "Waiting to import 1 rows" in page


class TestTheWorker:
    def test_it_adds_and_changes_risks_with_their_history_score_changes_and_owners_told(self, world):
        existing = RiskFactory(initiative=world.initiative, number=7, title="Funding ends early")
        rows = numbered(
            [
                risk_cells("Families asked twice"),
                risk_cells("Funding ends early", reference="R007", current="5"),
            ]
        )
        job = queued_job(world, rows)

        assert import_job_run(job_id=job.pk) == "done"

        job.refresh_from_db()
        assert (job.status, job.rows_done, job.added, job.updated, job.unchanged) == (Status.DONE, 2, 1, 1, 0)
        added = Risk.objects.get(title="Families asked twice")
        assert added.number == 8, "numbers follow on from the register's last"
        assert added.review_date is not None, "a blank review date comes from the score, as for one risk"
        assert [(h.history_type, h.history_user) for h in added.history.all()] == [
            ("+", world.programme_manager)
        ]
        existing.refresh_from_db()
        assert existing.current_likelihood == 5
        assert [(h.history_type, h.history_user) for h in existing.history.order_by("history_id")][-1] == (
            "~",
            world.programme_manager,
        )
        assert RiskScoreChange.objects.filter(risk=added).count() == 3
        assert list(
            RiskScoreChange.objects.filter(risk=existing).values_list("position", "new_likelihood")
        ) == [("current", 5)]
        told = Notification.objects.filter(person=world.senior_owner)
        assert [note.key for note in told] == [
            f"risk:{added.pk}:owner:{added.history.latest('history_id').history_id}",
            f"risk:{existing.pk}:owner:{existing.history.latest('history_id').history_id}",
        ]

    @pytest.mark.postgres
    def test_its_queries_do_not_grow_with_the_rows(self, world):
        def queries_to_import(count: int, first_number: int) -> int:
            risks = [
                RiskFactory.build(
                    initiative=world.initiative, number=first_number + n, title=f"Old {first_number + n}"
                )
                for n in range(count)
            ]
            Risk.objects.bulk_create(risks)
            cells = [risk_cells(f"New {first_number + n}") for n in range(count)]
            cells += [risk_cells(risk.title, reference=risk.reference, current="5") for risk in risks]
            job = queued_job(world, numbered(cells))
            with CaptureQueriesContext(connection) as queries:
                assert import_job_run(job_id=job.pk) == "done"
            return len(queries)

        few, many = queries_to_import(50, 1), queries_to_import(500, 1001)

        # The same statements in batches of 500: 1,000 rows' 2,000 score changes take 3 more than 200 do.
        assert many - few <= 3, f"{few} queries for 100 rows but {many} for 1,000"
        assert few <= 40

    def test_a_failure_part_way_writes_nothing_and_marks_the_job_failed(self, world, monkeypatch):
        job = queued_job(world, numbered([risk_cells("Families asked twice")]))

        def broken(**kwargs):
            raise RuntimeError("the mail table is gone")

        monkeypatch.setattr("governance.risks.services.risk_owners_notify", broken)

        assert import_job_run(job_id=job.pk) == "failed"

        job.refresh_from_db()
        assert (job.status, job.failure_reason, job.rows_done) == (Status.FAILED, UNEXPECTED, 0)
        assert (
            not Risk.objects.exists() and not Risk.history.exists() and not RiskScoreChange.objects.exists()
        )

    def test_it_checks_again_that_the_person_still_manages_the_initiative(self, world):
        job = queued_job(world, numbered([risk_cells("Families asked twice")]))
        InitiativeRole.objects.filter(user=world.programme_manager, initiative=world.initiative).delete()

        assert import_job_run(job_id=job.pk) == "failed"

        job.refresh_from_db()
        assert (job.status, job.failure_reason) == (Status.FAILED, NOT_ALLOWED)
        assert not Risk.objects.exists()

    def test_a_second_message_for_the_same_job_does_nothing(self, world):
        job = queued_job(world, numbered([risk_cells("Families asked twice")]))

        assert import_job_run(job_id=job.pk, task_id="first") == "done"
        assert import_job_run(job_id=job.pk, task_id="first") == "not_claimed"
        assert Risk.objects.count() == 1

    def test_the_reconciler_sends_again_a_job_whose_message_was_lost(
        self, world, django_capture_on_commit_callbacks
    ):
        job = queued_job(world, numbered([risk_cells("Families asked twice")]))
        ImportJob.objects.filter(pk=job.pk).update(enqueued_at=timezone.now() - datetime.timedelta(hours=1))

        with django_capture_on_commit_callbacks(execute=True):
            result = imports_reconcile()

        assert result.requeued == [job.pk]
        assert ImportJob.objects.get(pk=job.pk).status == Status.DONE
        assert str(result).startswith("1 queued import(s) sent again")


class TestProgress:
    def test_the_status_answer_says_how_far_the_job_is_and_where_to_go_next(self, client, world):
        job = queued_job(world, numbered([risk_cells("Families asked twice")]))
        client.force_login(world.programme_manager)

        waiting = client.get(job_url(world, job, "import_job_status"))
        import_job_run(job_id=job.pk)
        done = client.get(job_url(world, job, "import_job_status"))

        assert "no-store" in waiting["Cache-Control"]
        assert (waiting.json()["finished"], waiting.json()["rows_done"], waiting.json()["rows_total"]) == (
            False,
            0,
            1,
        )
        assert done.json() == {
            "status": "done",
            "status_label": "Done",
            "finished": True,
            "rows_done": 1,
            "rows_total": 1,
            "message": "Import complete. 1 risks imported: 1 added, 0 updated, 0 unchanged.",
            "next_url": reverse("governance:risk_register", kwargs={"slug": world.initiative.slug}),
            "next_label": "Go to the risks register",
        }

    def test_a_failed_job_says_why_and_offers_the_upload_again(self, client, world, monkeypatch):
        job = queued_job(world, numbered([risk_cells("Families asked twice")]))
        monkeypatch.setattr(jobs, "import_rows", lambda **kwargs: 1 / 0)
        import_job_run(job_id=job.pk)
        client.force_login(world.programme_manager)

        page = client.get(job_url(world, job)).content.decode()

        assert f"Import failed. {UNEXPECTED}" in page
        assert f'href="{upload_url(world)}">Upload a file of risks again' in page

    @pytest.mark.parametrize("persona", ["senior_owner", "partner_member"])
    def test_only_the_initiatives_programme_managers_see_a_job(self, client, world, persona):
        job = queued_job(world, numbered([risk_cells("Families asked twice")]))
        client.force_login(getattr(world, persona))

        assert client.get(job_url(world, job)).status_code == 403
        assert client.get(job_url(world, job, "import_job_status")).status_code == 403

    def test_a_job_of_another_initiative_is_not_found(self, client, world):
        job = queued_job(world, numbered([risk_cells("Families asked twice")]))
        ImportJob.objects.filter(pk=job.pk).update(initiative=InitiativeFactory())
        client.force_login(world.programme_manager)

        assert client.get(job_url(world, job)).status_code == 404
