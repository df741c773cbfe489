"""The demonstration registers: realistic, flagged where they should be, never duplicated."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from governance.glossary.meanings import effective_status
from governance.health.gathering import gather_health_facts
from governance.models import DataDefinition, DataSharingAgreement, Measure, Risk
from initiatives.models import Initiative

pytestmark = pytest.mark.django_db


def test_tell_us_once_has_a_register_worth_showing():
    call_command("seed_demo")
    initiative = Initiative.objects.get(slug="tell-us-once-bereavement")
    risks = initiative.risks.exclude(status=Risk.Status.CLOSED)
    today = timezone.localdate()

    assert risks.filter(is_joint=True).count() >= 2
    assert any(risk.is_above_threshold for risk in risks)
    assert risks.filter(review_date__lt=today).exists()
    assert risks.filter(owner=None).exists()
    assert initiative.risks.get(title__startswith="Death notifications").score_changes.count() == 4
    days = initiative.measures.get(name="Days from death registration to all bodies notified")
    assert days.readings.count() == 12
    statuses = {
        d.term: effective_status(d.status, d.meanings.values_list("meaning", flat=True))
        for d in initiative.data_definitions.all()
    }
    assert statuses["customer"] == statuses["date of death notification"] == "disputed"
    assert statuses["case"] == "agreed"
    agreement = initiative.data_sharing_agreements.get()
    assert agreement.dpia_status == DataSharingAgreement.DpiaStatus.IN_PROGRESS
    facts, flags = gather_health_facts(initiative)
    assert facts.exchanges_records and flags.above_threshold and flags.no_owner and flags.review_overdue


def test_seeding_twice_adds_no_second_copy():
    call_command("seed_demo")
    counts = [model.objects.count() for model in (Risk, Measure, DataDefinition, DataSharingAgreement)]

    call_command("seed_demo")

    assert [
        model.objects.count() for model in (Risk, Measure, DataDefinition, DataSharingAgreement)
    ] == counts


def test_scale_seeds_every_copy():
    call_command("seed_demo", "--scale", "2")

    assert Initiative.objects.get(slug="tell-us-once-bereavement-2").measures.count() == 3
