"""Reading an uploaded CSV file as a whole: its size, encoding, header and rows."""

from __future__ import annotations

import csv
import io
import re

from collab.csv_export import FORMULA_TRIGGERS
from governance.spreadsheets.columns import Column, importable

MAX_BYTES = 1_000_000
MAX_ROWS = 2000
MAX_ERRORS_SHOWN = 50


class ImportFileError(Exception):
    """The file as a whole cannot be read: nothing in it was looked at row by row."""


def _unneutralise(cell: str) -> str:
    """Undo the export's guard against formulas, so an exported file imports back as it was."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_TRIGGERS):
        return cell[1:]
    return cell


def _normalise_header(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def read_upload(upload, columns: list[Column]) -> list[tuple[int, dict[str, str]]]:
    """The file's data rows as (spreadsheet row number, {column key: text}); raises ImportFileError."""
    if not upload.name.lower().endswith(".csv"):
        raise ImportFileError("The selected file must be a CSV file")
    if upload.size == 0:
        raise ImportFileError("The selected file is empty")
    if upload.size > MAX_BYTES:
        raise ImportFileError("The selected file must be smaller than 1 MB")
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            "The selected file must be saved as UTF-8: in Excel, choose “CSV UTF-8” when saving"
        ) from None
    if "\x00" in text:
        raise ImportFileError("The selected file must be a CSV file")
    try:
        lines = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ImportFileError(f"The selected file could not be read as CSV: {error}") from None
    if not lines or not any(cell.strip() for cell in lines[0]):
        raise ImportFileError("The selected file is empty")

    by_header = {_normalise_header(column.header): column for column in importable(columns)}
    positions = {}
    for index, header in enumerate(lines[0]):
        column = by_header.get(_normalise_header(header))
        if column is not None and column.key not in positions:
            positions[column.key] = index
    missing = [
        column.header for column in importable(columns) if column.required and column.key not in positions
    ]
    if missing:
        raise ImportFileError(f"The file is missing these columns: {', '.join(missing)}")

    rows = [
        (
            number,
            {
                key: _unneutralise(cells[index].strip()) if index < len(cells) else ""
                for key, index in positions.items()
            },
        )
        for number, cells in enumerate(lines[1:], start=2)
        if any(cell.strip() for cell in cells)
    ]
    if not rows:
        raise ImportFileError("The selected file has a header row but no data rows")
    if len(rows) > MAX_ROWS:
        raise ImportFileError(
            f"The selected file has more than {MAX_ROWS:,} rows: split it into smaller files"
        )
    return rows
