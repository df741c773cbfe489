"""Changing who is accountable (the senior owner, the holder of a RACI column with an A).

Such a change is how a person could make themselves the decider, so it is never silent: it needs a
reason, kept in the record's history (simple-history's change reason) with who made it, and the
person replaced is emailed, as is the person now named. Decisions already submitted keep the
decider fixed at their submission.
"""

from __future__ import annotations

from django import forms

from collab.history import CHANGE_REASON_LENGTH
from collab.queue import enqueue_on_commit
from initiatives.models import Initiative, User
from initiatives.tasks import notify_accountability_moved, notify_senior_owner_named

SENIOR_OWNER = "senior accountable owner"


class ReasonNeeded(ValueError):
    """The message says what to give."""


def change_reason(reason: str, *, role: str) -> str:
    """The reason for changing who holds `role`, tidied; refused when empty or too long to keep."""
    reason = reason.strip()
    if not reason:
        raise ReasonNeeded(f"Say why the {role} is changing")
    if len(reason) > CHANGE_REASON_LENGTH:
        raise ReasonNeeded(f"Say why the {role} is changing in {CHANGE_REASON_LENGTH} characters or fewer")
    return reason


def reason_field(role: str) -> forms.CharField:
    """The form field asking why, shown on every form that can change who holds `role`."""
    return forms.CharField(
        label=f"Why is the {role} changing? (if it is)",
        help_text=f"Needed when you replace the {role}. Kept in the history; both people are emailed.",
        max_length=CHANGE_REASON_LENGTH,
        required=False,
    )


def tell_both(
    *,
    initiative: Initiative,
    role: str,
    old: int | None,
    new: int | None,
    by: User,
    reason: str,
    tell_new: bool = True,
) -> None:
    """Once the change commits, email the person replaced and (unless told otherwise) the one named."""
    if old is not None:
        enqueue_on_commit(notify_accountability_moved, initiative.pk, role, old, False, new, by.pk, reason)
    if new is not None and tell_new:
        enqueue_on_commit(notify_accountability_moved, initiative.pk, role, new, True, old, by.pk, reason)


def senior_owner_moved(*, initiative: Initiative, previous_id: int | None, by: User, reason: str) -> None:
    """Before an initiative whose senior owner may have changed is saved: the new owner is told they
    are named; replacing one needs `reason`, kept in the history, and the one replaced is told."""
    owner_id = initiative.senior_owner_id
    if owner_id == previous_id:
        return
    if owner_id is not None:
        enqueue_on_commit(notify_senior_owner_named, initiative.pk, owner_id)
    if previous_id is None:
        return
    initiative._change_reason = change_reason(reason, role=SENIOR_OWNER)  # type: ignore[attr-defined]
    tell_both(
        initiative=initiative,
        role=SENIOR_OWNER,
        old=previous_id,
        new=owner_id,
        by=by,
        reason=initiative._change_reason,  # type: ignore[attr-defined]
        tell_new=False,
    )
