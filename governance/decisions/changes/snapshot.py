"""What a decision shows about the records it concerns, as plain text: one builder for the open
decision's page (values now) and for the snapshot frozen when it is decided (values then)."""

from __future__ import annotations

import datetime
from typing import Any, cast

from django import forms
from django.db.models import Model

from governance.decisions.changes.forms import ProposedChangeForm
from governance.decisions.changes.kinds import KINDS, Kind
from governance.decisions.changes.models import DecisionLink
from governance.decisions.models import Decision
from governance.raci.models import RaciCell

NOT_SET = "Not set"
# Bumped when the shape of a snapshot's content changes; older snapshots keep their own.
CONTENT_SCHEMA = 1


def shown(field: forms.Field, value: Any) -> str:
    """A value as the record's page would show it."""
    if isinstance(field, forms.DateField) and isinstance(value, str):
        value = field.to_python(value)
    if value is None or value == "":
        return NOT_SET
    if isinstance(field, forms.ChoiceField):
        choices = cast(list[tuple[Any, Any]], field.choices)
        return str(dict(choices).get(value, value))
    if isinstance(value, datetime.date):
        return f"{value:%-d %B %Y}"
    return str(value)


def record_of(link: DecisionLink) -> Model | None:
    """The linked record as stored now, retired or not; None if it has gone or is another initiative's."""
    kind = KINDS[link.kind]
    return kind.every_record(link.decision.initiative).filter(pk=link.target_id).first()


def changes_of(kind: Kind, proposed: dict[str, Any], record: Model | None) -> list[dict[str, str]]:
    """Each field the link proposes to change: its label, its value now, and its value once approved."""
    fields = kind.form().fields
    return [
        {
            "label": str(fields[name].label),
            "before": shown(fields[name], getattr(record, name)) if record is not None else NOT_SET,
            "after": shown(fields[name], value),
        }
        for name, value in proposed.items()
        if name in fields
    ]


def why_it_cannot_apply(link: DecisionLink, record: Model | None) -> tuple[str, ProposedChangeForm | None]:
    """Why approval could not make this link's change now ("" if it could), and the checked form."""
    kind = KINDS[link.kind]
    if not (kind.changes_things and link.proposed):
        return "", None
    if record is None:
        return f"the {kind.noun} it changes has been removed", None
    name = kind.name(record)
    if getattr(record, "is_retired", False):
        return f"the {kind.noun} “{name}” is no longer in use", None
    form = kind.form.bound_to_stored(link.proposed, record=record)
    if not form.is_valid():
        errors = "; ".join(str(message) for messages in form.errors.values() for message in messages)
        return f"the change to the {kind.noun} “{name}” no longer holds: {errors}", form
    return "", form


def link_entry(link: DecisionLink, record: Model | None) -> dict[str, Any]:
    kind = KINDS[link.kind]
    initiative = link.decision.initiative
    return {
        "link_id": link.pk,
        "kind": kind.slug,
        "noun": kind.noun,
        "name": kind.name(record) if record is not None else f"A {kind.noun} since removed",
        "url": kind.page(record, initiative.slug) if record is not None else "",
        "changes": changes_of(kind, link.proposed, record),
        "problem": why_it_cannot_apply(link, record)[0],
    }


def raci_entry(decision: Decision) -> dict[str, Any] | None:
    """The decision's RACI row: its activity and each column's letter, in matrix order."""
    row = decision.raci_row
    if row is None:
        return None
    cells = RaciCell.objects.filter(row=row).select_related("column__body")
    letters = [
        [str(cell.column), cell.value]
        for cell in sorted(cells, key=lambda cell: (cell.column.position, cell.column.pk))
    ]
    return {"activity": row.activity, "letters": letters}


def describe(decision: Decision, records: dict[int, Model | None] | None = None) -> dict[str, Any]:
    """What the decision shows now. `records` (by link id) are the linked records as already read
    (under lock, when the decision is being decided); otherwise they are read here."""
    links = list(decision.links.order_by("pk"))
    records = records if records is not None else {link.pk: record_of(link) for link in links}
    return {
        "schema": CONTENT_SCHEMA,
        "raci": raci_entry(decision),
        "links": [link_entry(link, records[link.pk]) for link in links],
    }
