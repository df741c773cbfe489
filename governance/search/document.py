"""The words of a record as PostgreSQL's full-text search reads them: its title weighted A, its text B.

One definition for the search (governance.search.matching) and for the indexes that serve it
(migration 0025): PostgreSQL uses an expression index only for the very expression it was built on.
"""

from django.contrib.postgres.search import SearchVector
from django.db.models import Expression

SEARCH_CONFIG = "english"


def search_document(title_field: str, text_fields: tuple[str, ...]) -> Expression:
    return SearchVector(title_field, weight="A", config=SEARCH_CONFIG) + SearchVector(
        *text_fields, weight="B", config=SEARCH_CONFIG
    )
