"""A generated risk CSV imported as the import pages do it (upload, preview, confirm): time and queries.

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
from governance.spreadsheets.registers import REGISTERS
from governance.spreadsheets.services import ImportHasErrors, import_plan, import_rows
from initiatives.models import Initiative, User


@dataclass(frozen=True)
class ImportTiming:
    rows: int
    added: int
    check_seconds: float  # reading the file and checking every row, then the preview's plan
    check_queries: int
    save_seconds: float  # confirming: checked and planned again, then saved
    save_queries: int

    @property
    def seconds(self) -> float:
        return self.check_seconds + self.save_seconds

    @property
    def queries_per_row(self) -> float:
        return (self.check_queries + self.save_queries) / self.rows


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
    """Import `rows` new risks through the import pages' own functions; raises ImportHasErrors."""
    register = REGISTERS["risks"]
    upload = risk_import_file(initiative, rows)
    with counting_queries() as checking:
        started = time.perf_counter()
        parsed = read_upload(upload, register.columns)
        planned, errors = import_plan(register=register, initiative=initiative, rows=parsed)
        if errors:
            raise ImportHasErrors(errors)
        checked = time.perf_counter()
    with counting_queries() as saving:
        outcome = import_rows(
            register=register, initiative=initiative, rows=parsed, by=by, previewed=planned.digest
        )
        saved = time.perf_counter()
    return ImportTiming(rows, outcome.added, checked - started, len(checking), saved - checked, len(saving))
