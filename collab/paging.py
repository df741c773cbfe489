"""One way to page a list: at most PAGE_SIZE rows a page, whatever the data, with the GOV.UK pagination
links of `templates/components/pagination.html`.

The list's other parameters (its filters and sort order) stay in every page link, so a page of a filtered,
sorted list is a link to share. A page number that is not a number or past the end shows the first or the
last page, as Django's `Paginator.get_page` does: a link to page 7 of a list that has since shrunk still
shows something useful rather than an error.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import QueryDict

PAGE_SIZE = 50
# A summary card is several rows of its own: fewer of them make a page as long as a table's.
CARDS_PER_PAGE = 20


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: an ellipsis for the pages left out
    href: str = ""
    current: bool = False


@dataclass(frozen=True)
class Paged:
    page: Page
    # The list's other parameters, urlencoded, without the page: its filters and sort order.
    query: str
    # The page number's parameter: another name for a second list paged on the same page.
    param: str = "page"

    @property
    def rows(self) -> Any:  # the page's slice of the list or queryset
        return self.page.object_list

    def __iter__(self) -> Iterator[Any]:
        """The page's rows, as the list it replaces gave them."""
        return iter(self.rows)

    @property
    def count(self) -> int:
        return self.page.paginator.count

    def href(self, number: int) -> str:
        return f"?{self.query}&{self.param}={number}" if self.query else f"?{self.param}={number}"

    @property
    def previous_href(self) -> str:
        return self.href(self.page.previous_page_number()) if self.page.has_previous() else ""

    @property
    def next_href(self) -> str:
        return self.href(self.page.next_page_number()) if self.page.has_next() else ""

    @property
    def links(self) -> list[PageLink]:
        numbers = shown_page_numbers(self.page.number, self.page.paginator.num_pages)
        return [
            PageLink(number, self.href(number), number == self.page.number) if number else PageLink(None)
            for number in numbers
        ]


def shown_page_numbers(current: int, last: int) -> list[int | None]:
    """GOV.UK's numbered pagination: the first and last pages, the current one and its neighbours, and
    None (an ellipsis) for each gap; a gap of a single page shows that page instead."""
    wanted = sorted({1, last, current - 1, current, current + 1} & set(range(1, last + 1)))
    shown: list[int | None] = []
    previous = 0
    for number in wanted:
        if number - previous == 2:
            shown.append(number - 1)
        elif number - previous > 2:
            shown.append(None)
        shown.append(number)
        previous = number
    return shown


def paged(
    items: QuerySet | Sequence[Any], params: QueryDict, *, per_page: int = PAGE_SIZE, param: str = "page"
) -> Paged:
    """The page of `items` that `params` asks for (its `param`), keeping the other parameters for links.
    A queryset must be ordered, so that its pages neither overlap nor skip rows."""
    return paged_from(Paginator(items, per_page).get_page(params.get(param)), params, param=param)


def paged_from(page: Page, params: QueryDict, *, param: str = "page") -> Paged:
    """Links for a page already cut (search results load only their page's records)."""
    others = params.copy()
    others.pop(param, None)
    return Paged(page, others.urlencode(), param)
