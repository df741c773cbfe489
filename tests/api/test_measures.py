"""Measures through the API: read with readings; a reading recorded as the measure page's form does."""

from decimal import Decimal

import pytest

from governance.measures.models import Measure
from tests.governance.register_factories import MeasureFactory, MeasureReadingFactory

pytestmark = pytest.mark.django_db

JSON = "application/json"


def measures_url(world) -> str:
    return f"/api/v1/initiatives/{world.initiative.slug}/measures/"


def test_a_participant_reads_measures_with_their_reference_and_readings(world, api_as):
    measure = MeasureFactory(initiative=world.initiative, owner_body=world.lead_body)
    MeasureReadingFactory(measure=measure)
    client = api_as(world.partner_member)

    listed = client.get(measures_url(world)).json()["results"]
    detail = client.get(f"{measures_url(world)}{measure.pk}/").json()

    assert [each["reference"] for each in listed] == [measure.reference]
    assert detail["readings"][0]["value"] == "18.00" and detail["version"]


def test_the_owner_body_records_one_reading_per_date(world, api_as):
    measure = MeasureFactory(initiative=world.initiative, owner_body=world.lead_body)
    client = api_as(world.programme_manager, write=True)
    url = f"{measures_url(world)}{measure.pk}/readings/"

    first = client.post(url, {"taken_on": "2026-06-30", "value": "17.5"}, content_type=JSON)
    again = client.post(url, {"taken_on": "2026-06-30", "value": "16"}, content_type=JSON)

    assert first.status_code == 201, first.json()
    assert measure.readings.get().recorded_by == world.programme_manager
    assert again.status_code == 400 and again.json()["errors"][0]["field"] == "taken_on"


def test_a_partner_may_not_record_another_bodys_reading(world, api_as):
    measure = MeasureFactory(initiative=world.initiative, owner_body=world.lead_body)

    response = api_as(world.partner_member, write=True).post(
        f"{measures_url(world)}{measure.pk}/readings/",
        {"taken_on": "2026-06-30", "value": "1"},
        content_type=JSON,
    )

    assert response.status_code == 403


NEW_MEASURE = {
    "name": "Days from death registration to all bodies notified",
    "definition": "Working days from the registration to the last body's confirmation",
    "unit": "days",
    "direction": "lower",
    "baseline": "21.00",
    "frequency": "monthly",
}


def test_a_programme_manager_adds_a_measure_through_the_web_form_and_service(world, api_as):
    response = api_as(world.programme_manager, write=True).post(
        measures_url(world),
        {**NEW_MEASURE, "owner_body": world.partner_body.pk, "benefiting_bodies": [world.lead_body.pk]},
        content_type=JSON,
    )

    assert response.status_code == 201, response.json()
    measure = Measure.objects.get(pk=response.json()["id"])
    assert (measure.owner_body, measure.baseline) == (world.partner_body, Decimal("21.00"))
    assert list(measure.benefiting_bodies.all()) == [world.lead_body]
    assert measure.history.get().history_user == world.programme_manager
    assert response.json()["version"]


def test_a_partner_adds_measures_only_for_their_own_body_as_on_the_web(world, api_as):
    client = api_as(world.partner_member, write=True)

    theirs = client.post(
        measures_url(world), {**NEW_MEASURE, "owner_body": world.partner_body.pk}, content_type=JSON
    )
    others = client.post(
        measures_url(world),
        {**NEW_MEASURE, "name": "Another", "owner_body": world.lead_body.pk},
        content_type=JSON,
    )

    assert theirs.status_code == 201, theirs.json()
    assert others.status_code == 400 and [e["field"] for e in others.json()["errors"]] == ["owner_body"]


def test_a_measure_needs_a_free_name_and_the_web_forms_rules(world, api_as):
    MeasureFactory(initiative=world.initiative, name=NEW_MEASURE["name"])

    response = api_as(world.programme_manager, write=True).post(
        measures_url(world),
        {**NEW_MEASURE, "direction": "sideways", "target_date": "2027-02-30"},
        content_type=JSON,
    )
    named = api_as(world.programme_manager, write=True).post(
        measures_url(world), NEW_MEASURE, content_type=JSON
    )

    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {"direction", "target_date"}
    assert named.status_code == 400 and [e["field"] for e in named.json()["errors"]] == ["name"]


def test_the_reviewer_the_outsider_and_a_read_token_cannot_add_a_measure(world, api_as):
    def status(person, write=True):
        return (
            api_as(person, write=write).post(measures_url(world), NEW_MEASURE, content_type=JSON).status_code
        )

    assert status(world.assurance_reviewer) == 403
    assert status(world.outsider) == 404
    assert status(world.programme_manager, write=False) == 403
    assert not Measure.all_records.exists()


def test_a_measure_changed_from_its_current_version_and_refused_when_stale(world, api_as):
    measure = MeasureFactory(initiative=world.initiative, owner_body=world.lead_body)
    client = api_as(world.senior_owner, write=True)
    url = f"{measures_url(world)}{measure.pk}/"
    version = client.get(url).json()["version"]

    changed = client.patch(url, {"target": "5.00", "version": version}, content_type=JSON)
    stale = client.patch(url, {"unit": "weeks", "version": version}, content_type=JSON)
    unversioned = client.patch(url, {"unit": "weeks"}, content_type=JSON)

    assert changed.status_code == 200, changed.json()
    assert changed.json()["target"] == "5.00" and changed.json()["name"] == measure.name
    assert stale.status_code == 409 and stale.json()["current_version"] == changed.json()["version"]
    assert unversioned.status_code == 400 and unversioned.json()["errors"][0]["field"] == "version"
    measure.refresh_from_db()
    assert (measure.target, measure.unit) == (Decimal("5.00"), "days")


def test_only_the_owner_bodys_people_and_the_programme_managers_change_a_measure(world, api_as):
    measure = MeasureFactory(initiative=world.initiative, owner_body=world.lead_body)
    url = f"{measures_url(world)}{measure.pk}/"
    change = {"unit": "weeks", "version": "1"}

    assert api_as(world.partner_member, write=True).patch(url, change, content_type=JSON).status_code == 403
    assert (
        api_as(world.assurance_reviewer, write=True).patch(url, change, content_type=JSON).status_code == 403
    )
    assert api_as(world.outsider, write=True).patch(url, change, content_type=JSON).status_code == 404
    assert api_as(world.programme_manager).patch(url, change, content_type=JSON).status_code == 403
