"""Risks through the API: read with scores, history and actions; add and change through the web's form
and service, with the same permissions, version check and score history."""

import pytest

from governance.risks.models import Risk, RiskScoreChange
from tests.governance.register_factories import RiskActionFactory, RiskFactory

pytestmark = pytest.mark.django_db

JSON = "application/json"


def risks_url(world) -> str:
    return f"/api/v1/initiatives/{world.initiative.slug}/risks/"


NEW_RISK = {
    "title": "Partner systems cannot take the new notification format",
    "category": "technology",
    "is_joint": True,
    "inherent_likelihood": 4,
    "inherent_impact": 4,
    "current_likelihood": 3,
    "current_impact": 4,
    "target_likelihood": 2,
    "target_impact": 2,
    "appetite": "cautious",
    "treatment": "treat",
}


def test_a_participant_reads_the_register_with_references_and_scores(world, api_as):
    risk = RiskFactory(initiative=world.initiative, owner_body=world.lead_body)
    RiskActionFactory(risk=risk)
    client = api_as(world.partner_member)

    listed = client.get(risks_url(world)).json()["results"]
    detail = client.get(f"{risks_url(world)}{risk.pk}/").json()

    assert [(each["id"], each["reference"], each["current_score"]) for each in listed] == [
        (risk.pk, f"R{risk.number:03d}", 9)
    ]
    assert detail["owner_body"]["short_name"] == "DWP"
    assert detail["review_date"] == risk.review_date.isoformat()
    assert len(detail["actions"]) == 1 and detail["version"]


def test_a_risk_of_another_initiative_is_not_found_under_this_one(world, api_as):
    elsewhere = RiskFactory()

    assert api_as(world.programme_manager).get(f"{risks_url(world)}{elsewhere.pk}/").status_code == 404


def test_a_write_token_adds_a_risk_with_its_score_history(world, api_as):
    response = api_as(world.programme_manager, write=True).post(
        risks_url(world), {**NEW_RISK, "owner_body": world.lead_body.pk}, content_type=JSON
    )

    assert response.status_code == 201, response.json()
    risk = Risk.objects.get(pk=response.json()["id"])
    assert risk.created_by == world.programme_manager and risk.current_score == 12
    assert risk.review_date is not None  # from its band, as on the web
    assert RiskScoreChange.objects.filter(risk=risk).count() == 3
    assert response.json()["reference"] == risk.reference


def test_a_partner_adds_risks_only_for_their_own_body_as_on_the_web(world, api_as):
    response = api_as(world.partner_member, write=True).post(
        risks_url(world), {**NEW_RISK, "owner_body": world.lead_body.pk}, content_type=JSON
    )

    assert response.status_code == 400
    assert [each["field"] for each in response.json()["errors"]] == ["owner_body"]


def test_bad_input_is_a_400_naming_each_field(world, api_as):
    response = api_as(world.programme_manager, write=True).post(
        risks_url(world),
        {"title": "", "current_likelihood": 9, "colour": "red", "review_date": "31/02/2027"},
        content_type=JSON,
    )

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    fields = {each["field"] for each in response.json()["errors"]}
    assert {"title", "current_likelihood", "review_date"} <= fields


def test_the_outsider_cannot_add_a_risk_to_an_initiative_they_cannot_see(world, api_as):
    assert (
        api_as(world.outsider, write=True).post(risks_url(world), NEW_RISK, content_type=JSON).status_code
        == 404
    )


def test_a_change_from_the_current_version_is_saved_with_its_history(world, api_as):
    risk = RiskFactory(initiative=world.initiative, owner_body=world.lead_body)
    client = api_as(world.senior_owner, write=True)
    version = client.get(f"{risks_url(world)}{risk.pk}/").json()["version"]

    response = client.patch(
        f"{risks_url(world)}{risk.pk}/", {"current_likelihood": 5, "version": version}, content_type=JSON
    )

    assert response.status_code == 200, response.json()
    risk.refresh_from_db()
    assert risk.current_likelihood == 5 and risk.title.startswith("Risk")
    change = RiskScoreChange.objects.get(risk=risk, position="current")
    assert (change.old_likelihood, change.new_likelihood, change.changed_by) == (3, 5, world.senior_owner)
    assert response.json()["version"] != version


def test_a_stale_change_is_refused_with_409_and_the_current_version(world, api_as):
    risk = RiskFactory(initiative=world.initiative, owner_body=world.lead_body)
    client = api_as(world.programme_manager, write=True)
    version = client.get(f"{risks_url(world)}{risk.pk}/").json()["version"]
    assert (
        client.patch(
            f"{risks_url(world)}{risk.pk}/", {"title": "First", "version": version}, content_type=JSON
        ).status_code
        == 200
    )

    stale = client.patch(
        f"{risks_url(world)}{risk.pk}/", {"title": "Second", "version": version}, content_type=JSON
    )

    assert stale.status_code == 409
    assert stale.json()["current_version"] != version
    risk.refresh_from_db()
    assert risk.title == "First"


def test_a_change_needs_the_version_read(world, api_as):
    risk = RiskFactory(initiative=world.initiative, owner_body=world.lead_body)

    response = api_as(world.programme_manager, write=True).patch(
        f"{risks_url(world)}{risk.pk}/", {"title": "x"}, content_type=JSON
    )

    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "version"


def test_a_partner_may_not_change_another_bodys_risk(world, api_as):
    risk = RiskFactory(initiative=world.initiative, owner_body=world.lead_body)

    response = api_as(world.partner_member, write=True).patch(
        f"{risks_url(world)}{risk.pk}/", {"title": "x", "version": "1"}, content_type=JSON
    )

    assert response.status_code == 403


def test_the_owner_bodys_people_add_an_action_and_an_action_needs_its_due_date(world, api_as):
    risk = RiskFactory(initiative=world.initiative, owner_body=world.lead_body)
    client = api_as(world.senior_owner, write=True)
    url = f"{risks_url(world)}{risk.pk}/actions/"
    action = {
        "kind": "action",
        "description": "Test the new format with HMRC",
        "owner_body": world.lead_body.pk,
    }

    undated = client.post(url, action, content_type=JSON)
    added = client.post(url, {**action, "due_date": "2027-03-31"}, content_type=JSON)

    assert undated.status_code == 400 and undated.json()["errors"][0]["field"] == "due_date"
    assert added.status_code == 201, added.json()
    assert risk.actions.get().due_date.isoformat() == "2027-03-31"
    assert api_as(world.partner_member, write=True).post(url, action, content_type=JSON).status_code == 403
