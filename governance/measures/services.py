"""Writes to shared measures and their dated readings."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal

from django.db import IntegrityError, transaction

from collab.bulk import BATCH_SIZE, records_add, records_change
from collab.unchanged import UNCHANGED, Unchanged, apply_changes
from governance.checklist.items import ChecklistItem, names_not_taken
from governance.health.freshness import facts_changed
from governance.measures.models import Measure, MeasureReading
from initiatives.models import Body, Initiative, User


@transaction.atomic
def measure_create(
    *,
    initiative: Initiative,
    by: User,
    name: str,
    definition: str = "",
    unit: str = "",
    direction: str = "",
    baseline: Decimal | None = None,
    baseline_date: datetime.date | None = None,
    target: Decimal | None = None,
    target_date: datetime.date | None = None,
    data_source: str = "",
    owner_body: Body | None = None,
    frequency: str = Measure.Frequency.MONTHLY,
    investing_body: Body | None = None,
    benefiting_bodies: Sequence[Body] = (),
    benefit_type: str = Measure.BenefitType.NOT_AN_EFFICIENCY,
    agreed_before_start: bool = False,
    agreed_on: datetime.date | None = None,
    checklist_item: str = "",
) -> Measure:
    """Add a measure. One started from the checklist has only its name until someone defines it."""
    measure = Measure(
        initiative=initiative,
        name=name,
        definition=definition,
        unit=unit,
        direction=direction,
        baseline=baseline,
        baseline_date=baseline_date,
        target=target,
        target_date=target_date,
        data_source=data_source,
        owner_body=owner_body,
        frequency=frequency,
        investing_body=investing_body,
        benefit_type=benefit_type,
        agreed_before_start=agreed_before_start,
        agreed_on=agreed_on,
        checklist_item=checklist_item,
    )
    measure._history_user = by
    measure.save()
    if benefiting_bodies:
        measure.benefiting_bodies.set(benefiting_bodies)
    return measure


@transaction.atomic
def measure_update(
    *,
    measure: Measure,
    by: User,
    name: str | Unchanged = UNCHANGED,
    definition: str | Unchanged = UNCHANGED,
    unit: str | Unchanged = UNCHANGED,
    direction: str | Unchanged = UNCHANGED,
    baseline: Decimal | Unchanged | None = UNCHANGED,
    baseline_date: datetime.date | Unchanged | None = UNCHANGED,
    target: Decimal | Unchanged | None = UNCHANGED,
    target_date: datetime.date | Unchanged | None = UNCHANGED,
    data_source: str | Unchanged = UNCHANGED,
    owner_body: Body | Unchanged | None = UNCHANGED,
    frequency: str | Unchanged = UNCHANGED,
    investing_body: Body | Unchanged | None = UNCHANGED,
    benefiting_bodies: Sequence[Body] | Unchanged = UNCHANGED,
    benefit_type: str | Unchanged = UNCHANGED,
    agreed_before_start: bool | Unchanged = UNCHANGED,
    agreed_on: datetime.date | Unchanged | None = UNCHANGED,
) -> Measure:
    """Change the fields given. Benefiting bodies left UNCHANGED (an import without that column)
    stay as they are; an empty list clears them."""
    apply_changes(
        measure,
        {
            "name": name,
            "definition": definition,
            "unit": unit,
            "direction": direction,
            "baseline": baseline,
            "baseline_date": baseline_date,
            "target": target,
            "target_date": target_date,
            "data_source": data_source,
            "owner_body": owner_body,
            "frequency": frequency,
            "investing_body": investing_body,
            "benefit_type": benefit_type,
            "agreed_before_start": agreed_before_start,
            "agreed_on": agreed_on,
        },
    )
    measure._history_user = by
    measure.save()
    if benefiting_bodies is not UNCHANGED:
        measure.benefiting_bodies.set(benefiting_bodies)
    return measure


@transaction.atomic
def measures_import(
    *, initiative: Initiative, by: User, new: list[dict], changed: list[tuple[Measure, dict]]
) -> None:
    """Add measures and change measures at once, as measure_create and measure_update do (the CSV import).

    Each record gets its history row; the writes are a few statements per batch of rows rather
    than several per measure. Benefiting bodies given for a measure replace the ones it had.
    """
    facts_changed([initiative.pk])  # bulk writes send no signal (governance/health/freshness.py)
    added = records_add([Measure(initiative=initiative, **_without_bodies(values)) for values in new], by=by)
    for measure, values in changed:
        apply_changes(measure, _without_bodies(values))
    fields = sorted({name for _measure, values in changed for name in _without_bodies(values)})
    # Retired measures are matched by name too: the default manager would leave them out.
    records_change(
        [measure for measure, _values in changed], fields=fields, by=by, manager=Measure.all_records
    )
    bodies = [
        (measure, values["benefiting_bodies"])
        for measure, values in [*zip(added, new, strict=True), *changed]
        if "benefiting_bodies" in values
    ]
    link = Measure.benefiting_bodies.through
    replaced = [measure.pk for measure, values in changed if "benefiting_bodies" in values]
    link.objects.filter(measure_id__in=replaced).delete()
    link.objects.bulk_create(
        [link(measure_id=measure.pk, body_id=body.pk) for measure, chosen in bodies for body in chosen],
        batch_size=BATCH_SIZE,
    )


def _without_bodies(values: dict) -> dict:
    return {name: value for name, value in values.items() if name != "benefiting_bodies"}


@transaction.atomic
def measures_add_from_checklist(
    *, initiative: Initiative, items: list[ChecklistItem], by: User
) -> list[Measure]:
    """Draft measures named in the checklist, to be defined (definition, unit, direction, target).

    Names are unique in an initiative; an item whose shortened name is already there is skipped.
    """
    existing = Measure.all_records.filter(initiative=initiative).values_list("name", flat=True)
    return [
        measure_create(initiative=initiative, by=by, name=name, checklist_item=item.text[:300])
        for name, item in names_not_taken(items, existing=existing, length=200)
    ]


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
