"""Writing many records at once with their history: a few queries per batch, not several per record.

django-simple-history's bulk functions write the same history rows a save() would (who, when,
created or changed), so a record imported in bulk has the same history as one saved alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from django.db import models
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

# Rows per INSERT or UPDATE statement: large enough that 2,000 records take a handful of queries.
BATCH_SIZE = 500

Record = TypeVar("Record", bound=models.Model)


def records_add(records: Sequence[Record], *, by: Any) -> list[Record]:
    """Insert the records with a "Created" history row each, by `by`; returns them with their ids."""
    if not records:
        return []
    return bulk_create_with_history(records, type(records[0]), batch_size=BATCH_SIZE, default_user=by)


def records_change(
    records: Sequence[models.Model], *, fields: list[str], by: Any, manager: models.Manager | None = None
) -> None:
    """Write `fields` of the records with a "Changed" history row each, by `by`.

    `manager` must see every record (a default manager that hides retired records would skip them).
    """
    if records:
        bulk_update_with_history(
            records, type(records[0]), fields, batch_size=BATCH_SIZE, default_user=by, manager=manager
        )
