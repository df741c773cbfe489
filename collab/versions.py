"""Edit versions, so no save silently overwrites a change the person never saw.

A record's version is its newest django-simple-history row id: every save through a service
writes one, so the version moves on each change without a column of its own. A record edited
together with its parts (a glossary term and its meanings) has one number per history, joined
with dots ("41.7"). An edit form carries the version it was read at; the save checks it inside
its transaction, holding the record's row so that two saves from one version queue and the
second one sees the first one's history row (docs/adr/0008-edit-versions-from-history.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from django.db import models
from django.db.models import Max, QuerySet

from collab.history import HistoryEntry, history_entries

VERSION_PATTERN = re.compile(r"\d{1,18}(\.\d{1,18}){0,7}")


class StaleVersion(Exception):
    """The record changed after the form was read: the save was refused."""

    def __init__(self, histories: Sequence[QuerySet], submitted: str, current: str):
        super().__init__(f"Version {submitted} is out of date: the record is at {current}")
        self.histories = histories
        self.submitted = submitted
        self.current = current

    def changes(self) -> list[HistoryEntry]:
        """What other people changed since the submitted version, newest first."""
        return history_entries(self.histories, since=version_parts(self.submitted))


def is_version(text: str) -> bool:
    return bool(VERSION_PATTERN.fullmatch(text))


def version_parts(version: str) -> list[int]:
    return [int(part) for part in version.split(".")] if is_version(version) else []


def histories_of(record: models.Model) -> list[QuerySet]:
    return [record.history.all()]  # type: ignore[attr-defined]


def version_of(histories: Sequence[QuerySet]) -> str:
    return ".".join(str(history.aggregate(latest=Max("history_id"))["latest"] or 0) for history in histories)


def current_version(record: models.Model, histories: Sequence[QuerySet] | None = None) -> str:
    return version_of(histories if histories is not None else histories_of(record))


def lock(record: models.Model) -> None:
    """Hold the record's row until the transaction ends (PostgreSQL; SQLite writes one at a time)."""
    list(type(record)._base_manager.select_for_update().filter(pk=record.pk).values_list("pk"))


def check_version(record: models.Model, submitted: str, histories: Sequence[QuerySet] | None = None) -> None:
    """Refuse a save from any version but the current one. Call inside the save's transaction."""
    lock(record)
    # Read after the lock: under READ COMMITTED this statement sees the history row of a save
    # that held the lock before us.
    current = current_version(record, histories)
    if submitted != current:
        raise StaleVersion(histories if histories is not None else histories_of(record), submitted, current)
