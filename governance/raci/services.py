"""Writes to the RACI matrix: its rows, its columns and the values in its cells."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max

from governance.raci.matrix import CellValues, RaciMatrix, accountable_holder_role, column_label, load_matrix
from governance.raci.models import RaciCell, RaciColumn, RaciRow
from governance.raci.starter import StarterRow
from governance.raci.validation import MatrixCheck
from governance.raci.versions import CellChange, RowVersions, row_versions, stale_rows
from initiatives import accountability
from initiatives.departures import BodyStillNeeded
from initiatives.models import Body, Initiative, Participation, User


class RaciMatrixInvalid(Exception):
    def __init__(self, check: MatrixCheck):
        self.check = check
        super().__init__("The RACI matrix has rows without exactly one A or without an R")


class RaciColumnsStillNeeded(BodyStillNeeded):
    """Taking columns away would leave rows with no A or no R, which the matrix may never have."""

    def __init__(self, *, subject: str, without_a: Sequence[str], without_r: Sequence[str]):
        self.without_a = list(without_a)
        self.without_r = list(without_r)
        losses = [
            f"{_quoted(rows)} would have no {letter}"
            for letter, rows in (("accountable (A)", self.without_a), ("responsible (R)", self.without_r))
            if rows
        ]
        needed = " or ".join(
            letter for letter, rows in (("A", self.without_a), ("R", self.without_r)) if rows
        )
        rows = "that row" if len({*self.without_a, *self.without_r}) == 1 else "those rows"
        super().__init__(
            f"{subject} cannot be removed: in the RACI matrix {' and '.join(losses)}. "
            f"Give {rows} another {needed} in the matrix first."
        )


def _quoted(activities: Sequence[str]) -> str:
    quoted = [f"“{activity}”" for activity in activities]
    return ", ".join(quoted[:-1]) + f" and {quoted[-1]}" if len(quoted) > 1 else quoted[0]


def _columns_remove(*, initiative: Initiative, columns: Sequence[RaciColumn], subject: str, by: User) -> None:
    """Delete the columns and their cells, or nothing if a row would be left without its A or its last R."""
    # Lock the initiative so a matrix saved at the same moment cannot move an A into these columns.
    Initiative.objects.lock(initiative)
    without_a, without_r = load_matrix(initiative).rows_left_without({column.pk for column in columns})
    if without_a or without_r:
        raise RaciColumnsStillNeeded(subject=subject, without_a=without_a, without_r=without_r)
    for column in columns:
        column._history_user = by
        column.delete()


def _next_position(queryset) -> int:
    highest = queryset.aggregate(highest=Max("position"))["highest"]
    return 0 if highest is None else highest + 1


def _save(record, by: User) -> None:
    record._history_user = by
    record.save()


@transaction.atomic
def raci_columns_from_bodies(*, initiative: Initiative, by: User) -> list[RaciColumn]:
    """A column for every participating body that has none yet, lead body first."""
    with_columns = set(initiative.raci_columns.values_list("body_id", flat=True))
    position = _next_position(initiative.raci_columns)
    added = []
    for participation in initiative.participations.in_role_order():
        if participation.body_id in with_columns:
            continue
        column = RaciColumn(initiative=initiative, body=participation.body, position=position)
        _save(column, by)
        added.append(column)
        position += 1
    return added


def _ensure_columns(initiative: Initiative, by: User) -> None:
    if not initiative.raci_columns.exists():
        raci_columns_from_bodies(initiative=initiative, by=by)


@transaction.atomic
def raci_row_add(*, initiative: Initiative, activity: str, kind: str, by: User) -> RaciRow:
    """Add a row at the bottom. The first row also sets up the columns, one per body taking part."""
    _ensure_columns(initiative, by)
    row = RaciRow(
        initiative=initiative, activity=activity, kind=kind, position=_next_position(initiative.raci_rows)
    )
    _save(row, by)
    return row


@transaction.atomic
def raci_rows_add_starter(*, initiative: Initiative, rows: Sequence[StarterRow], by: User) -> list[RaciRow]:
    taken = {activity.casefold() for activity in initiative.raci_rows.values_list("activity", flat=True)}
    return [
        raci_row_add(initiative=initiative, activity=row.activity, kind=row.kind, by=by)
        for row in rows
        if row.activity.casefold() not in taken
    ]


@transaction.atomic
def raci_row_update(*, row: RaciRow, activity: str, kind: str, by: User) -> RaciRow:
    row.activity = activity
    row.kind = kind
    _save(row, by)
    return row


@transaction.atomic
def raci_row_remove(*, row: RaciRow, by: User) -> None:
    # Decisions that named this row keep their decider (fixed at submission); the link is cleared.
    row._history_user = by
    row.delete()


def _move(records: list, record, direction: str, by: User) -> None:
    """Swap a row or column with its neighbour; positions are renumbered 0..n-1 on the way."""
    index = next(i for i, each in enumerate(records) if each.pk == record.pk)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(records):
        return
    records[index], records[other] = records[other], records[index]
    for position, each in enumerate(records):
        if each.position != position:
            each.position = position
            _save(each, by)


@transaction.atomic
def raci_row_move(*, row: RaciRow, direction: str, by: User) -> None:
    rows = list(RaciRow.objects.select_for_update().filter(initiative_id=row.initiative_id))
    _move(rows, row, direction, by)


@transaction.atomic
def raci_column_add(
    *, initiative: Initiative, body: Body, role_name: str, holder: User | None, by: User
) -> RaciColumn:
    column = RaciColumn(
        initiative=initiative,
        body=body,
        role_name=role_name,
        holder=holder,
        position=_next_position(initiative.raci_columns),
    )
    _save(column, by)
    return column


@transaction.atomic
def raci_column_update(
    *, column: RaciColumn, role_name: str, holder: User | None, by: User, change_reason: str = ""
) -> RaciColumn:
    """Rename a column or change its holder. A new holder of a column with an A takes decisions, so
    that change needs a reason, kept in the history, and both holders are told (accountability)."""
    previous_id = RaciColumn.objects.values_list("holder_id", flat=True).get(pk=column.pk)
    moved = previous_id != (holder.pk if holder else None) and column.cells.accountable().exists()
    if moved:
        role = accountable_holder_role(column)
        column._change_reason = accountability.change_reason(change_reason, role=role)  # type: ignore[attr-defined]
    column.role_name = role_name
    column.holder = holder
    _save(column, by)
    if moved:
        accountability.tell_both(
            initiative=column.initiative,
            role=role,
            old=previous_id,
            new=column.holder_id,
            by=by,
            reason=column._change_reason,  # type: ignore[attr-defined]
        )
    return column


@transaction.atomic
def raci_column_move(*, column: RaciColumn, direction: str, by: User) -> None:
    columns = list(RaciColumn.objects.select_for_update().filter(initiative_id=column.initiative_id))
    _move(columns, column, direction, by)


@transaction.atomic
def raci_column_remove(*, column: RaciColumn, by: User) -> None:
    """Remove a column and its cells; refused if it holds the only A or the last R of a row."""
    _columns_remove(
        initiative=column.initiative, columns=[column], subject=f"Column “{column_label(column)}”", by=by
    )


def raci_columns_release(*, participation: Participation, by: User, successor: object = None) -> None:
    """A departing body's RACI columns go with it, named roles included (a departure step).

    Refused if a row would be left without its A or its last R: an A held by a body no longer
    taking part would answer for nothing.
    """
    initiative = participation.initiative
    _columns_remove(
        initiative=initiative,
        columns=list(initiative.raci_columns.filter(body_id=participation.body_id)),
        subject=participation.body.name,
        by=by,
    )


def _wanted(matrix: RaciMatrix, values: CellValues) -> CellValues:
    """The submitted cells of rows and columns that still exist; a cell left out is empty."""
    row_ids = {row.pk for row in matrix.rows}
    column_ids = {column.pk for column in matrix.columns}
    return {
        key: value for key, value in values.items() if value and key[0] in row_ids and key[1] in column_ids
    }


def _store_rows(initiative: Initiative, wanted: CellValues, row_ids: set[int], by: User) -> set[int]:
    """Make the stored cells of `row_ids` what `wanted` says; return the rows that changed."""
    existing = {
        (cell.row_id, cell.column_id): cell
        for cell in RaciCell.objects.of(initiative)
        if cell.row_id in row_ids
    }
    changed = set()
    for key, value in wanted.items():
        if key[0] not in row_ids:
            continue
        cell = existing.get(key) or RaciCell(row_id=key[0], column_id=key[1])
        if cell.value != value:
            cell.value = value
            _save(cell, by)
            changed.add(key[0])
    for key, cell in existing.items():
        if key not in wanted:
            cell._history_user = by
            cell.delete()
            changed.add(key[0])
    return changed


@transaction.atomic
def raci_matrix_save(*, initiative: Initiative, values: CellValues, by: User) -> MatrixCheck:
    """Store every cell of the matrix at once, or nothing if a row lacks exactly one A or any R.

    `values` is the whole matrix as submitted: a cell left out is an empty cell. Cells of rows
    or columns that no longer exist are ignored. Returns the check, whose warnings are saved.
    """
    # Lock the initiative so two people saving the matrix at once save one after the other.
    Initiative.objects.lock(initiative)
    matrix = load_matrix(initiative)
    wanted = _wanted(matrix, values)
    check = matrix.check(wanted)
    if not check.is_valid:
        raise RaciMatrixInvalid(check)
    _store_rows(initiative, wanted, {row.pk for row in matrix.rows}, by)
    return check


@dataclass(frozen=True)
class MatrixSave:
    # The check of the matrix as submitted: its row errors are the rows left as they were.
    check: MatrixCheck
    saved_rows: int
    refused_rows: int
    # Rows others changed since the page was read, that this person changed too: the cells
    # changed under them (governance/raci/versions.py). Not saved, and not counted above.
    stale: dict[int, list[CellChange]] = field(default_factory=dict)
    # What the page shows after: as submitted, with others' changes where this person changed nothing.
    values: CellValues = field(default_factory=dict)
    # Each row's version after the save, read under the lock: what the page carries on.
    versions: RowVersions = field(default_factory=dict)


@transaction.atomic
def raci_matrix_save_valid_rows(
    *,
    initiative: Initiative,
    values: CellValues,
    by: User,
    read_at: RowVersions | None = None,
    row_ids: Collection[int] | None = None,
) -> MatrixSave:
    """Store the rows that have exactly one A and at least one R; leave the others as stored.

    So one incomplete row does not throw away the changes to every other row: the page shows
    the refused rows with what was typed, to correct and save again. `read_at` is the version
    each row was read at: a row someone else changed since is never overwritten (see stale_rows).
    `row_ids` are the rows the form showed (None: every row); no other row is saved or counted.
    """
    # Lock the initiative so saves queue, and each reads the versions the one before it wrote.
    Initiative.objects.lock(initiative)
    matrix = load_matrix(initiative)
    shown = [row for row in matrix.rows if row_ids is None or row.pk in row_ids]
    stale = stale_rows(matrix, _wanted(matrix, matrix.with_rows(values, row_ids)), read_at or {})
    check = matrix.check(stale.values)
    failing = {matrix.rows[index].pk for index in check.row_errors}
    valid = {row.pk for row in shown if row.pk not in failing and row.pk not in stale.refused}
    changed = _store_rows(initiative, stale.values, valid, by)
    invalid = [row for row in shown if row.pk in failing]
    return MatrixSave(
        check=check,
        saved_rows=len(changed),
        refused_rows=len([row for row in invalid if row.pk not in stale.refused]),
        stale=stale.refused,
        values=stale.values,
        versions=row_versions([row.pk for row in matrix.rows]),
    )
