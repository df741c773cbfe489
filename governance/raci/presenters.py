"""Shaping the RACI matrix page, so the template only loops and prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from collab.confirm import Consequence
from collab.history import LIST_HISTORY_LENGTH, HistoryEntry, history_entries
from governance.raci.forms import CELL_CHOICES, RaciMatrixForm, cell_name
from governance.raci.matrix import RaciMatrix, column_label, load_matrix
from governance.raci.models import RaciColumn, RaciRow
from governance.raci.validation import MatrixCheck
from initiatives.models import Initiative

if TYPE_CHECKING:
    from governance.raci.services import MatrixSave


@dataclass
class CellView:
    name: str
    id: str
    label: str
    value: str
    options: list[tuple[str, str]]
    error: str = ""
    describedby: str = ""


@dataclass
class RowView:
    row: RaciRow
    cells: list[CellView]
    # Shown as errors (after a failed save) or as hints (stored rows still to complete).
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    problems_are_errors: bool = False

    @property
    def problem_id(self) -> str:
        return f"raci-row-{self.row.pk}-problems"


@dataclass
class ColumnView:
    column: RaciColumn
    label: str


@dataclass
class RaciPage:
    rows: list[RowView]
    columns: list[ColumnView]
    errors: list[dict]  # for components/error_summary.html
    warnings: list[str]
    incomplete_rows: int
    can_edit: bool

    @property
    def has_matrix(self) -> bool:
        return bool(self.rows and self.columns)


def raci_page(matrix: RaciMatrix, form: RaciMatrixForm, *, can_edit: bool) -> RaciPage:
    """The matrix as stored, or as just submitted (keeping what the user chose) when the save failed."""
    submitted = form.is_bound
    check: MatrixCheck = form.check if submitted and form.check is not None else matrix.check()
    rows, errors = [], []
    for index, row in enumerate(matrix.rows):
        row_view = RowView(row=row, cells=[], problems=check.row_errors.get(index, []))
        row_view.warnings = check.row_warnings.get(index, [])
        row_view.problems_are_errors = submitted and bool(row_view.problems)
        for column in matrix.columns:
            name = cell_name(row, column)
            bound = form[name]
            cell = CellView(
                name=name,
                id=f"id_{name}",
                label=f"{row.activity} — {column_label(column)}",
                value=(bound.data or "") if submitted else matrix.value(row, column),
                options=CELL_CHOICES,
                error=" ".join(bound.errors),
            )
            ids = [row_view.problem_id] if row_view.problems else []
            if cell.error:
                ids.append(f"{cell.id}-error")
                errors.append({"text": cell.error, "href": f"#{cell.id}"})
            cell.describedby = " ".join(ids)
            row_view.cells.append(cell)
        if row_view.problems_are_errors and row_view.cells:
            errors.extend({"text": text, "href": f"#{row_view.cells[0].id}"} for text in row_view.problems)
        rows.append(row_view)
    return RaciPage(
        rows=rows,
        columns=[ColumnView(column=c, label=column_label(c)) for c in matrix.columns],
        errors=errors,
        warnings=check.all_warnings,
        incomplete_rows=0 if submitted else len(check.row_errors),
        can_edit=can_edit,
    )


def row_removal_consequences(row: RaciRow) -> list[Consequence]:
    """Every letter the row holds and every decision that names it, for its confirmation page."""
    cells = row.cells.select_related("column__body").order_by("column__position")
    return [
        Consequence(
            "Its RACI letters: removed with it", [f"{column_label(c.column)}: {c.value}" for c in cells]
        ),
        Consequence(
            "Decisions that name this activity: they keep their decider, and lose the link to the row",
            [str(decision) for decision in row.decisions.all()],
        ),
    ]


def column_removal_consequences(column: RaciColumn) -> list[Consequence]:
    matrix = load_matrix(column.initiative)
    without_a, without_r = matrix.rows_left_without({column.pk})
    letters = [
        f"{row.activity}: {matrix.value(row, column)}" for row in matrix.rows if matrix.value(row, column)
    ]
    gaps = [f"“{activity}” would have no A" for activity in without_a]
    gaps += [f"“{activity}” would have no R" for activity in without_r]
    return [
        Consequence("Rows left without their A or last R: give them another in the matrix first", gaps, True),
        Consequence("Its RACI letters: removed with it", letters),
    ]


def _rows(count: int) -> str:
    return f"{count} row{'' if count == 1 else 's'}"


def saved_message(result: MatrixSave) -> str:
    """What a save of the matrix did: how many rows it saved, and how many it left to correct."""
    saved = (
        f"RACI matrix saved: {_rows(result.saved_rows)} changed" if result.saved_rows else "No rows changed"
    )
    if result.refused_rows:
        them = "it" if result.refused_rows == 1 else "them"
        return f"{saved}. {_rows(result.refused_rows)} not saved: correct {them} below and save again"
    count = len(result.check.all_warnings)
    note = f", with {count} warning{'s' if count > 1 else ''} to look at" if count else ""
    return f"{saved}{note}"


def structure_history(initiative: Initiative) -> list[HistoryEntry]:
    """The latest changes to the matrix's rows and columns."""
    rows = RaciRow.history.filter(initiative_id=initiative.pk)
    columns = RaciColumn.history.filter(initiative_id=initiative.pk)
    return history_entries([rows, columns], limit=LIST_HISTORY_LENGTH)
