"""Twenty people creating an initiative of the same title at the same moment, on PostgreSQL.

Titles need not be unique, so each gets their own initiative at its own address (title,
title-2, ...): the slug one of them looked up as free may be taken by the time they insert,
and that is not a server error.
"""

from collections import Counter

import pytest
from django.urls import reverse

from initiatives.models import Initiative
from tests.factories import UserFactory
from tests.governance.test_concurrent_creates import PEOPLE, post_all_at_once

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_twenty_simultaneous_creates_of_one_title_make_twenty_initiatives_at_distinct_addresses(world):
    people = [UserFactory(email=f"creator{n}@dwp.example", bodies=[world.lead_body]) for n in range(PEOPLE)]
    form = {
        "title": "Joined-up debt advice",
        "outcome_statement": "People in debt get one plan across HMRC and councils.",
        "value_areas": ["policy_design"],
        "lead_body": world.lead_body.pk,
    }

    outcomes = post_all_at_once(people, reverse("initiatives:create"), form)

    statuses = Counter(status for status, _ in outcomes)
    slugs = list(Initiative.objects.filter(title=form["title"]).values_list("slug", flat=True))
    print(
        f"\ninitiative create: {PEOPLE} simultaneous posts of one title -> {len(slugs)} created, "
        f"{len(set(slugs))} distinct slugs, statuses {dict(statuses)}"
    )
    assert statuses == {302: PEOPLE}
    assert len(slugs) == len(set(slugs)) == PEOPLE
    assert set(slugs) == {
        "joined-up-debt-advice",
        *(f"joined-up-debt-advice-{n}" for n in range(2, PEOPLE + 1)),
    }
