"""Writing CSV that spreadsheets open safely.

Excel, LibreOffice and Google Sheets treat a cell starting with `=`, `+`, `-` or `@` as a
formula, and a leading tab or carriage return can hide one. A cell typed by a user (an
activity, a risk title, a measure name) could then run a formula on the reader's machine
(OWASP "CSV injection"). Every export in the service writes its cells through
`neutralise_cell`, which prefixes such text with an apostrophe so it shows as plain text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> str:
    """The cell as text, with a leading apostrophe if a spreadsheet could read it as a formula.

    Numbers are left alone (a reading of -5 must stay a number); only text is neutralised.
    """
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def csv_text(rows: Iterable[Iterable[object]]) -> str:
    """CSV for the given rows (the first is usually the header), every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise_cell(cell) for cell in row])
    return buffer.getvalue()
