"""The portfolio beside the authorization matrix: each persona's portfolio lists exactly the initiatives
their bodies take part in and their grants cover, and a grant opens no initiative's own pages.

The expected lists are worked out here from the demo's participations and grants in plain Python,
not with the queryset the page uses.
"""

import csv
import io

import pytest
from django.db.models import Count
from django.test import Client
from django.urls import reverse

from initiatives.models import Body, Initiative, Participation, User
from initiatives.portfolio_offices.services import portfolio_grant_give
from tests.edges.conftest import PERSONA_EMAILS
from tests.factories import UserFactory


def listed(user) -> set[str]:
    client = Client()
    client.force_login(user)
    response = client.get(reverse("portfolio:export"))
    assert response.status_code == 200
    return {row["Initiative"] for row in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))}


def expected_portfolio(user) -> set[str]:
    grants = list(user.portfolio_grants.filter(ended_at__isnull=True))
    if any(grant.body_id is None for grant in grants):
        return set(Initiative.objects.values_list("title", flat=True))
    bodies = {membership.body_id for membership in user.memberships.all()}
    bodies |= {grant.body_id for grant in grants}
    participations = Participation.objects.select_related("initiative")
    return {taking_part.initiative.title for taking_part in participations if taking_part.body_id in bodies}


@pytest.mark.parametrize("persona", sorted(PERSONA_EMAILS))
def test_each_persona_s_portfolio_lists_exactly_what_their_bodies_and_grants_cover(seed, persona):
    person = seed.people[persona]

    assert listed(person) == expected_portfolio(person)


def test_a_portfolio_office_on_one_body_lists_that_body_s_initiatives_and_no_others(seed):
    # The body taking part in the fewest of the demo's initiatives, so its portfolio is not all of them.
    body = Body.objects.annotate(taking_part=Count("participations")).filter(taking_part__gt=0)
    body = body.order_by("taking_part", "pk").first()
    office = UserFactory(email="office@treasury.example", bodies=[])
    portfolio_grant_give(person=office, body=body, by=User.objects.get(email="admin@joined-up.example"))

    titles = listed(office)

    assert titles == expected_portfolio(office)
    assert titles and titles != set(Initiative.objects.values_list("title", flat=True))


def test_a_grant_on_all_bodies_shows_every_row_and_opens_no_initiative_outside_her_bodies(seed):
    office = seed.people["portfolio_office"]
    client = Client()
    client.force_login(office)

    assert listed(office) == set(Initiative.objects.values_list("title", flat=True))
    for initiative in Initiative.objects.exclude(participations__body__memberships__user=office):
        assert client.get(initiative.get_absolute_url()).status_code == 404, initiative.title
