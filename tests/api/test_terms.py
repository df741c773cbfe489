"""Glossary terms through the API: added and changed through the web's form and service, with each body's
meaning recorded by its own people, the same permissions, version check and history."""

import pytest

from governance.glossary.models import BodyMeaning, DataDefinition
from tests.governance.register_factories import BodyMeaningFactory, DataDefinitionFactory

pytestmark = pytest.mark.django_db

JSON = "application/json"


def terms_url(world) -> str:
    return f"/api/v1/initiatives/{world.initiative.slug}/terms/"


def test_a_programme_manager_adds_a_term_with_each_bodys_meaning(world, api_as):
    response = api_as(world.programme_manager, write=True).post(
        terms_url(world),
        {
            "term": "Date of death",
            "master_body": world.lead_body.pk,
            "meanings": [
                {"body": world.lead_body.pk, "meaning": "The date on the death certificate"},
                {"body": world.partner_body.pk, "meaning": "The date we were told"},
            ],
        },
        content_type=JSON,
    )

    assert response.status_code == 201, response.json()
    term = DataDefinition.objects.get(pk=response.json()["id"])
    assert (term.master_body, term.status) == (world.lead_body, "proposed")
    assert {m.body_id: m.meaning for m in term.meanings.all()} == {
        world.lead_body.pk: "The date on the death certificate",
        world.partner_body.pk: "The date we were told",
    }
    assert term.history.get().history_user == world.programme_manager
    assert len(response.json()["meanings"]) == 2 and response.json()["version"]


def test_bad_terms_are_400s_naming_the_field(world, api_as):
    DataDefinitionFactory(initiative=world.initiative, term="Customer")
    client = api_as(world.programme_manager, write=True)

    taken = client.post(terms_url(world), {"term": "customer"}, content_type=JSON)
    unagreed = client.post(terms_url(world), {"term": "Case", "status": "agreed"}, content_type=JSON)
    elsewhere = client.post(
        terms_url(world),
        {"term": "Case", "meanings": [{"body": world.unrelated_body.pk, "meaning": "x"}]},
        content_type=JSON,
    )

    assert taken.status_code == 400 and [e["field"] for e in taken.json()["errors"]] == ["term"]
    assert unagreed.status_code == 400 and [e["field"] for e in unagreed.json()["errors"]] == [
        "agreed_meaning"
    ]
    assert elsewhere.status_code == 400 and [e["field"] for e in elsewhere.json()["errors"]] == [
        "meanings[0].body"
    ]
    assert DataDefinition.objects.count() == 1


def test_the_reviewer_the_outsider_and_a_read_token_cannot_add_a_term(world, api_as):
    def status(person, write=True):
        return (
            api_as(person, write=write)
            .post(terms_url(world), {"term": "Case"}, content_type=JSON)
            .status_code
        )

    assert status(world.partner_member) == 201
    assert status(world.assurance_reviewer) == 403
    assert status(world.outsider) == 404
    assert status(world.programme_manager, write=False) == 403


def test_the_master_body_changes_a_term_from_its_version_and_a_stale_change_is_refused(world, api_as):
    term = DataDefinitionFactory(initiative=world.initiative, master_body=world.lead_body)
    BodyMeaningFactory(definition=term, body=world.partner_body)
    client = api_as(world.senior_owner, write=True)
    url = f"{terms_url(world)}{term.pk}/"
    version = client.get(url).json()["version"]

    changed = client.patch(
        url, {"agreed_meaning": "Anyone we serve", "status": "agreed", "version": version}, content_type=JSON
    )
    stale = client.patch(url, {"standard": "ISO 8601", "version": version}, content_type=JSON)

    assert changed.status_code == 200, changed.json()
    term.refresh_from_db()
    assert (term.status, term.agreed_meaning) == ("agreed", "Anyone we serve") and term.agreed_on
    assert BodyMeaning.objects.get(definition=term).meaning == "A person who has contacted us"
    assert stale.status_code == 409 and stale.json()["current_version"] == changed.json()["version"]
    assert DataDefinition.objects.get(pk=term.pk).standard == ""


def test_a_partner_records_only_their_own_bodys_meaning_as_on_the_web(world, api_as):
    term = DataDefinitionFactory(initiative=world.initiative, master_body=world.lead_body)
    client = api_as(world.partner_member, write=True)
    url = f"{terms_url(world)}{term.pk}/"
    version = client.get(url).json()["version"]

    own = client.patch(
        url,
        {"meanings": [{"body": world.partner_body.pk, "meaning": "Someone who rang"}], "version": version},
        content_type=JSON,
    )
    other = client.patch(
        url,
        {"meanings": [{"body": world.lead_body.pk, "meaning": "x"}], "version": own.json()["version"]},
        content_type=JSON,
    )
    the_term = client.patch(url, {"term": "Renamed", "version": own.json()["version"]}, content_type=JSON)

    assert own.status_code == 200, own.json()
    assert [(m["body"]["id"], m["meaning"]) for m in own.json()["meanings"]] == [
        (world.partner_body.pk, "Someone who rang")
    ]
    assert own.json()["version"] != version
    assert other.status_code == 400 and other.json()["errors"][0]["field"] == "meanings[0].body"
    assert the_term.status_code == 403
    assert DataDefinition.objects.get(pk=term.pk).term == term.term


def test_who_may_not_change_a_term(world, api_as):
    term = DataDefinitionFactory(initiative=world.initiative, master_body=world.lead_body)
    url = f"{terms_url(world)}{term.pk}/"
    change = {"standard": "ISO 8601", "version": "1.0"}

    assert (
        api_as(world.assurance_reviewer, write=True).patch(url, change, content_type=JSON).status_code == 403
    )
    assert api_as(world.outsider, write=True).patch(url, change, content_type=JSON).status_code == 404
    assert api_as(world.programme_manager).patch(url, change, content_type=JSON).status_code == 403
    assert (
        api_as(world.programme_manager, write=True)
        .patch(url, {"standard": "x"}, content_type=JSON)
        .json()["errors"][0]["field"]
        == "version"
    )
