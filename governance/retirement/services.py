"""Retiring a record and restoring it: the only writes to the retirement fields."""

from __future__ import annotations

from django.db import transaction
from django.utils import dateformat, timezone

from governance.retirement.models import Retirable
from initiatives.models import Initiative, User


class RetirementRefused(Exception):
    """The record is not in a state the action needs (already retired, or not retired); the message says."""


def _locked(record: Retirable) -> Retirable:
    # The initiative's row first, then the record's, the order approving a decision takes them in (its
    # step moves the initiative's facts version, then it locks the records it changes): the other way
    # round, a retirement racing an approval deadlocked. The base manager sees retired records too; the
    # record's lock makes two people retiring at once take turns.
    initiative_id = getattr(record, "initiative_id", None)
    if initiative_id is not None:
        Initiative.objects.select_for_update().filter(pk=initiative_id).values_list("pk").first()
    return type(record)._base_manager.select_for_update().get(pk=record.pk)


def _when(record: Retirable) -> str:
    moment = timezone.localtime(record.retired_at)
    return dateformat.format(moment, r"H:i \o\n j F Y")


def _save(record: Retirable, by: User) -> None:
    record._history_user = by  # type: ignore[attr-defined]
    record.save()


@transaction.atomic
def retire(*, record: Retirable, by: User, reason: str) -> Retirable:
    """Take the record out of the working lists, saying why; it stays in its history and the pack's annex."""
    reason = reason.strip()
    if not reason:
        raise RetirementRefused("Say why")
    locked = _locked(record)
    if locked.is_retired:
        raise RetirementRefused(
            f"“{locked}” was already taken out of use by {locked.retired_by} at {_when(locked)}."
        )
    for field, value in locked.RETIREMENT_CHANGES.items():
        setattr(locked, field, value)
    locked.retired_at = timezone.now()
    locked.retired_by = by
    locked.retirement_reason = reason
    _save(locked, by)
    return locked


@transaction.atomic
def restore(*, record: Retirable, by: User) -> Retirable:
    """Put a retired record back in the working lists, as it was before it was retired."""
    locked = _locked(record)
    if not locked.is_retired:
        raise RetirementRefused(f"“{locked}” is already in use.")
    if locked.RETIREMENT_CHANGES:
        # The newest version from before it was retired holds what retiring changed (a risk's status).
        versions = locked.history.filter(retired_at__isnull=True)  # type: ignore[attr-defined]
        before = versions.exclude(**locked.RETIREMENT_CHANGES).first()
        for field in locked.RETIREMENT_CHANGES if before is not None else ():
            setattr(locked, field, getattr(before, field))
    locked.retired_at = None
    locked.retired_by = None
    locked.retirement_reason = ""
    _save(locked, by)
    return locked
