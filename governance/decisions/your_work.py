"""Your work, decisions: those awaiting the person's decision, those back with them as drafter,
and those decided since they last looked. Registered in governance's AppConfig.ready."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from collab.govuk_forms import date_text
from governance.decisions import states as decision_states
from governance.decisions.models import Decision, DecisionTransition
from initiatives.models import User
from initiatives.your_work import WorkItem, WorkItems, WorkKind


def _item(decision: Decision, hint: str, status: str, status_label: str) -> WorkItem:
    return WorkItem(
        title=str(decision),
        context=decision.initiative.title,
        href=decision.get_absolute_url(),
        hint=f"{decision.initiative.title}. {hint}",
        status=status,
        status_label=status_label,
    )


def _quoted(comment: str) -> str:
    return f" “{comment}”" if comment else ""


def decisions_awaiting_you(user: User) -> WorkKind:
    today = timezone.localdate()
    items = []
    for decision in Decision.objects.awaiting_decision_by(user):
        needed_by = (
            f"Needed by {date_text(decision.due_date)}." if decision.due_date else "Needed by: not set."
        )
        overdue = decision.due_date is not None and decision.due_date < today
        items.append(
            _item(
                decision, needed_by, *(("overdue", "Overdue") if overdue else ("submitted", "Awaiting you"))
            )
        )
    return WorkKind("decisions-awaiting", "Decisions awaiting you", items)


def decisions_back_with_you(user: User) -> WorkKind:
    """Returned for changes (with the decider's comment), or deferred and due for revisit."""
    decisions = list(Decision.objects.back_with_drafter(user))
    latest = DecisionTransition.objects.latest_of(decisions)
    items = []
    for decision in decisions:
        step, by = latest[decision.pk], latest[decision.pk].by.full_name
        if decision.due_for_revisit:
            why = f"Deferred by {by} until {date_text(decision.deferred_until)}: due for revisit."
            items.append(_item(decision, why + _quoted(step.comment), "deferred", "Due for revisit"))
        else:
            why = f"{decision.get_status_display()} by {by}, {date_text(timezone.localdate(step.at))}."
            items.append(_item(decision, why + _quoted(step.comment), "returned", "Returned for changes"))
    return WorkKind("decisions-back", "Decisions back with you", items)


def decisions_decided_since_you_looked(user: User) -> WorkKind:
    """Approved, rejected or deferred by someone else since the drafter last opened them."""

    def item(decision: Any) -> WorkItem:
        """A Decision from decided_since_drafter_looked(), with its latest step's annotations."""
        label = decision.get_status_display()
        if decision.status == decision_states.DEFERRED and decision.deferred_until:
            label = f"Deferred until {date_text(decision.deferred_until)}"
        when = date_text(timezone.localdate(decision.decided_at))
        why = f"{decision.get_status_display()} by {decision.decided_by_name}, {when}."
        return _item(decision, why + _quoted(decision.decided_comment), decision.status, label)

    return WorkKind(
        "decisions-decided",
        "Your decisions decided since you last looked",
        WorkItems(Decision.objects.decided_since_drafter_looked(user), item),
    )
