"""Writes to what a decision is about: links added and removed on a draft, and, when it is
decided, the snapshot of what it showed and (on approval) its changes applied.

Approval applies each change through the record's own service, in the decision's transaction,
with the decision as the history's reason; if any change cannot be made, nothing is.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Model

from governance.decisions import states as decision_states
from governance.decisions.changes.kinds import KINDS, Kind
from governance.decisions.changes.models import DecisionLink, DecisionSnapshot
from governance.decisions.changes.snapshot import describe, why_it_cannot_apply
from governance.decisions.models import Decision
from governance.glossary.services import CannotAgree, IncompleteDpia
from initiatives.models import User

# What the records' own services refuse with; anything else is a fault, not a refusal.
SERVICE_REFUSALS = (CannotAgree, IncompleteDpia)


class LinkRefused(Exception):
    """The decision cannot take this link now; the message says why."""


class ChangesCannotApply(Exception):
    """Approval would leave a change unmade; nothing was changed and the message says which."""


def _locked_editable(decision: Decision) -> Decision:
    # The decision's row lock: a submission at the same moment waits, then finds the new link.
    stored = Decision.objects.select_for_update().get(pk=decision.pk)
    if not decision_states.is_editable(stored.status):
        raise LinkRefused(
            f"{stored.reference} is {stored.get_status_display().lower()}, so what it changes cannot be "
            "changed now."
        )
    return stored


@transaction.atomic
def decision_link_add(
    *, decision: Decision, kind: Kind, record: Model, proposed: dict[str, Any], by: User
) -> DecisionLink:
    """Say the decision is about `record`, and what approving it should set (`proposed`, maybe none)."""
    stored = _locked_editable(decision)
    if not kind.every_record(stored.initiative).filter(pk=record.pk).exists():
        raise ValueError(f"The {kind.noun} belongs to another initiative")
    if stored.links.filter(kind=kind.slug, target_id=record.pk).exists():
        raise LinkRefused(
            f"{stored.reference} is already about “{kind.name(record)}”. Remove it first to change what "
            "it proposes."
        )
    unknown = set(proposed) - set(kind.form.changeable())
    if unknown:
        raise ValueError(f"A {kind.noun} change cannot set {sorted(unknown)}")
    return DecisionLink.objects.create(
        decision=stored, kind=kind.slug, target_id=record.pk, proposed=proposed, added_by=by
    )


@transaction.atomic
def decision_link_remove(*, link: DecisionLink, by: User) -> None:
    """Take a record off a decision that can still be edited (`by` is checked by the view's permission)."""
    _locked_editable(link.decision)
    link.delete()


def _locked_records(decision: Decision) -> dict[int, Model | None]:
    """Each linked record, locked, in one order (kind, id) so two decisions never wait on each other."""
    links = sorted(decision.links.all(), key=lambda link: (link.kind, link.target_id))
    return {
        link.pk: KINDS[link.kind]
        .every_record(decision.initiative)
        .select_for_update()
        .filter(pk=link.target_id)
        .first()
        for link in links
    }


def _apply(decision: Decision, records: dict[int, Model | None], by: User) -> None:
    checked = []
    problems = []
    for link in decision.links.order_by("pk"):
        problem, form = why_it_cannot_apply(link, records[link.pk])
        if problem:
            problems.append(problem)
        elif form is not None:
            checked.append((KINDS[link.kind], records[link.pk], form.proposed()))
    if problems:
        raise ChangesCannotApply(_refusal(decision, problems))
    for kind, record, values in checked:
        # The record's history credits the decision; its service records who (`by`).
        record._change_reason = f"Approved in {decision.reference}"  # type: ignore[union-attr]
        try:
            kind.apply(record, values, by)  # type: ignore[misc]
        except SERVICE_REFUSALS as refusal:
            raise ChangesCannotApply(_refusal(decision, [f"{kind.name(record)}: {refusal}"])) from refusal


def _refusal(decision: Decision, problems: list[str]) -> str:
    return (
        f"{decision.reference} was not approved and nothing was changed: {'; '.join(problems)}. "
        "Defer it so its drafter can change it, or reject it."
    )


def decision_changes_settle(*, decision: Decision, by: User) -> None:
    """Called in the transaction that has just decided `decision`: keep what it shows, as it is now,
    and if it was approved make its changes. ChangesCannotApply undoes the whole decision."""
    if decision.status not in decision_states.DECIDED:
        return
    records = _locked_records(decision)
    content = {**describe(decision, records), "outcome": decision.status}
    if decision.status == decision_states.APPROVED:
        _apply(decision, records, by)
    DecisionSnapshot.objects.create(decision=decision, content=content)
