"""Writes to shared measures and their dated readings."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction

from governance.checklist.items import ChecklistItem
from governance.measures.models import Measure, MeasureReading
from initiatives.models import Body, Initiative, User


@transaction.atomic
def measure_create(
    *, initiative: Initiative, by: User, benefiting_bodies: list[Body] | None = None, **fields
) -> Measure:
    measure = Measure(initiative=initiative, **fields)
    measure._history_user = by
    measure.save()
    if benefiting_bodies is not None:
        measure.benefiting_bodies.set(benefiting_bodies)
    return measure


@transaction.atomic
def measure_update(
    *, measure: Measure, by: User, benefiting_bodies: list[Body] | None = None, **fields
) -> Measure:
    for name, value in fields.items():
        setattr(measure, name, value)
    measure._history_user = by
    measure.save()
    # None leaves them as they are (an import without that column); an empty list clears them.
    if benefiting_bodies is not None:
        measure.benefiting_bodies.set(benefiting_bodies)
    return measure


@transaction.atomic
def measures_add_from_checklist(
    *, initiative: Initiative, items: list[ChecklistItem], by: User
) -> list[Measure]:
    """Draft measures named in the checklist, to be defined (definition, unit, direction, target).

    Names are unique in an initiative; an item whose shortened name is already there is skipped.
    """
    taken = {name.casefold() for name in initiative.measures.values_list("name", flat=True)}
    added = []
    for item in items:
        name = item.text[:200].strip()
        if name.casefold() in taken:
            continue
        taken.add(name.casefold())
        added.append(measure_create(initiative=initiative, by=by, name=name, checklist_item=item.text[:300]))
    return added


class DuplicateReading(Exception):
    pass


@transaction.atomic
def reading_add(
    *,
    measure: Measure,
    by: User,
    taken_on: datetime.date,
    value: Decimal,
    note: str = "",
) -> MeasureReading:
    """One reading per date: a second for the same date is refused, not silently replaced."""
    if measure.readings.taken_on(taken_on).exists():
        raise DuplicateReading(f"There is already a reading for {taken_on:%-d %B %Y}")
    reading = MeasureReading(measure=measure, taken_on=taken_on, value=value, note=note, recorded_by=by)
    reading._history_user = by
    try:
        with transaction.atomic():
            reading.save()
    except IntegrityError:
        # Someone else recorded the same date a moment ago.
        raise DuplicateReading(f"There is already a reading for {taken_on:%-d %B %Y}") from None
    return reading


@transaction.atomic
def reading_remove(*, reading: MeasureReading, by: User) -> None:
    reading._history_user = by
    reading.delete()
