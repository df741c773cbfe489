"""What people changed in a record, read from its django-simple-history rows.

One builder for the "History" section on every record's page and for the stale-edit page
(collab/versions.py): each history row is compared with the row before it, so an entry lists
only the fields that save actually changed, with who, when, and from what to what.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models import QuerySet

# Bookkeeping, not content: never listed as a change.
SKIPPED_FIELDS = {
    "id",
    "created_at",
    "updated_at",
    "created_by",
    "initiative",
    "number",
    "position",
    "facts_version",
}
NOTHING = "(blank)"
# simple-history's history_change_reason column holds this many characters.
CHANGE_REASON_LENGTH = 100
# How many of the latest changes a page listing many records shows.
LIST_HISTORY_LENGTH = 30


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    who: str
    when: datetime.datetime
    what: str  # "Created", "Changed", "Removed"
    record: str
    changes: list[FieldChange] = field(default_factory=list)
    # What the person said about it (a decision trail's comment); most entries have none.
    note: str = ""


def _content_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        each
        for each in model._meta.concrete_fields
        if each.name not in SKIPPED_FIELDS and not getattr(each, "auto_now", False)
    ]


def _label(each: models.Field) -> str:
    name = str(each.verbose_name)
    return name[:1].upper() + name[1:]


def _shown(each: models.Field, value: object, related: dict[tuple[Any, object], str]) -> str:
    if value is None or value == "":
        return NOTHING
    if each.is_relation:
        return related.get((each.related_model, value), "a record since removed")
    if each.choices:
        return str(dict(each.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.date):
        return f"{value:%-d %B %Y}"
    return str(value)


def _raw(row: models.Model | None, each: models.Field) -> object:
    """A field's stored value; a record's creation is compared with nothing at all."""
    return None if row is None else getattr(row, each.attname)


def _related_names(rows: list[Any], fields: list[models.Field]) -> dict[tuple[Any, object], str]:
    """The names of every record the rows point at, fetched once per related model."""
    names: dict[tuple[Any, object], str] = {}
    for each in fields:
        if not each.is_relation:
            continue
        ids = {_raw(row, each) for row in rows} - {None}
        model: Any = each.related_model
        for related in model._default_manager.filter(pk__in=ids):
            names[(model, related.pk)] = str(related)
    return names


def _who(row: Any, users: dict[int, str]) -> str:
    return users.get(row.history_user_id, "someone not recorded")


def _user_names(rows: list[Any]) -> dict[int, str]:
    from django.contrib.auth import get_user_model

    ids = {row.history_user_id for row in rows} - {None}
    people = get_user_model()._default_manager.filter(pk__in=ids)
    return {person.pk: person.get_full_name() or person.get_username() for person in people}


WHAT = {"+": "Created", "~": "Changed", "-": "Removed"}


def _record_label(row: Any, fields: list[models.Field], related: dict[tuple[Any, object], str]) -> str:
    """Which record an entry is about, from the row alone (no query per row): its kind, the records
    it links (a meaning's term and body) and its first name-like text."""
    links = [
        _shown(each, _raw(row, each), related) for each in fields if each.is_relation and _raw(row, each)
    ]
    texts = [
        str(_raw(row, each))
        for each in fields
        if isinstance(each, models.CharField) and not each.choices and _raw(row, each)
    ]
    kind = str(row.instance_type._meta.verbose_name)
    return f"{kind[:1].upper()}{kind[1:]}: {', '.join([*texts[:1], *links][:2])}"


def _changes(before: Any, row: Any, fields: list[models.Field], related: dict) -> list[FieldChange]:
    """The fields that differ between two rows (a creation is compared with nothing at all)."""
    shown = [
        FieldChange(
            _label(each), _shown(each, _raw(before, each), related), _shown(each, _raw(row, each), related)
        )
        for each in fields
        if _raw(before, each) != _raw(row, each)
    ]
    return [change for change in shown if change.old != change.new]


def _reason(row: Any) -> str:
    """The reason asked for when the change was made (a new senior owner, a new A holder), if any."""
    reason = getattr(row, "history_change_reason", None)
    return f"Why: {reason}" if reason else ""


def history_entries(
    histories: Sequence[QuerySet], *, since: Sequence[int] = (), limit: int | None = None
) -> list[HistoryEntry]:
    """Entries for the rows of the given history querysets, newest first.

    `since` (one history id per queryset: a version, collab/versions.py) keeps only rows newer
    than it, still comparing the first of them with the row before it.
    """
    entries: list[HistoryEntry] = []
    for index, history in enumerate(histories):
        after = since[index] if index < len(since) else 0
        rows = list(history.order_by("history_id"))
        if not rows:
            continue
        fields = _content_fields(history.model.instance_type)
        related, users = _related_names(rows, fields), _user_names(rows)
        previous: dict[object, models.Model] = {}
        for row in rows:
            before = previous.get(row.id)
            previous[row.id] = row
            if row.history_id <= after:
                continue
            if row.history_type == "-" or (before is None and row.history_type == "~"):
                changes = []  # Removed (what it held is in the entries before), or history began mid-life.
            else:
                changes = _changes(before, row, fields, related)
            if row.history_type == "~" and not changes:
                continue  # A save that changed nothing a person would see.
            entries.append(
                HistoryEntry(
                    _who(row, users),
                    row.history_date,
                    WHAT[row.history_type],
                    _record_label(row, fields, related),
                    changes,
                    # Why, when one was given: a new senior owner's reason, "Approved in D004".
                    note=_reason(row),
                )
            )
    return sorted(entries, key=lambda entry: entry.when, reverse=True)[:limit]
