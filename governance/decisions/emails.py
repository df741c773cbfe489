"""Emails about decisions, sent by the tasks in governance.decisions.tasks.

Each is keyed on the transition that caused it, so a message delayed in the queue is
dropped once the decision has moved on (a stale "awaiting you" never arrives after a decision).
Who is told is worked out when the email goes, not when it was asked for: a person who has since
left, or whose body no longer takes part, is not told.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from collab.outbox import safe_subject
from governance.decisions import states as decision_states
from governance.decisions.models import Decision, DecisionEmailFailure, DecisionTransition
from governance.decisions.states import Action
from initiatives.models import User
from people.account.services import email_frequency
from people.models import EmailFrequency, EmailKind
from people.notifications import notify

AWAITING = DecisionEmailFailure.Kind.AWAITING
DECIDED = DecisionEmailFailure.Kind.DECIDED
RETURNED = DecisionEmailFailure.Kind.RETURNED
# The kinds of decision email a person chooses how to receive (people.models.EmailKind).
PREFERENCES: dict[str, str] = {AWAITING: EmailKind.DECISIONS_AWAITING, RETURNED: EmailKind.DECISIONS_RETURNED}
TEMPLATES: dict[str, str] = {
    AWAITING: "governance/decisions/email/decision_awaiting.txt",
    DECIDED: "governance/decisions/email/decision_decided.txt",
    RETURNED: "governance/decisions/email/decision_returned.txt",
}


def decision_url(decision: Decision) -> str:
    return f"{settings.SITE_URL}{decision.get_absolute_url()}"


def _load(decision_id: int, transition_id: int) -> tuple[Decision, DecisionTransition] | None:
    decision = Decision.objects.select_related("initiative", "decider").filter(pk=decision_id).first()
    if decision is None:
        return None
    transition = decision.transitions.select_related("by").filter(pk=transition_id).first()
    latest = decision.transitions.newest_first().values_list("pk", flat=True).first()
    if transition is None or transition.pk != latest:
        return None
    return decision, transition


def _still_due(kind: str, decision: Decision, transition: DecisionTransition) -> bool:
    if kind == AWAITING:
        return decision.status == decision_states.SUBMITTED
    if kind == RETURNED:
        return decision.status == decision_states.RETURNED
    return transition.to_status in decision_states.OUTCOMES


def recipients(kind: str, decision: Decision) -> list[User]:
    """Who is told now: the decider, the drafter, or the programme managers, while they can still see
    the initiative."""
    people = User.objects.working_on(decision.initiative)
    if kind in (AWAITING, RETURNED):
        return list(people.filter(pk=decision.decider_id if kind == AWAITING else decision.created_by_id))
    return list(people.filter(pk__in=User.objects.managing(decision.initiative).values("pk")).order_by("pk"))


def recipient_ids(*, kind: str, decision_id: int, transition_id: int) -> list[int]:
    """Whom to email about this step, if it is still the decision's latest and still worth telling."""
    loaded = _load(decision_id, transition_id)
    if loaded is None or not _still_due(kind, *loaded):
        return []
    return [person.pk for person in recipients(kind, loaded[0])]


def _message(kind: str, decision: Decision, transition: DecisionTransition, person: User) -> tuple[str, str]:
    context = {
        "decision": decision,
        "transition": transition,
        "person": person,
        "url": decision_url(decision),
    }
    if kind == AWAITING:
        subject = f"Decision needed: {decision.reference} {decision.title}"
    elif kind == RETURNED:
        subject = f"{decision.reference} returned for changes: {decision.title}"
    else:
        context["can_resubmit"] = decision_states.can(Action.RESUBMIT, transition.to_status)
        subject = f"{decision.reference} {transition.get_to_status_display().lower()}: {decision.title}"
    return subject, render_to_string(TEMPLATES[kind], context)


def _digest_line(kind: str, decision: Decision, transition: DecisionTransition) -> str:
    named = f"{decision.reference} {decision.title} in {decision.initiative.title}"
    if kind == AWAITING:
        return f"Decision {named} awaits your decision."
    return f"{transition.by} returned decision {named} to you for changes: {transition.comment}"


def send_decision_email(*, kind: str, decision_id: int, transition_id: int, user_id: int) -> bool:
    """Email one person about one step, if it is still due and they may still see the initiative."""
    loaded = _load(decision_id, transition_id)
    if loaded is None or not _still_due(kind, *loaded):
        return False
    decision, transition = loaded
    person = next((each for each in recipients(kind, decision) if each.pk == user_id), None)
    if person is None:
        return False
    subject, body = _message(kind, decision, transition, person)
    if (
        kind in PREFERENCES
        and email_frequency(person=person, kind=PREFERENCES[kind]) != EmailFrequency.IMMEDIATE
    ):
        # Once a day, or not at all: notify keeps it for the digest or drops it, as they chose.
        notify(
            person=person,
            kind=PREFERENCES[kind],
            key=f"decision:{decision.pk}:{kind}:{transition.pk}",
            subject=subject,
            message=_digest_line(kind, decision, transition),
            url=decision.get_absolute_url(),
        )
        return False
    send_mail(subject=safe_subject(subject), message=body, from_email=None, recipient_list=[person.email])
    return True


def email_failure_record(
    *, kind: str, decision_id: int, transition_id: int, user_id: int, reason: str
) -> None:
    """Note on the decision that this person was not told, and why, for a programme manager to see."""
    person = User.objects.filter(pk=user_id).first()
    if person is None or not Decision.objects.filter(pk=decision_id).exists():
        return
    DecisionEmailFailure.objects.create(
        decision_id=decision_id,
        transition_id=transition_id,
        kind=kind,
        recipient=person,
        address=person.email,
        reason=reason,
    )
