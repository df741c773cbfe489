"""Emails about decisions, sent by the tasks in governance.decisions.tasks.

Each is keyed on the transition that caused it, so a message delayed in the queue is
dropped once the decision has moved on (a stale "awaiting you" never arrives after a decision).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from governance.decisions import states as decision_states
from governance.decisions.models import Decision, DecisionTransition
from governance.decisions.states import Action
from initiatives.models import Initiative, User


def decision_url(decision: Decision) -> str:
    return f"{settings.SITE_URL}{decision.get_absolute_url()}"


def _load(decision_id: int, transition_id: int) -> tuple[Decision, DecisionTransition] | None:
    decision = (
        Decision.objects.select_related("initiative", "decider", "created_by").filter(pk=decision_id).first()
    )
    if decision is None:
        return None
    transition = decision.transitions.select_related("by").filter(pk=transition_id).first()
    latest = decision.transitions.newest_first().values_list("pk", flat=True).first()
    if transition is None or transition.pk != latest:
        return None
    return decision, transition


def send_decision_awaiting(*, decision_id: int, transition_id: int) -> bool:
    """Tell the decider; only while the decision still awaits them from this submission."""
    loaded = _load(decision_id, transition_id)
    if loaded is None:
        return False
    decision, transition = loaded
    if (
        decision.status != decision_states.SUBMITTED
        or decision.decider is None
        or not decision.decider.is_active
    ):
        return False
    context = {"decision": decision, "transition": transition, "url": decision_url(decision)}
    send_mail(
        subject=f"Decision needed: {decision.reference} {decision.title}",
        message=render_to_string("governance/decisions/email/decision_awaiting.txt", context),
        from_email=None,
        recipient_list=[decision.decider.email],
    )
    return True


def send_decision_decided(*, decision_id: int, transition_id: int) -> bool:
    """Tell the programme managers the outcome, with the decider's comment."""
    loaded = _load(decision_id, transition_id)
    if loaded is None:
        return False
    decision, transition = loaded
    if transition.to_status not in decision_states.OUTCOMES:
        return False
    recipients = list(
        User.objects.managing(decision.initiative).filter(is_active=True).values_list("email", flat=True)
    )
    if not recipients:
        return False
    context = {
        "decision": decision,
        "transition": transition,
        "url": decision_url(decision),
        "can_resubmit": decision_states.can(Action.RESUBMIT, transition.to_status),
    }
    send_mail(
        subject=f"{decision.reference} {transition.get_to_status_display().lower()}: {decision.title}",
        message=render_to_string("governance/decisions/email/decision_decided.txt", context),
        from_email=None,
        recipient_list=recipients,
    )
    return True


def _one_line(text: str) -> str:
    # A subject is one header line: a line break in a title must not end it (or fail the send).
    return " ".join(text.split())


def send_decision_returned(*, decision_id: int, transition_id: int) -> bool:
    """Tell the drafter the decider returned it for changes; only while it is still with them."""
    loaded = _load(decision_id, transition_id)
    if loaded is None:
        return False
    decision, transition = loaded
    drafter = decision.created_by
    if decision.status != decision_states.RETURNED or not drafter.is_active:
        return False
    if not Initiative.objects.visible_to(drafter).filter(pk=decision.initiative_id).exists():
        return False  # No longer takes part, so no longer told about it.
    context = {"decision": decision, "transition": transition, "url": decision_url(decision)}
    send_mail(
        subject=_one_line(f"{decision.reference} returned for changes: {decision.title}"),
        message=render_to_string("governance/decisions/email/decision_returned.txt", context),
        from_email=None,
        recipient_list=[drafter.email],
    )
    return True
