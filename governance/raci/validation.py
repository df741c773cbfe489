"""Checking a RACI matrix: a pure function over plain data, so the rules are tested as a table.

Errors stop a matrix being saved: every row needs exactly one A (one body answers for it)
and at least one R (someone does the work). Warnings are saved but shown: a body that is
neither responsible nor accountable for anything may not need to take part, and a row where
most bodies are only consulted will be slow to move.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

RESPONSIBLE, ACCOUNTABLE, CONSULTED, INFORMED = "R", "A", "C", "I"
VALUES = (RESPONSIBLE, ACCOUNTABLE, CONSULTED, INFORMED)


@dataclass(frozen=True)
class Column:
    label: str
    # Several columns may be roles within one body; the body-level warning looks at all of them.
    body: str


@dataclass(frozen=True)
class Row:
    label: str
    # One value per column, in column order: "R", "A", "C", "I" or "" for nothing.
    values: Sequence[str]


@dataclass
class MatrixCheck:
    # Row index -> messages. Errors block saving; warnings do not.
    row_errors: dict[int, list[str]] = field(default_factory=dict)
    row_warnings: dict[int, list[str]] = field(default_factory=dict)
    # Warnings about the matrix as a whole (bodies with nothing to do).
    warnings: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.row_errors

    @property
    def failing_rows(self) -> list[int]:
        return sorted(self.row_errors)

    @property
    def row_warning_messages(self) -> list[str]:
        return [message for index in sorted(self.row_warnings) for message in self.row_warnings[index]]

    @property
    def all_warnings(self) -> list[str]:
        return [*self.row_warning_messages, *self.warnings]


def _names(columns: Sequence[Column], indexes: list[int]) -> str:
    labels = [columns[i].label for i in indexes]
    return ", ".join(labels[:-1]) + f" and {labels[-1]}" if len(labels) > 1 else labels[0]


def check_matrix(
    *, columns: Sequence[Column], rows: Sequence[Row], bodies: Sequence[str] = ()
) -> MatrixCheck:
    """Check every row and every body. `bodies` are the bodies taking part, columns or not."""
    check = MatrixCheck()
    for index, row in enumerate(rows):
        if len(row.values) != len(columns):
            raise ValueError(f"Row {row.label!r} has {len(row.values)} values for {len(columns)} columns")
        errors = _row_errors(row, columns)
        if errors:
            check.row_errors[index] = errors
        consulted = sum(1 for value in row.values if value == CONSULTED)
        if consulted * 2 > len(columns):
            check.row_warnings[index] = [
                f"Most bodies are only consulted on “{row.label}”: consulting everyone slows "
                "things down, so inform some of them instead"
            ]
    if rows:
        check.warnings.extend(_idle_bodies(columns, rows, bodies))
    return check


def _row_errors(row: Row, columns: Sequence[Column]) -> list[str]:
    errors = []
    accountable = [i for i, value in enumerate(row.values) if value == ACCOUNTABLE]
    if not accountable:
        errors.append(f"Choose who is accountable (A) for “{row.label}”: every row needs exactly one A")
    elif len(accountable) > 1:
        errors.append(
            f"“{row.label}” has {len(accountable)} As ({_names(columns, accountable)}): "
            "choose exactly one accountable"
        )
    if RESPONSIBLE not in row.values:
        errors.append(f"Choose at least one responsible (R) for “{row.label}”")
    return errors


def _idle_bodies(columns: Sequence[Column], rows: Sequence[Row], bodies: Sequence[str]) -> list[str]:
    busy = {
        columns[i].body
        for row in rows
        for i, value in enumerate(row.values)
        if value in (RESPONSIBLE, ACCOUNTABLE)
    }
    in_order = list(dict.fromkeys([*(column.body for column in columns), *bodies]))
    return [
        f"{body} is not responsible or accountable for anything: give it a part, "
        "or ask whether it needs to take part"
        for body in in_order
        if body not in busy
    ]
