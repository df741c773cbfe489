"""Decisions through the API: read with their trail; a draft added, changed while draft or returned, and
submitted as the web's pages do."""

import pytest

from governance.decisions.models import Decision
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


JSON = "application/json"
NEW_DECISION = {
    "title": "Approve the data sharing agreement with HMRC",
    "context": "Records cannot move until it is signed",
    "options": "Approve\nDo nothing",
    "recommendation": "Approve",
    "due_date": "2099-03-31",
}


def test_a_programme_manager_adds_a_draft_decision(world, api_as):
    response = api_as(world.programme_manager, write=True).post(
        decisions_url(world), NEW_DECISION, content_type=JSON
    )

    assert response.status_code == 201, response.json()
    decision = Decision.objects.get(pk=response.json()["id"])
    assert (decision.status, decision.created_by) == ("draft", world.programme_manager)
    assert decision.due_date.isoformat() == "2099-03-31"
    assert [step["to_status"] for step in response.json()["trail"]] == ["draft"]


def test_a_decision_needs_its_fields_and_a_due_date_not_past(world, api_as):
    response = api_as(world.programme_manager, write=True).post(
        decisions_url(world), {"due_date": "2020-01-01", "raci_row": 999999}, content_type=JSON
    )

    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {
        "title",
        "context",
        "options",
        "recommendation",
        "due_date",
        "raci_row",
    }


@pytest.mark.parametrize(
    ("person", "write", "status"),
    [
        ("partner_member", True, 403),
        ("assurance_reviewer", True, 403),
        ("outsider", True, 404),
        ("programme_manager", False, 403),
    ],
)
def test_only_a_write_token_of_a_programme_manager_adds_a_decision(world, api_as, person, write, status):
    response = api_as(getattr(world, person), write=write).post(
        decisions_url(world), NEW_DECISION, content_type=JSON
    )

    assert response.status_code == status
    assert not Decision.objects.exists()


def test_a_draft_is_changed_from_its_version_and_a_stale_change_is_refused(world, api_as):
    decision = draft(world)
    client = api_as(world.programme_manager, write=True)
    url = f"{decisions_url(world)}{decision.pk}/"
    version = client.get(url).json()["version"]

    changed = client.patch(
        url, {"recommendation": "Approve, with a review in a year", "version": version}, content_type=JSON
    )
    stale = client.patch(url, {"title": "Something else", "version": version}, content_type=JSON)
    unversioned = client.patch(url, {"title": "Something else"}, content_type=JSON)

    assert changed.status_code == 200, changed.json()
    assert changed.json()["title"] == decision.title
    assert stale.status_code == 409 and stale.json()["current_version"] == changed.json()["version"]
    assert unversioned.status_code == 400 and unversioned.json()["errors"][0]["field"] == "version"
    decision.refresh_from_db()
    assert (decision.recommendation, decision.title) == (
        "Approve, with a review in a year",
        "Approve the data sharing agreement",
    )


def test_a_returned_decision_is_changed_but_a_submitted_or_decided_one_is_not(world, api_as):
    client = api_as(world.programme_manager, write=True)

    def change(decision):
        url = f"{decisions_url(world)}{decision.pk}/"
        return client.patch(
            url, {"title": "Changed", "version": client.get(url).json()["version"]}, content_type=JSON
        )

    returned = change(decision_in(world, "returned"))
    submitted = change(decision_in(world, "submitted"))
    approved = change(decision_in(world, "approved"))

    assert returned.status_code == 200, returned.json()
    assert submitted.status_code == 409 and "awaiting decision" in submitted.json()["detail"]
    assert approved.status_code == 409 and "new decision" in approved.json()["detail"]


def test_who_may_not_change_a_draft(world, api_as):
    url = f"{decisions_url(world)}{draft(world).pk}/"
    change = {"title": "Changed", "version": "1"}

    assert api_as(world.partner_member, write=True).patch(url, change, content_type=JSON).status_code == 403
    assert (
        api_as(world.assurance_reviewer, write=True).patch(url, change, content_type=JSON).status_code == 403
    )
    assert api_as(world.outsider, write=True).patch(url, change, content_type=JSON).status_code == 404
    assert api_as(world.programme_manager).patch(url, change, content_type=JSON).status_code == 403


def test_nothing_in_the_api_decides():
    """Deciding stays on the web, where the decider signs in with two-step verification."""
    names = {name for name in project_url_names() if name.startswith("api:")}

    assert "api:decision-submit" in names
    assert [name for name in names if "decide" in name or "approve" in name] == []
