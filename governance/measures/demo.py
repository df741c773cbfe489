"""Demonstration shared measures with a year of readings, written through the services.

Registered in seed_demo's FURTHER_SEEDERS; only the initiatives the seed has just created are
touched, so seeding twice adds nothing. The registers of every copy made by --scale are written
by the first copy's people.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from governance.measures.models import Measure
from governance.measures.services import measure_create, reading_add
from initiatives.demo.story import in_days
from initiatives.demo.world import DemoWorld
from initiatives.models import Initiative

MONTHS_PER_READING = {Measure.Frequency.MONTHLY: 1, Measure.Frequency.QUARTERLY: 3}


def seed_measures(world: DemoWorld) -> None:
    for new in world.created:
        for measure in new.story.measures:
            _measure_create(world, new.initiative, **measure)


def month_start(months_ago: int) -> datetime.date:
    """The first day of the month `months_ago` months before this one."""
    first = timezone.localdate().replace(day=1)
    for _ in range(months_ago):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return first


def reading_dates(count: int, frequency: str) -> list[datetime.date]:
    """One date per reporting period, oldest first, the latest at the start of last month."""
    step = MONTHS_PER_READING[frequency]
    return [month_start(1 + step * (count - 1 - n)) for n in range(count)]


def _measure_create(
    world: DemoWorld,
    initiative: Initiative,
    *,
    by: str,
    name: str,
    definition: str,
    unit: str,
    direction: str,
    baseline: str,
    target: str,
    owner_body: str,
    baseline_months_ago: int | None = None,
    target_in_days: int | None = None,
    data_source: str = "",
    frequency: str = Measure.Frequency.MONTHLY,
    investing_body: str = "",
    benefiting_bodies: tuple[str, ...] = (),
    benefit_type: str = Measure.BenefitType.NOT_AN_EFFICIENCY,
    agreed_days_before_baseline: int | None = None,
    readings: tuple[str, ...] = (),
) -> None:
    """A measure agreed `agreed_days_before_baseline` days before its baseline was taken counts as
    agreed before work started; `readings` are one per reporting period, oldest first."""
    author = world.people[by]
    baseline_date = None if baseline_months_ago is None else month_start(baseline_months_ago)
    agreed = agreed_days_before_baseline is not None
    measure = measure_create(
        initiative=initiative,
        by=author,
        name=name,
        definition=definition,
        unit=unit,
        direction=Measure.Direction(direction),
        baseline=Decimal(baseline),
        baseline_date=baseline_date,
        target=Decimal(target),
        target_date=in_days(target_in_days),
        data_source=data_source,
        owner_body=world.bodies[owner_body],
        frequency=Measure.Frequency(frequency),
        investing_body=world.bodies[investing_body] if investing_body else None,
        benefiting_bodies=[world.bodies[body] for body in benefiting_bodies],
        benefit_type=Measure.BenefitType(benefit_type),
        agreed_before_start=agreed,
        agreed_on=baseline_date - datetime.timedelta(days=agreed_days_before_baseline) if agreed else None,
    )
    for taken_on, value in zip(reading_dates(len(readings), frequency), readings, strict=True):
        reading_add(measure=measure, by=author, taken_on=taken_on, value=Decimal(value))
