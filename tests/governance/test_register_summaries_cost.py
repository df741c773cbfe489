"""The risk register's and the portfolio's summaries (heat map, flag counts) are counted in the
database: the pages read the same queries, and no more risks than the table shows, however many
risks there are."""

import contextlib

import pytest
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance.models import Risk
from tests.governance.register_factories import RiskFactory


@contextlib.contextmanager
def risks_loaded():
    """Counts the Risk objects made while it is open."""
    loaded = []

    def count(sender, instance, **kwargs):
        loaded.append(instance)

    post_init.connect(count, sender=Risk)
    try:
        yield loaded
    finally:
        post_init.disconnect(count, sender=Risk)


def cost(client, address: str):
    """(queries, Risk objects loaded, the response) for one request, after one that warms the session
    and refreshes the initiative's cached facts (governance/health/freshness.py) the new risks made stale."""
    client.get(address)
    with CaptureQueriesContext(connection) as queries, risks_loaded() as loaded:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries), len(loaded), response


def add_risks(world, count: int, start: int) -> None:
    # Every third one above its threshold, every fourth without an owner: the flags have something to count.
    for number in range(start, start + count):
        RiskFactory(
            initiative=world.initiative,
            number=number,
            is_joint=True,
            owner=None if number % 4 == 0 else world.programme_manager,
            current_likelihood=5 if number % 3 == 0 else 3,
            current_impact=4,
        )


@pytest.mark.parametrize("page", ["register", "portfolio"])
def test_the_page_costs_the_same_queries_and_reads_at_most_a_page_of_risks_from_5_to_60(client, world, page):
    address = (
        reverse("governance:risk_register", kwargs={"slug": world.initiative.slug})
        if page == "register"
        else reverse("portfolio:portfolio")
    )
    client.force_login(world.programme_manager)
    add_risks(world, 5, start=1)
    few_queries, few_loaded, few = cost(client, address)
    add_risks(world, 55, start=6)

    many_queries, many_loaded, many = cost(client, address)

    summary = "register" if page == "register" else "portfolio"
    assert (few.context[summary].heat_map.plotted, many.context[summary].heat_map.plotted) == (5, 60)
    assert many_queries == few_queries
    # The register reads the rows it shows (a page of 50); the portfolio reads none.
    shown = 50 if page == "register" else 0
    assert (few_loaded, many_loaded) == (min(5, shown), shown)


def test_the_flag_counts_cover_every_risk_matching_the_filters_not_just_the_page(client, world):
    add_risks(world, 60, start=1)
    client.force_login(world.programme_manager)

    response = client.get(reverse("governance:risk_register", kwargs={"slug": world.initiative.slug}))

    counts = response.context["register"].flag_counts
    assert (counts.above_threshold, counts.no_owner, counts.review_overdue) == (20, 15, 0)
    cells = {
        (cell.likelihood, cell.impact): (cell.count, cell.above_threshold)
        for row in response.context["register"].heat_map.rows
        for cell in row.cells
        if cell.count
    }
    assert cells == {(3, 4): (40, 0), (5, 4): (20, 20)}
