"""One document per initiative through the API: the export its JSON Schema describes."""

import pytest

from tests.governance.export_validation import schema_problems

pytestmark = pytest.mark.django_db


def export_address(initiative, *, slash: bool) -> str:
    return f"/api/v1/initiatives/{initiative.slug}/export" + ("/" if slash else "")


@pytest.mark.parametrize("slash", [False, True])
def test_a_participant_gets_the_whole_record_as_its_schema_describes(world, api_as, slash):
    response = api_as(world.partner_member).get(export_address(world.initiative, slash=slash))

    assert response.status_code == 200
    document = response.json()
    assert document["initiative"]["slug"] == world.initiative.slug
    assert schema_problems(document) == []


def test_an_initiative_the_holder_cannot_see_is_not_found(world, api_as):
    response = api_as(world.outsider).get(export_address(world.initiative, slash=False))

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_no_token_gets_401_without_the_slash_too(world, client):
    assert client.get(export_address(world.initiative, slash=False)).status_code == 401


def test_a_write_without_the_slash_reaches_the_api_not_the_web_forms_csrf_check(world, api_as):
    client = api_as(world.outsider, write=True)

    response = client.post(
        f"/api/v1/initiatives/{world.initiative.slug}/risks", {}, content_type="application/json"
    )

    assert response.status_code == 404  # the API's answer: the outsider cannot see the initiative


def test_an_address_that_is_nothing_with_or_without_a_slash_is_a_problem_details_404(world, api_as):
    response = api_as(world.partner_member).get("/api/v1/no-such-thing")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
