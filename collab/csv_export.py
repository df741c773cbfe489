"""CSV downloads that are safe to open in a spreadsheet.

A cell beginning with =, +, -, @ (or a tab or carriage return) is read as a formula by
Excel and LibreOffice, so text typed by one user could run in another's spreadsheet.
Such cells get a leading apostrophe, which spreadsheets show as plain text.
"""

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    write_csv(response, header, rows)
    return response


def csv_text(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    """The same file as a download, as text: what a governance pack attaches."""
    buffer = io.StringIO()
    write_csv(buffer, header, rows)
    return buffer.getvalue()


def write_csv(target, header: Sequence[str], rows: Iterable[Sequence]) -> None:
    # A byte-order mark so Excel reads UTF-8 (names such as Siân) correctly.
    target.write("\ufeff")
    writer = csv.writer(target)
    writer.writerow([neutralise(cell) for cell in header])
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
