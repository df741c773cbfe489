"""Shaping the RACI matrix page, so the template only loops and prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from collab.confirm import Consequence
from collab.history import LIST_HISTORY_LENGTH, HistoryEntry, history_entries
from collab.paging import shown_page_numbers
from governance.raci.forms import RaciMatrixForm, cell_name
from governance.raci.matrix import RaciMatrix, column_label, load_matrix
from governance.raci.models import RaciColumn, RaciRow
from governance.raci.slices import MatrixPage, MatrixSlice
from governance.raci.validation import MatrixCheck
from governance.raci.versions import CellChange
from initiatives.models import Initiative

if TYPE_CHECKING:
    from governance.raci.services import MatrixSave


@dataclass
class CellView:
    name: str
    id: str
    # The select's name, as "activity — column" (an aria-label: a label element would cost twice
    # the bytes in a page that is mostly selects).
    label: str
    value: str
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
    version: str = ""

    @property
    def problem_id(self) -> str:
        return f"raci-row-{self.row.pk}-problems"

    @property
    def anchor(self) -> str:
        return f"raci-row-{self.row.pk}"


@dataclass
class ColumnView:
    column: RaciColumn
    label: str


@dataclass(frozen=True)
class PageLink:
    to: MatrixPage
    current: bool = False

    @property
    def href(self) -> str:
        return f"?page={self.to.number}"

    @property
    def name(self) -> str:
        """The numbered link's name: its number, which it shows, and the rows it leads to."""
        return f"Page {self.to.number}: {self.to.label.lower()}"


@dataclass(frozen=True)
class PageGaps:
    """A page of the matrix with rows still to complete, for the summary of the whole matrix."""

    link: PageLink
    count: int
    # The first few, so the summary's length does not grow with the matrix.
    activities: list[str]
    more: int


@dataclass
class RaciPage:
    rows: list[RowView]
    columns: list[ColumnView]
    errors: list[dict]  # for components/error_summary.html
    warnings: list[str]
    incomplete_rows: int
    can_edit: bool
    more_warnings: int = 0
    # Links to the pages of a large matrix (governance/raci/slices.py), None where some are left
    # out (drawn as an ellipsis); empty when the matrix is shown whole.
    pages: list[PageLink | None] = field(default_factory=list)
    previous_page: PageLink | None = None
    next_page: PageLink | None = None
    # Which rows of how many this page shows, as "rows 9 to 16 of 40".
    shown: str = ""
    gaps: list[PageGaps] = field(default_factory=list)
    # Pages with gaps beyond those listed, so the summary's length does not grow with the matrix.
    more_gaps: int = 0

    @property
    def has_matrix(self) -> bool:
        return bool(self.rows and self.columns)


def _changed_under(row: RaciRow, changes: list[CellChange]) -> list[str]:
    headline = (
        f"Someone else changed “{row.activity}” while you were editing: it was not saved. "
        "Check their changes, then save again to apply yours on top"
    )
    return [headline, *(f"{change}." for change in changes)]


def raci_page(
    matrix: RaciMatrix,
    form: RaciMatrixForm,
    *,
    can_edit: bool,
    result: MatrixSave | None = None,
    shown: MatrixSlice | None = None,
) -> RaciPage:
    """The shown rows (all, or a page of a large matrix) as stored, or as just submitted (keeping
    what the user chose) when the save failed; after a save that refused rows, what it leaves to
    show (governance/raci/versions.py). The gaps and warnings are the whole matrix's."""
    submitted = form.is_bound
    check: MatrixCheck = form.check if submitted and form.check is not None else matrix.check()
    stale = result.stale if result else {}
    shown_ids = form.row_ids
    rows, errors = [], [{"text": text, "href": "#raci-caption"} for text in form.non_field_errors()]
    columns = [ColumnView(column=c, label=column_label(c)) for c in matrix.columns]
    for index, row in enumerate(matrix.rows):
        if row.pk not in shown_ids:
            continue
        problems = check.row_errors.get(index, [])
        if row.pk in stale:
            problems = [*_changed_under(row, stale[row.pk]), *problems]
        row_view = RowView(row=row, cells=[], problems=problems)
        row_view.warnings = check.row_warnings.get(index, [])
        row_view.problems_are_errors = submitted and bool(row_view.problems)
        row_view.version = str(result.versions[row.pk]) if result else form.version_of(row)
        for column in columns:
            name = cell_name(row, column.column)
            cell = CellView(
                name=name,
                id=f"id_{name}",
                label=f"{row.activity} — {column.label}",
                value=_shown_value(matrix, form, result, row, column.column),
                error=" ".join(form[name].errors),
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
    page = RaciPage(
        rows=rows,
        columns=columns,
        errors=errors,
        # The bodies' warnings first: each row's is also shown beside it.
        warnings=[*check.warnings, *check.row_warning_messages][:WARNINGS_LISTED],
        more_warnings=max(0, len(check.all_warnings) - WARNINGS_LISTED),
        incomplete_rows=0 if submitted else len(check.row_errors),
        can_edit=can_edit,
    )
    if shown is not None and shown.is_sliced:
        _add_pages(page, matrix, check, shown)
    return page


# Warnings listed above the matrix, so the list does not grow with it.
WARNINGS_LISTED = 10
# Pages named in the summary of gaps, and rows named for each: enough to start on, bounded.
GAP_PAGES_LISTED = 10
GAPS_NAMED = 3


def _page_link(shown: MatrixSlice, number: int) -> PageLink:
    return PageLink(shown.pages[number - 1], current=number == shown.page.number)


def _add_pages(page: RaciPage, matrix: RaciMatrix, check: MatrixCheck, shown: MatrixSlice) -> None:
    """Links to the pages every list shows (collab.paging.shown_page_numbers), and
    each page with rows lacking exactly one A or any R, across the whole matrix."""
    current, last = shown.page.number, len(shown.pages)
    page.pages = [
        _page_link(shown, number) if number else None for number in shown_page_numbers(current, last)
    ]
    page.shown = f"{shown.page.label.lower()} of {len(matrix.rows)}"
    page.previous_page = _page_link(shown, current - 1) if current > 1 else None
    page.next_page = _page_link(shown, current + 1) if current < last else None
    by_page: dict[int, list[str]] = {}
    for index in check.failing_rows:
        by_page.setdefault(shown.page_of(index).number, []).append(matrix.rows[index].activity)
    page.gaps = [
        PageGaps(
            link=_page_link(shown, number),
            count=len(activities),
            activities=activities[:GAPS_NAMED],
            more=max(0, len(activities) - GAPS_NAMED),
        )
        for number, activities in sorted(by_page.items())[:GAP_PAGES_LISTED]
    ]
    page.more_gaps = max(0, len(by_page) - GAP_PAGES_LISTED)


def _shown_value(
    matrix: RaciMatrix, form: RaciMatrixForm, result: MatrixSave | None, row: RaciRow, column: RaciColumn
) -> str:
    if result is not None:
        return matrix.value(row, column, result.values)
    return (form[cell_name(row, column)].data or "") if form.is_bound else matrix.value(row, column)


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
    if result.stale:
        saved += f". {_rows(len(result.stale))} changed by someone else while you were editing, not saved"
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
