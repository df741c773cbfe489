"""The main pages of an initiative, and what each costs to serve: queries and time.

Used by `manage.py bench_pages` and `scripts/bench` (which print the figures) and by the test that
holds the query count of every main page constant however many records an initiative has.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.urls import reverse

from initiatives.models import Initiative


@dataclass(frozen=True)
class PageCost:
    label: str
    url: str
    status: int
    queries: int
    milliseconds: float  # the median of the requests made
    bytes: int = 0


def main_pages(initiative: Initiative) -> list[tuple[str, str]]:
    """The pages people use most, for one initiative, with a record of each kind where a page shows one."""
    slug = {"slug": initiative.slug}
    pages = [
        ("Home", reverse("home")),
        ("Portfolio", reverse("portfolio:portfolio")),
        ("Search", f"{reverse('search:results')}?q=data"),
    ]
    pages += [
        (label, reverse(name, kwargs=slug))
        for label, name in [
            ("Overview", "initiatives:overview"),
            ("Bodies", "initiatives:bodies"),
            ("People", "initiatives:team"),
            ("Assessments", "initiatives:assessments"),
            ("RACI matrix", "governance:raci"),
            ("Forums", "governance:forums"),
            ("Escalation route", "governance:escalation"),
            ("Decision log", "governance:decisions"),
            ("Risk register", "governance:risk_register"),
            ("Measures", "governance:measures"),
            ("Glossary", "governance:glossary"),
            ("Data sharing", "governance:data_sharing"),
            ("Assurance", "governance:assurance"),
            ("Governance packs", "governance:packs"),
        ]
    ]
    details = [
        ("Decision", "governance:decision", "number", initiative.decisions.order_by("number").first()),
        ("Risk", "governance:risk_detail", "pk", initiative.risks.order_by("number").first()),
        ("Measure", "governance:measure_detail", "pk", initiative.measures.order_by("pk").first()),
        ("Review", "governance:review_detail", "pk", initiative.assurance_reviews.order_by("pk").first()),
    ]
    for label, name, key, record in details:
        if record is not None:
            pages.append((label, reverse(name, kwargs={**slug, key: getattr(record, key)})))
    return pages


class QueryCount:
    def __init__(self) -> None:
        self.count = 0

    def __len__(self) -> int:
        return self.count

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


@contextmanager
def counting_queries() -> Iterator[QueryCount]:
    """Count the queries run inside, however many (Django's CaptureQueriesContext keeps at most 9,000)."""
    counter = QueryCount()
    with connection.execute_wrapper(counter):
        yield counter


def _timed_get(client: Client, url: str):
    started = time.perf_counter()
    response = client.get(url, secure=True, HTTP_HOST="localhost")
    return response, (time.perf_counter() - started) * 1000


def page_costs(user, pages: list[tuple[str, str]], *, repeats: int = 1) -> list[PageCost]:
    """Each page served `repeats` times to `user` (anonymous if None): queries of the first, median time."""
    client = Client()
    if user is not None:
        client.force_login(user)
    client.get(pages[0][1], secure=True, HTTP_HOST="localhost")  # warm up: sessions, templates, caches
    costs = []
    for label, url in pages:
        with counting_queries() as queries:
            response, first = _timed_get(client, url)
        timings = [first] + [_timed_get(client, url)[1] for _ in range(repeats - 1)]
        costs.append(
            PageCost(
                label,
                url,
                response.status_code,
                len(queries),
                statistics.median(timings),
                len(response.content),
            )
        )
    return costs
