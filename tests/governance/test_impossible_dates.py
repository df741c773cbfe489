"""Dates and values that cannot be true are refused, each at the field it is about."""

import datetime

import pytest

from governance.impossible_dates import (
    dpia_problems,
    measure_problems,
    reading_problems,
    review_problems,
    risk_problems,
)

TODAY = datetime.date(2026, 12, 3)
TOMORROW = TODAY + datetime.timedelta(days=1)
YESTERDAY = TODAY - datetime.timedelta(days=1)
LAST_YEAR = datetime.date(2025, 12, 3)

CASES = [
    # rule, values, fields refused
    (reading_problems, {"taken_on": datetime.date(2030, 1, 1)}, ["taken_on"]),
    (reading_problems, {"taken_on": TODAY}, []),
    (reading_problems, {"taken_on": None}, []),
    (measure_problems, {"baseline_date": TODAY, "target_date": LAST_YEAR}, ["target_date"]),
    (measure_problems, {"baseline_date": TODAY, "target_date": TODAY}, ["target_date"]),
    (measure_problems, {"baseline_date": LAST_YEAR, "target_date": datetime.date(2028, 1, 1)}, []),
    (measure_problems, {"baseline_date": TOMORROW}, ["baseline_date"]),
    (measure_problems, {"agreed_on": TOMORROW}, ["agreed_on"]),
    (measure_problems, {"target_date": datetime.date(2030, 1, 1)}, []),
    (
        dpia_problems,
        {"dpia_status": "completed", "dpia_date": None, "dpia_reviewer": ""},
        ["dpia_date", "dpia_reviewer"],
    ),
    (
        dpia_problems,
        {"dpia_status": "completed", "dpia_date": TOMORROW, "dpia_reviewer": "DPO"},
        ["dpia_date"],
    ),
    (
        dpia_problems,
        {"dpia_status": "completed", "dpia_date": datetime.date(2027, 6, 1), "dpia_reviewer": " "},
        ["dpia_date", "dpia_reviewer"],
    ),
    (dpia_problems, {"dpia_status": "completed", "dpia_date": YESTERDAY, "dpia_reviewer": "DPO"}, []),
    (dpia_problems, {"dpia_status": "in_progress", "dpia_date": None, "dpia_reviewer": ""}, []),
    (dpia_problems, {"dpia_status": "not_started", "signed_on": TOMORROW}, ["signed_on"]),
    (risk_problems, {"review_date": YESTERDAY}, ["review_date"]),
    (risk_problems, {"review_date": TODAY}, []),
    (risk_problems, {"review_date": None}, []),
    (review_problems, {"review_date": TOMORROW}, ["review_date"]),
    (review_problems, {"review_date": TODAY, "follow_up_due": TODAY}, ["follow_up_due"]),
    (review_problems, {"review_date": LAST_YEAR, "follow_up_due": TODAY}, []),
]


def _call(rule, values):
    if rule is risk_problems:
        return rule(values, raised_on=TODAY)
    return rule(values, today=TODAY)


@pytest.mark.parametrize(("rule", "values", "refused"), CASES)
def test_each_rule_refuses_exactly_the_fields_that_cannot_be_true(rule, values, refused):
    assert [field for field, _message in _call(rule, values)] == refused


@pytest.mark.parametrize(("rule", "values", "refused"), [case for case in CASES if case[2]])
def test_every_refusal_says_what_is_wrong_in_a_sentence(rule, values, refused):
    for _field, message in _call(rule, values):
        assert message[0].isupper() and len(message.split()) >= 4


def test_a_review_date_before_the_risk_was_raised_names_the_day_it_was_raised():
    raised = datetime.date(2026, 5, 4)

    assert risk_problems({"review_date": datetime.date(2026, 5, 3)}, raised_on=raised) == [
        ("review_date", "The next review date must be on or after 4 May 2026, when the risk was raised")
    ]


def _date(prefix: str, day: datetime.date) -> dict[str, str]:
    return {f"{prefix}_day": str(day.day), f"{prefix}_month": str(day.month), f"{prefix}_year": str(day.year)}


@pytest.mark.django_db
class TestTheFormsRefuseThem:
    def url(self, name, world, *args):
        from django.urls import reverse

        return reverse(f"governance:{name}", args=[world.initiative.slug, *args])

    def test_a_reading_dated_2030_is_refused_at_its_date(self, client, world):
        from tests.governance.register_factories import MeasureFactory

        measure = MeasureFactory(initiative=world.initiative, owner_body=world.partner_body)
        client.force_login(world.partner_member)
        form = {**_date("reading-taken_on", datetime.date(2030, 1, 1)), "reading-value": "1"}

        response = client.post(self.url("reading_add", world, measure.pk), form)

        assert response.status_code == 200
        assert 'href="#id_reading-taken_on_0">The date of the reading must be today or in the past' in (
            response.content.decode()
        )
        assert not measure.readings.exists()

    def test_a_dpia_completed_next_year_is_refused_at_its_date(self, client, world):
        from governance.models import DataSharingAgreement

        client.force_login(world.programme_manager)
        form = {
            "title": "Death notifications",
            "parties": [world.lead_body.pk, world.partner_body.pk],
            "legal_gateway": "Digital Economy Act 2017, s35",
            "dpia_status": "completed",
            "dpia_reviewer": "DWP data protection officer",
            "retention_period": "6 years",
            **_date("review_date", datetime.date.today() + datetime.timedelta(days=200)),
            **_date("dpia_date", datetime.date.today() + datetime.timedelta(days=365)),
        }

        response = client.post(self.url("agreement_create", world), form)

        assert "The date the DPIA was completed must be today or in the past" in response.content.decode()
        assert not DataSharingAgreement.objects.exists()

    def test_a_risk_reviewed_before_it_was_raised_is_refused_at_its_review_date(self, client, world):
        from governance.models import Risk
        from tests.governance.test_register_views import RISK_FORM

        client.force_login(world.programme_manager)
        form = {**RISK_FORM, **_date("review_date", datetime.date.today() - datetime.timedelta(days=1))}

        response = client.post(self.url("risk_create", world), form)

        assert (
            'href="#id_review_date_0">The next review date must be on or after' in response.content.decode()
        )
        assert not Risk.objects.exists()

    def test_a_target_dated_before_its_baseline_is_refused_at_the_target_date(self, client, world):
        from governance.models import Measure
        from tests.governance.test_register_views import MEASURE_FORM

        client.force_login(world.programme_manager)
        form = {
            **MEASURE_FORM,
            **_date("baseline_date", datetime.date(2026, 4, 1)),
            **_date("target_date", datetime.date(2025, 4, 1)),
        }

        response = client.post(self.url("measure_create", world), form)

        assert "The target date must be after the baseline date" in response.content.decode()
        assert not Measure.objects.exists()
