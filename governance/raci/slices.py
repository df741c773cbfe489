"""A large RACI matrix shown a page of rows at a time (docs/adr/0026-raci-matrix-in-pages.md).

A page holds at most CELLS_PER_PAGE cells and MOST_ROWS rows, so its weight stays the same however
many rows and bodies the matrix has: with 12 bodies that is 8 rows a page, with 2 bodies 50. A
matrix that fits on one page is shown whole, as before. Rows keep the order the programme manager
gave them, so rows kept together (a workstream's activities) stay on one page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Paginator

from governance.raci.models import RaciRow

# One select per cell: about 270 bytes each, so a page's table stays near 30 KB.
CELLS_PER_PAGE = 100
MOST_ROWS = 50


def rows_per_page(columns: int) -> int:
    return min(MOST_ROWS, max(1, CELLS_PER_PAGE // max(1, columns)))


@dataclass(frozen=True)
class MatrixPage:
    """One page of a matrix's rows; `number` counts from 1, `first` and `last` are row numbers."""

    number: int
    first: int
    last: int

    @property
    def label(self) -> str:
        return f"Rows {self.first} to {self.last}"


@dataclass(frozen=True)
class MatrixSlice:
    rows: list[RaciRow]
    page: MatrixPage
    # Every page of the matrix, in order, for the page links and the summary of gaps.
    pages: list[MatrixPage]
    per_page: int

    @property
    def is_sliced(self) -> bool:
        return len(self.pages) > 1

    @property
    def row_ids(self) -> set[int]:
        return {row.pk for row in self.rows}

    def page_of(self, index: int) -> MatrixPage:
        """The page holding the row at `index` (from 0) of the whole matrix."""
        return self.pages[index // self.per_page]


def matrix_slice(rows: list[RaciRow], *, columns: int, page: str | None) -> MatrixSlice:
    """The page of rows asked for; a page number that is not one (text, 0, past the end) gives the
    nearest page, as Django's paginator does, so an old link never fails."""
    per_page = rows_per_page(columns)
    paginator = Paginator(rows, per_page)
    shown = paginator.get_page(page)
    pages = [
        MatrixPage(
            number=number,
            first=min((number - 1) * per_page + 1, len(rows)),
            last=min(number * per_page, len(rows)),
        )
        for number in paginator.page_range
    ]
    return MatrixSlice(rows=list(shown), page=pages[shown.number - 1], pages=pages, per_page=per_page)
