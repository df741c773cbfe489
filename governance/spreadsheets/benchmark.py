"""A generated risk CSV imported as the import pages and the worker do it: time and queries.

Three parts, as a person meets them: the preview (reading and checking the file, in the request),
confirming (recording the job, in the request) and the worker's job (checked and planned again
under the initiative's lock, then written in bulk), run here by calling the task's own function.

Used by `scripts/bench`. The file is the register's own export of an initiative's risks, repeated
with a new title and no reference, so every row adds a risk, and no review date, since a new risk's
cannot be in the past (the import sets it from the score): otherwise what the export writes.
"""

from __future__ import annotations

import csv
import io
import time
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile

from collab.csv_export import neutralise
from collab.page_benchmark import counting_queries
from governance.spreadsheets import RISK_COLUMNS, read_upload, risk_rows
from governance.spreadsheets.jobs import import_job_run
from governance.spreadsheets.registers import REGISTERS
from governance.spreadsheets.services import ImportHasErrors, import_job_start, import_plan
from initiatives.models import Initiative, User


@dataclass(frozen=True)
class ImportTiming:
    rows: int
    added: int
    check_seconds: float  # reading the file and checking every row, then the preview's plan
    check_queries: int
    confirm_seconds: float  # confirming: the job recorded, then the request answers
    confirm_queries: int
    worker_seconds: float  # the worker's job: claimed, checked and planned again, saved, marked done
    worker_queries: int

    @property
    def queries_per_row(self) -> float:
        """The worker's queries per row, which bulk writes keep to a few per hundred rows."""
        return self.worker_queries / self.rows


def risk_import_file(initiative: Initiative, rows: int) -> SimpleUploadedFile:
    """`rows` new risks in the export's columns, copied from the initiative's own risks in turn."""
    exported = risk_rows(initiative.risks.select_related("owner_body", "owner").order_by("number"))
    if not exported:
        raise ValueError(f"{initiative} has no risks to copy into an import file")
    keys = [column.key for column in RISK_COLUMNS]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.header for column in RISK_COLUMNS])
    for number in range(1, rows + 1):
        cells = dict(zip(keys, exported[(number - 1) % len(exported)], strict=True))
        cells.update(reference="", title=f"Imported risk {number}: {cells['title']}"[:200], review_date="")
        writer.writerow([neutralise(cells[key]) for key in keys])
    return SimpleUploadedFile("risks.csv", buffer.getvalue().encode("utf-8"), content_type="text/csv")


def time_risk_import(*, initiative: Initiative, by: User, rows: int) -> ImportTiming:
    """Import `rows` new risks through the import's own functions; raises ImportHasErrors or ImportFailed."""
    register = REGISTERS["risks"]
    upload = risk_import_file(initiative, rows)
    with counting_queries() as checking:
        started = time.perf_counter()
        parsed = read_upload(upload, register.columns)
        planned, errors = import_plan(register=register, initiative=initiative, rows=parsed)
        if errors:
            raise ImportHasErrors(errors)
        checked = time.perf_counter()
    with counting_queries() as confirming:
        # Its message goes to the benchmark's own queue, which no worker reads: the job is run here.
        job = import_job_start(
            kind="risks", initiative=initiative, rows=parsed, previewed=planned.digest, by=by
        )
        confirmed = time.perf_counter()
    with counting_queries() as working:
        result = import_job_run(job_id=job.pk)
        worked = time.perf_counter()
    job.refresh_from_db()
    if result != "done":
        raise ImportFailed(job.failure_reason or result)
    return ImportTiming(
        rows,
        job.added,
        checked - started,
        len(checking),
        confirmed - checked,
        len(confirming),
        worked - confirmed,
        len(working),
    )


class ImportFailed(Exception):
    pass
