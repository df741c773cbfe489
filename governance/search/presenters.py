"""Search results as the page shows them: each hit named, linked, put in its initiative, marked if retired."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict
from django.utils.text import Truncator

from collab.paging import paged_from
from governance.search.kinds import KINDS
from governance.search.results import Hit, Results

SNIPPET_WORDS = 30


@dataclass(frozen=True)
class ResultRow:
    kind: str  # "Risk"
    title: str
    url: str
    initiative: str
    snippet: str
    retired: str  # "Closed", "Withdrawn"; "" for a record in use


@dataclass(frozen=True)
class KindCount:
    label: str
    count: int
    url: str  # the same search narrowed to this kind
    chosen: bool


def result_row(hit: Hit) -> ResultRow:
    kind, record = hit.kind, hit.record
    text = next((getattr(record, name) for name in kind.text_fields if getattr(record, name)), "")
    return ResultRow(
        kind=kind.noun.capitalize(),
        title=kind.title(record),
        url=kind.link(record),
        initiative=kind.initiative_of(record).title,
        snippet=Truncator(text).words(SNIPPET_WORDS),
        retired=kind.retired_word(record),
    )


def _query_string(params: QueryDict, **changes: str) -> str:
    """The search's own query string with `changes`, back on its first page."""
    query = params.copy()
    query.pop("page", None)
    for name, value in changes.items():
        query[name] = value
    return query.urlencode()


def search_page(results: Results, params: QueryDict, chosen_kind: str) -> dict:
    counts = [
        KindCount(
            kind.label, results.counts[slug], f"?{_query_string(params, kind=slug)}", slug == chosen_kind
        )
        for slug, kind in KINDS.items()
    ]
    return {
        "rows": [result_row(hit) for hit in results.page.object_list],
        "paged": paged_from(results.page, params),
        "total": results.total,
        "capped": results.capped,
        "counts": counts,
        "all_kinds_url": f"?{_query_string(params, kind='')}",
    }
