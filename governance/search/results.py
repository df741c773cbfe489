"""One search across every kind of record, only within the initiatives the person may see.

Each kind is matched in the database (governance.search.matching) among the records of the
initiatives `Initiative.objects.visible_to(user)` returns, so a record of an initiative the
person cannot see is never even read. The kinds' hits are merged by rank and paged; only the
page's records are loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.paginator import Page, Paginator

from governance.search.kinds import KINDS, SearchKind
from governance.search.matching import matching
from initiatives.models import Initiative

if TYPE_CHECKING:
    from initiatives.models import User

PAGE_SIZE = 50
# The best this many of each kind are paged through; the count still says how many matched.
MAX_PER_KIND = 500


@dataclass(frozen=True)
class Hit:
    kind: SearchKind
    pk: int
    rank: float
    title: str
    record: Any = None


@dataclass
class Results:
    page: Page
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.page.paginator.count

    @property
    def capped(self) -> bool:
        """Whether some kind matched more records than can be paged through."""
        return any(count > MAX_PER_KIND for count in self.counts.values())


def search(
    *, user: User, words: str, kind: str = "", initiative: Initiative | None = None, page_number: Any = 1
) -> Results:
    """Records matching `words`, best first; `kind` and `initiative` narrow the results, not the counts
    of the other kinds."""
    initiatives = Initiative.objects.visible_to(user)
    if initiative is not None:
        initiatives = initiatives.filter(pk=initiative.pk)
    hits: list[Hit] = []
    counts: dict[str, int] = {}
    for each in KINDS.values():
        found, counts[each.slug] = _hits_of(each, initiatives, words)
        if kind in ("", each.slug):
            hits.extend(found)
    hits.sort(key=lambda hit: (-hit.rank, hit.title.casefold(), hit.pk))
    page = Paginator(hits, PAGE_SIZE).get_page(page_number)
    page.object_list = _loaded(list(page.object_list))
    return Results(page=page, counts=counts)


def _hits_of(kind: SearchKind, initiatives, words: str) -> tuple[list[Hit], int]:
    records = matching(kind.records_in(initiatives), kind, words)
    ordered = records.order_by("-rank", kind.title_field).values_list("pk", "rank", kind.title_field)
    rows = list(ordered[: MAX_PER_KIND + 1])
    count = len(rows) if len(rows) <= MAX_PER_KIND else records.count()
    return [Hit(kind, pk, float(rank), title) for pk, rank, title in rows[:MAX_PER_KIND]], count


def _loaded(hits: list[Hit]) -> list[Hit]:
    """The page's hits with their records, loaded with one query per kind on the page."""
    records: dict[tuple[str, int], Any] = {}
    for slug in {hit.kind.slug for hit in hits}:
        kind = KINDS[slug]
        related = ("initiative",) if kind.initiative_path else ()
        wanted = [hit.pk for hit in hits if hit.kind.slug == slug]
        for pk, record in kind.model._base_manager.select_related(*related).in_bulk(wanted).items():
            records[slug, pk] = record
    return [Hit(hit.kind, hit.pk, hit.rank, hit.title, records[hit.kind.slug, hit.pk]) for hit in hits]
