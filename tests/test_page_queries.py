"""The query count of every main page stays the same however many records an initiative holds."""

import pytest

from collab.page_benchmark import main_pages, page_costs
from governance.packs.benchmark import LARGE, SMALL, seed_bench_initiative

pytestmark = pytest.mark.django_db


def manager_of(initiative):
    return initiative.roles.get(role="programme_manager").user


def test_no_main_page_makes_more_queries_for_a_larger_initiative():
    small = seed_bench_initiative(SMALL, label="Small")
    large = seed_bench_initiative(LARGE, label="Large")

    few = page_costs(manager_of(small), main_pages(small))
    many = page_costs(manager_of(large), main_pages(large))

    assert [cost.status for cost in many] == [200] * len(many)
    assert {c.label: c.queries for c in many} == {c.label: c.queries for c in few}
    # Every main page, the portfolio and a search included, and a decision, a risk, a measure and a review.
    assert len(many) == 21
