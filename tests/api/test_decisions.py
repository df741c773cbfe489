"""Decisions through the API: read with their trail; a draft is submitted as its Submit button does."""

import pytest

from tests.edges.test_authorization_matrix import project_url_names
from tests.governance.factories import decision_in, draft

pytestmark = pytest.mark.django_db


def decisions_url(world) -> str:
    return f"/api/v1/initiatives/{world.initiative.slug}/decisions/"


def test_a_participant_reads_decisions_with_their_reference_and_trail(world, api_as):
    decision = decision_in(world, "approved")
    client = api_as(world.partner_member)

    listed = client.get(decisions_url(world)).json()["results"]
    detail = client.get(f"{decisions_url(world)}{decision.pk}/").json()

    assert [each["reference"] for each in listed] == [decision.reference]
    assert [step["to_status"] for step in detail["trail"]] == ["draft", "submitted", "approved"]
    assert detail["decider"]["id"] == decision.decider.pk


def test_the_programme_manager_submits_a_draft_and_it_goes_to_its_decider(world, api_as):
    decision = draft(world)

    response = api_as(world.programme_manager, write=True).post(
        f"{decisions_url(world)}{decision.pk}/submit/"
    )

    assert response.status_code == 200, response.json()
    decision.refresh_from_db()
    assert decision.status == "submitted" and decision.decider is not None
    assert response.json()["trail"][-1]["by"]["id"] == world.programme_manager.pk


def test_submitting_twice_is_a_conflict_saying_why(world, api_as):
    decision = draft(world)
    client = api_as(world.programme_manager, write=True)
    client.post(f"{decisions_url(world)}{decision.pk}/submit/")

    again = client.post(f"{decisions_url(world)}{decision.pk}/submit/")

    assert again.status_code == 409 and again.json()["detail"]


@pytest.mark.parametrize(
    ("person", "write", "status"), [("partner_member", True, 403), ("programme_manager", False, 403)]
)
def test_only_a_write_token_of_a_programme_manager_submits(world, api_as, person, write, status):
    decision = draft(world)

    response = api_as(getattr(world, person), write=write).post(
        f"{decisions_url(world)}{decision.pk}/submit/"
    )

    assert response.status_code == status
    decision.refresh_from_db()
    assert decision.status == "draft"


def test_nothing_in_the_api_decides():
    """Deciding stays on the web, where the decider signs in with two-step verification."""
    names = {name for name in project_url_names() if name.startswith("api:")}

    assert "api:decision-submit" in names
    assert [name for name in names if "decide" in name or "approve" in name] == []
