"""Edit versions for the RACI matrix, one per row (docs/adr/0008-edit-versions-from-history.md).

A row's version is the newest history id among its cells (collab/versions.py: history ids are
versions). Per row, because the row is what the matrix's rules check (exactly one A, at least one
R): a save of one row is not refused because someone changed another, and two people's changes
to one row are never merged into a row neither of them chose.

A row changed by someone else since the page was read is left alone if the person did not change
it either, and refused if they did: it comes back with what they typed over the other person's
cells, beside who changed which cell from what to what, and the row's version now, so saving again
applies theirs on top.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Max

from collab.history import NOTHING
from collab.versions import VERSION_PATTERN
from governance.raci.matrix import CellValues, RaciMatrix, column_label
from governance.raci.models import RaciCell

# Row id -> the newest history id of its cells (0 for a row whose cells never held anything).
RowVersions = dict[int, int]


def version_field_name(row_id: int) -> str:
    return f"version-{row_id}"


def row_versions(row_ids: list[int]) -> RowVersions:
    newest = dict(
        RaciCell.history.filter(row_id__in=row_ids)
        .values("row_id")
        .annotate(latest=Max("history_id"))
        .values_list("row_id", "latest")
    )
    return {row_id: newest.get(row_id, 0) for row_id in row_ids}


def known_versions(submitted: dict[int, str]) -> bool:
    """Whether every submitted version is one its row really had: anything else was not drawn by
    this service, so it is an error in the form, not a claim that someone else saved since."""
    if not all(VERSION_PATTERN.fullmatch(text) and "." not in text for text in submitted.values()):
        return False
    claimed = {(row_id, int(text)) for row_id, text in submitted.items() if int(text)}
    found = set(
        RaciCell.history.filter(
            row_id__in={row_id for row_id, _ in claimed},
            history_id__in={version for _, version in claimed},
        ).values_list("row_id", "history_id")
    )
    return claimed <= found


@dataclass(frozen=True)
class CellChange:
    """One cell someone else changed since the page was read, beside what this person chose."""

    column: str
    who: str
    was: str
    now: str
    typed: str

    def __str__(self) -> str:
        return f"{self.who} changed {self.column} from {self.was} to {self.now} (you chose {self.typed})"


def _shown(value: str) -> str:
    return value or NOTHING


def _values_at(row_id: int, version: int) -> dict[int, str]:
    """A row's cells as they were at a version, by column id."""
    values: dict[int, str] = {}
    for column_id, value, kind in (
        RaciCell.history.filter(row_id=row_id, history_id__lte=version)
        .order_by("history_id")
        .values_list("column_id", "value", "history_type")
    ):
        values[column_id] = "" if kind == "-" else value
    return values


def _changed_by(row_id: int, since: int) -> dict[int, str]:
    """Who last changed each of a row's cells after a version, by column id."""
    rows = (
        RaciCell.history.filter(row_id=row_id, history_id__gt=since)
        .order_by("history_id")
        .values_list("column_id", "history_user__full_name", "history_user__email")
    )
    return {column_id: name or email or "someone" for column_id, name, email in rows}


@dataclass
class StaleRows:
    """The rows of a save that others changed since it was read: `refused` maps each row this
    person changed too to the cells changed under them; `values` is what the page shows after."""

    refused: dict[int, list[CellChange]]
    values: CellValues


def stale_rows(matrix: RaciMatrix, wanted: CellValues, read_at: RowVersions) -> StaleRows:
    """Sort the rows read at an older version than now. Call with the initiative locked."""
    now = row_versions([row.pk for row in matrix.rows])
    values, refused = dict(wanted), {}
    for row in matrix.rows:
        if row.pk not in read_at or read_at[row.pk] == now[row.pk]:
            continue
        base = _values_at(row.pk, read_at[row.pk])
        mine = {c.pk: wanted.get((row.pk, c.pk), "") for c in matrix.columns}
        theirs = {c.pk: matrix.value(row, c) for c in matrix.columns}
        typed = {pk for pk, value in mine.items() if value != base.get(pk, "")}
        for column in matrix.columns:
            # Cells this person did not change show what is stored now.
            shown = mine[column.pk] if column.pk in typed else theirs[column.pk]
            values.pop((row.pk, column.pk), None)
            if shown:
                values[(row.pk, column.pk)] = shown
        if typed:
            who = _changed_by(row.pk, read_at[row.pk])
            changes = [
                CellChange(
                    column_label(c),
                    who.get(c.pk, "someone"),
                    _shown(base.get(c.pk, "")),
                    _shown(theirs[c.pk]),
                    _shown(mine[c.pk]),
                )
                for c in matrix.columns
                if base.get(c.pk, "") != theirs[c.pk]
            ]
            if changes:  # Changed and changed back is no conflict.
                refused[row.pk] = changes
    return StaleRows(refused=refused, values=values)
