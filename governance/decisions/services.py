"""Writes to the decision log. Every change of state goes through _transition().

A decision can be acted on once: each transition is a conditional UPDATE on the state the
actor saw (`WHERE status = <expected>`), inside one transaction with its trail row. Whoever
comes second updates no row and is told who acted first, and when.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import dateformat, timezone

from collab import audit
from collab.queue import enqueue_on_commit
from collab.state_machine import TransitionNotAllowed
from collab.unchanged import UNCHANGED, Unchanged, apply_changes, changed
from governance.decisions import states as decision_states
from governance.decisions.changes.services import decision_changes_settle
from governance.decisions.duties import decider_choice, no_decider_message, own_decision
from governance.decisions.models import Decision, DecisionSeen, DecisionTransition
from governance.decisions.states import TRANSITIONS, Action
from governance.decisions.tasks import (
    notify_decision_awaiting,
    notify_decision_decided,
    notify_decision_returned,
)
from governance.raci.models import RaciRow
from initiatives.models import Initiative, User


class DecisionChanged(Exception):
    """The decision is not (or no longer) in a state that allows the action; the message says why."""


class NoDecider(Exception):
    pass


class NotTheDecider(Exception):
    pass


def _when(moment: datetime.datetime) -> str:
    return dateformat.format(timezone.localtime(moment), r"H:i \o\n j F Y")


def _last_transition(decision: Decision) -> DecisionTransition | None:
    return decision.transitions.newest_first().select_related("by").first()


def refusal_message(decision: Decision, action: Action) -> str:
    """Why `action` cannot be taken now, naming who acted first when someone did."""
    last = _last_transition(decision)
    if last is not None and last.from_status != decision_states.NEW:
        done = decision_states.done_between(last.from_status, last.to_status)
        done = done or last.get_to_status_display().lower()
        return f"This decision was already {done} by {last.by} at {_when(last.at)}."
    return (
        f"{decision.reference} is {decision.get_status_display().lower()}, "
        f"so it cannot be {TRANSITIONS[action].done}."
    )


def _transition(
    decision: Decision,
    action: Action,
    *,
    by: User,
    comment: str = "",
    decider: User | Unchanged | None = UNCHANGED,
    decider_reason: str | Unchanged = UNCHANGED,
    retirement: dict | None = None,
    deferred_until: datetime.date | None = None,
) -> DecisionTransition:
    """Move `decision` by `action` from the state it was loaded in, or raise DecisionChanged.

    A submission also fixes who decides (`decider`), a withdrawal the retirement fields
    (`retirement`), and a deferral its date to revisit (`deferred_until`, kept only while
    deferred), in the same conditional UPDATE.
    """
    expected = decision.status
    try:
        target = decision_states.target_of(action, expected)
    except TransitionNotAllowed:
        raise DecisionChanged(refusal_message(decision, action)) from None
    now = timezone.now()
    deferred_until = deferred_until if target == decision_states.DEFERRED else None
    changes = changed(
        {
            "status": target,
            "updated_at": now,
            "decider": decider,
            "decider_reason": decider_reason,
            **(retirement or {}),
        }
    )
    changes["deferred_until"] = deferred_until
    updated = Decision.objects.filter(pk=decision.pk, status=expected).update(**changes)
    if updated != 1:
        # Someone else moved it between our read and our write.
        decision.refresh_from_db()
        raise DecisionChanged(refusal_message(decision, action))
    apply_changes(decision, changes)
    # The conditional UPDATE above holds the row; saving the same values records the move in the
    # decision's history, which the UPDATE alone would bypass.
    decision._history_user = by  # type: ignore[attr-defined]
    decision.save(update_fields=list(changes))
    return DecisionTransition.objects.create(
        decision=decision,
        from_status=expected,
        to_status=target,
        by=by,
        comment=comment.strip(),
        deferred_until=deferred_until,
    )


def decider_for(decision: Decision, *, submitter: User | None = None) -> User | None:
    """Who must decide if `submitter` sent it now: the named decider, unless they drafted or are
    submitting it (then the next up the escalation route, or the senior owner); else no one."""
    return decider_choice(decision, submitter=submitter).person


def _next_number(initiative: Initiative) -> int:
    # Lock the initiative so two drafts started at once get different numbers.
    Initiative.objects.lock(initiative)
    highest = Decision.objects.filter(initiative=initiative).aggregate(highest=Max("number"))["highest"]
    return (highest or 0) + 1


@transaction.atomic
def decision_create(
    *,
    initiative: Initiative,
    by: User,
    title: str,
    context: str,
    options: str,
    recommendation: str,
    due_date: datetime.date | None = None,
    raci_row: RaciRow | None = None,
    supersedes: Decision | None = None,
    comment: str = "",
) -> Decision:
    if raci_row is not None and raci_row.initiative_id != initiative.pk:
        raise ValueError("The RACI row belongs to another initiative")
    decision = Decision(
        initiative=initiative,
        number=_next_number(initiative),
        title=title,
        context=context,
        options=options,
        recommendation=recommendation,
        due_date=due_date,
        raci_row=raci_row,
        supersedes=supersedes,
        created_by=by,
        status=decision_states.DRAFT,
    )
    decision._history_user = by  # type: ignore[attr-defined]
    decision.save()
    DecisionTransition.objects.create(
        decision=decision,
        from_status=decision_states.NEW,
        to_status=decision_states.target_of(Action.CREATE, decision_states.NEW),
        by=by,
        comment=comment,
    )
    return decision


def not_editable_message(decision: Decision) -> str:
    state = f"{decision.reference} is {decision.get_status_display().lower()}"
    if decision.status in decision_states.DECIDED:
        return f"{state}, so it is never edited. Change it with a new decision instead."
    return f"{state}, so it cannot be edited now."


@transaction.atomic
def decision_update(
    *,
    decision: Decision,
    by: User,
    title: str | Unchanged = UNCHANGED,
    context: str | Unchanged = UNCHANGED,
    options: str | Unchanged = UNCHANGED,
    recommendation: str | Unchanged = UNCHANGED,
    due_date: datetime.date | Unchanged | None = UNCHANGED,
    raci_row: RaciRow | Unchanged | None = UNCHANGED,
) -> Decision:
    """Change the content of a draft, or of a deferred or returned one, never a decided one."""
    if isinstance(raci_row, RaciRow) and raci_row.initiative_id != decision.initiative_id:
        raise ValueError("The RACI row belongs to another initiative")
    content = {
        "title": title,
        "context": context,
        "options": options,
        "recommendation": recommendation,
        "due_date": due_date,
        "raci_row": raci_row,
    }
    stored = Decision.objects.select_for_update().get(pk=decision.pk)
    if not decision_states.is_editable(stored.status):
        decision.refresh_from_db()
        raise DecisionChanged(not_editable_message(decision))
    # Saved, not UPDATEd, so the decision's history records who changed which field.
    apply_changes(stored, content)
    stored._history_user = by  # type: ignore[attr-defined]
    stored.save()
    decision.refresh_from_db()
    return decision


def _send_to_decider(decision: Decision, action: Action, by: User, comment: str) -> Decision:
    # Never to the person sending it, nor to whoever drafted it.
    choice = decider_choice(decision, submitter=by)
    if choice.person is None:
        raise NoDecider(no_decider_message(decision, choice))
    transition = _transition(
        decision, action, by=by, comment=comment, decider=choice.person, decider_reason=choice.why()
    )
    enqueue_on_commit(notify_decision_awaiting, decision.pk, transition.pk)
    return decision


@transaction.atomic
def decision_submit(*, decision: Decision, by: User) -> Decision:
    """Send a draft to the person who must decide, fixing who that is now."""
    return _send_to_decider(decision, Action.SUBMIT, by, "")


@transaction.atomic
def decision_resubmit(*, decision: Decision, by: User, comment: str = "") -> Decision:
    """Send a deferred or returned decision back; the decider is worked out again, as on first submission."""
    return _send_to_decider(decision, Action.RESUBMIT, by, comment)


def revisit_date_problem(action: Action, deferred_until: datetime.date | None) -> str:
    """What is wrong with the date to revisit given with `action` ("" if nothing): a deferral
    needs one, in the future, so it comes back rather than sitting deferred for ever."""
    if action not in decision_states.DATE_REQUIRED:
        return ""
    if deferred_until is None:
        return "Enter the date to revisit this decision"
    if deferred_until <= timezone.localdate():
        return "The date to revisit this decision must be in the future"
    return ""


@transaction.atomic
def decision_decide(
    *,
    decision: Decision,
    by: User,
    action: Action,
    comment: str = "",
    deferred_until: datetime.date | None = None,
) -> Decision:
    """Approve, reject, defer (to a date to revisit it) or return it to its drafter for changes.

    Only the named decider may; all but approving need a reason.
    """
    if action not in decision_states.DECIDING:
        raise ValueError(f"{action} is not a decision")
    if not decision_states.can(action, decision.status):
        raise DecisionChanged(refusal_message(decision, action))
    if decision.decider_id != by.pk:
        raise NotTheDecider(
            f"Only {decision.decider or 'the named decider'} can decide {decision.reference}."
        )
    if own := own_decision(by, decision):
        raise NotTheDecider(f"You {own} {decision.reference}, so you cannot decide it too.")
    if action in decision_states.COMMENT_REQUIRED and not comment.strip():
        raise ValueError(f"A comment is needed to {action} a decision")
    if problem := revisit_date_problem(action, deferred_until):
        raise ValueError(problem)
    transition = _transition(decision, action, by=by, comment=comment, deferred_until=deferred_until)
    # Approving applies what the decision changes; deciding either way freezes what it shows.
    decision_changes_settle(decision=decision, by=by)
    audit.record(
        "decision_decided",
        user_id=by.pk,
        initiative_id=decision.initiative_id,
        decision_id=decision.pk,
        to_status=transition.to_status,
    )
    # Returned: its drafter must act, so they are told; otherwise the programme managers hear the outcome.
    notify = (
        notify_decision_returned if action in decision_states.BACK_TO_DRAFTER else notify_decision_decided
    )
    enqueue_on_commit(notify, decision.pk, transition.pk)
    return decision


@transaction.atomic
def decision_supersede(*, decision: Decision, by: User, reason: str) -> Decision:
    """Change a decided decision: it becomes superseded, unchanged, and a new draft takes its place."""
    if not reason.strip():
        raise ValueError("Say why the decision needs to change")
    _transition(decision, Action.SUPERSEDE, by=by, comment=reason)
    return decision_create(
        initiative=decision.initiative,
        by=by,
        title=decision.title,
        context=decision.context,
        options=decision.options,
        recommendation=decision.recommendation,
        raci_row=decision.raci_row,
        supersedes=decision,
        comment=f"Drafted to change {decision.reference}: {reason.strip()}",
    )


class NotTheDrafter(Exception):
    pass


@transaction.atomic
def decision_withdraw(*, decision: Decision, by: User, reason: str) -> Decision:
    """Its drafter takes a draft or submitted decision back, saying why; it stays in the log's closed view."""
    if decision.created_by_id != by.pk:
        raise NotTheDrafter(f"Only {decision.created_by}, who drafted {decision.reference}, can withdraw it.")
    if not reason.strip():
        raise ValueError("Say why the decision is being withdrawn")
    retirement = {"retired_at": timezone.now(), "retired_by": by, "retirement_reason": reason.strip()}
    _transition(decision, Action.WITHDRAW, by=by, comment=reason, retirement=retirement)
    return decision


def decision_seen(*, decision: Decision, by: User) -> None:
    """The drafter opened the decision: what was decided before now is no longer news on Your work."""
    if decision.created_by_id == by.pk:
        DecisionSeen.objects.update_or_create(
            decision=decision, person=by, defaults={"seen_at": timezone.now()}
        )
