"""An initiative's RACI matrix read into plain data, and checked with governance.raci.validation."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from governance.raci.models import RaciCell, RaciColumn, RaciRow
from governance.raci.validation import ACCOUNTABLE, RESPONSIBLE, Column, MatrixCheck, Row, check_matrix
from initiatives.models import Initiative, Participation

# (row id, column id) -> "R", "A", "C", "I"; empty cells are absent.
CellValues = dict[tuple[int, int], str]


def column_label(column: RaciColumn) -> str:
    return f"{column.body.short_name} — {column.role_name}" if column.role_name else column.body.short_name


def accountable_holder_role(column: RaciColumn) -> str:
    """The role a column's holder has when the column holds an A, in words for emails and messages."""
    return f"holder of the “{column_label(column)}” column in the RACI matrix, accountable (A) for decisions"


@dataclass
class RaciMatrix:
    rows: list[RaciRow]
    columns: list[RaciColumn]
    values: CellValues
    # Short names of the bodies taking part, whether or not they have a column.
    bodies: list[str]

    def value(self, row: RaciRow, column: RaciColumn, values: CellValues | None = None) -> str:
        return (self.values if values is None else values).get((row.pk, column.pk), "")

    def with_rows(self, values: CellValues, row_ids: Collection[int] | None) -> CellValues:
        """The values of `row_ids` as given over the stored matrix: the other rows (another page of
        it, governance/raci/slices.py) as stored, whatever `values` says of them. None: all given."""
        if row_ids is None:
            return values
        kept = {key: value for key, value in self.values.items() if key[0] not in row_ids}
        return {**kept, **{key: value for key, value in values.items() if key[0] in row_ids}}

    def check(self, values: CellValues | None = None) -> MatrixCheck:
        """Check the stored values, or the given ones (a submitted form) against the same rows and columns."""
        return check_matrix(
            columns=[Column(label=column_label(c), body=c.body.short_name) for c in self.columns],
            rows=[
                Row(label=row.activity, values=[self.value(row, column, values) for column in self.columns])
                for row in self.rows
            ],
            bodies=self.bodies,
        )

    def rows_left_without(self, column_ids: set[int]) -> tuple[list[str], list[str]]:
        """The rows that would lose their only A, and those that would lose their last R, without these.

        A row that has no A or R already is not counted: taking the columns away does not make it worse.
        """
        without_a, without_r = [], []
        for row in self.rows:
            removed = {self.value(row, c) for c in self.columns if c.pk in column_ids}
            kept = {self.value(row, c) for c in self.columns if c.pk not in column_ids}
            if ACCOUNTABLE in removed and ACCOUNTABLE not in kept:
                without_a.append(row.activity)
            if RESPONSIBLE in removed and RESPONSIBLE not in kept:
                without_r.append(row.activity)
        return without_a, without_r


def load_matrix(initiative: Initiative) -> RaciMatrix:
    return load_matrices([initiative])[initiative.pk]


def load_matrices(initiatives: Iterable[Initiative]) -> dict[int, RaciMatrix]:
    """Each initiative's matrix, by initiative id, in four queries however many initiatives."""
    by_id = {initiative.pk: initiative for initiative in initiatives}
    matrices = {pk: RaciMatrix(rows=[], columns=[], values={}, bodies=[]) for pk in by_id}
    for row in RaciRow.objects.filter(initiative_id__in=by_id).in_matrix_order():
        row.initiative = by_id[row.initiative_id]
        matrices[row.initiative_id].rows.append(row)
    columns = (
        RaciColumn.objects.filter(initiative_id__in=by_id).in_matrix_order().select_related("body", "holder")
    )
    for column in columns:
        column.initiative = by_id[column.initiative_id]
        matrices[column.initiative_id].columns.append(column)
    cells = RaciCell.objects.filter(row__initiative_id__in=by_id).values_list(
        "row__initiative_id", "row_id", "column_id", "value"
    )
    for initiative_id, row_id, column_id, value in cells:
        matrices[initiative_id].values[(row_id, column_id)] = value
    for participation in Participation.objects.filter(initiative_id__in=by_id).in_role_order():
        matrices[participation.initiative_id].bodies.append(participation.body.short_name)
    return matrices
