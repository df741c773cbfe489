"""CSV export and import of the risk register and the shared measures: one column set for both.

A file exported here imports back unchanged (the apostrophe that export puts before a
formula-like cell is taken off again). Derived columns (reference, scores, latest
reading) are written for reading and ignored when importing. Bodies are named by short
name, people by email address, choices by their label or code, dates as 2026-03-31 or
31/03/2026. Rows are numbered as a spreadsheet shows them: the header is row 1.

Importing validates every row before saving anything, then shows a preview of what it would
add and change (preview.py); confirming records an import job (services.py) that a worker
applies exactly as previewed or not at all, one import per initiative at a time (jobs.py,
saving.py). A row with a reference (R001, M001) updates that record; a row without one updates
the record whose title (risks) or name (measures) it has, so importing the same file
twice changes nothing the second time.
"""

from governance.spreadsheets.checks import ImportCheck, RowResult, check_measure_rows, check_risk_rows
from governance.spreadsheets.columns import MEASURE_COLUMNS, RISK_COLUMNS, Column, importable
from governance.spreadsheets.export import measure_rows, risk_rows
from governance.spreadsheets.upload import MAX_BYTES, MAX_ERRORS_SHOWN, MAX_ROWS, ImportFileError, read_upload

__all__ = [
    "MAX_BYTES",
    "MAX_ERRORS_SHOWN",
    "MAX_ROWS",
    "MEASURE_COLUMNS",
    "RISK_COLUMNS",
    "Column",
    "ImportCheck",
    "ImportFileError",
    "RowResult",
    "check_measure_rows",
    "check_risk_rows",
    "importable",
    "measure_rows",
    "read_upload",
    "risk_rows",
]
