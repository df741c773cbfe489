"""Measures through the API: read with readings; a reading recorded as the measure page's form does."""

import pytest

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
