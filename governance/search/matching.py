"""Finding and ranking records by words: PostgreSQL's full-text search, or a plain fallback on SQLite.

On PostgreSQL the title is weighted A and the text B in one English search vector, the words are
read as a web search (quoted phrases, "or", -excluded words), and results rank by ts_rank. On
SQLite every word must appear in the title or the text (case-insensitively), and records whose
title holds every word come first. Both give each record a `rank`, higher first.
"""

from __future__ import annotations

from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When

from governance.search.document import SEARCH_CONFIG, search_document
from governance.search.kinds import SearchKind

# The fallback splits the words; more than this many is a sentence, not a search.
MAX_FALLBACK_WORDS = 12


def matching(records: QuerySet, kind: SearchKind, words: str) -> QuerySet:
    """The records of `kind` that match `words`, each with a `rank`."""
    if connection.vendor == "postgresql":
        return _full_text(records, kind, words)
    return _fallback(records, kind, words)


def _full_text(records: QuerySet, kind: SearchKind, words: str) -> QuerySet:
    vector = search_document(kind.title_field, kind.text_fields)
    query = SearchQuery(words, search_type="websearch", config=SEARCH_CONFIG)
    return (
        records.annotate(document=vector)
        .filter(document=query)
        .annotate(rank=SearchRank(F("document"), query))
    )


def _fallback(records: QuerySet, kind: SearchKind, words: str) -> QuerySet:
    terms = words.split()[:MAX_FALLBACK_WORDS]
    if not terms:
        return records.none()

    def anywhere(term: str) -> Q:
        return reduce(or_, (Q(**{f"{field}__icontains": term}) for field in kind.fields))

    in_title = reduce(and_, (Q(**{f"{kind.title_field}__icontains": term}) for term in terms))
    return records.filter(reduce(and_, (anywhere(term) for term in terms))).annotate(
        rank=Case(When(in_title, then=Value(1.0)), default=Value(0.0), output_field=FloatField())
    )
