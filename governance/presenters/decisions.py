"""Shaping decision pages: what the reader sees and which actions they are offered."""

from __future__ import annotations

from dataclasses import dataclass

from governance import decision_states
from governance.forms.decisions import DecideForm, ResubmitForm
from governance.models import Decision, DecisionTransition, Escalation
from governance.rules import CHANGE_DECISION, ESCALATE_DECISION, decide_allowed
from governance.services.decisions import decider_for
from governance.services.escalation import CannotEscalate, NextStep, escalation_next_step
from initiatives.models import User


@dataclass
class DecisionPage:
    decision: Decision
    options: list[str]
    trail: list[DecisionTransition]
    escalations: list[Escalation]
    superseded_by: Decision | None
    # For a draft: who would decide if it were submitted now (None: no one, so it cannot be).
    would_decide: User | None
    can_edit: bool
    can_submit: bool
    can_resubmit: bool
    can_decide: bool
    can_change: bool
    can_escalate: bool
    escalation_step: NextStep | None
    escalation_refusal: str
    decide_form: DecideForm | None
    resubmit_form: ResubmitForm | None

    @property
    def has_actions(self) -> bool:
        return any((self.can_edit, self.can_submit, self.can_resubmit, self.can_change, self.can_escalate))


def decision_page(
    decision: Decision,
    user: User,
    *,
    decide_form: DecideForm | None = None,
    resubmit_form: ResubmitForm | None = None,
) -> DecisionPage:
    status = decision.status
    manages = user.has_perm(CHANGE_DECISION, decision)
    can_decide = status == decision_states.SUBMITTED and decide_allowed(user, decision)
    can_resubmit = manages and status == decision_states.DEFERRED
    step, refusal = None, ""
    escalates = status in decision_states.OPEN and user.has_perm(ESCALATE_DECISION, decision)
    if escalates:
        try:
            step = escalation_next_step(initiative=decision.initiative, item=decision)
        except CannotEscalate as reason:
            refusal = str(reason)
    return DecisionPage(
        decision=decision,
        options=[line.strip() for line in decision.options.splitlines() if line.strip()],
        trail=list(decision.transitions.select_related("by").order_by("at", "pk")),
        escalations=list(
            decision.escalations.select_related("from_level", "to_level", "escalated_by").order_by(
                "escalated_at"
            )
        ),
        superseded_by=Decision.objects.filter(supersedes=decision).first(),
        would_decide=decider_for(decision) if status == decision_states.DRAFT else None,
        can_edit=manages and status in decision_states.EDITABLE,
        can_submit=manages and status == decision_states.DRAFT,
        can_resubmit=can_resubmit,
        can_decide=can_decide,
        can_change=manages and status in (decision_states.APPROVED, decision_states.REJECTED),
        can_escalate=escalates and step is not None,
        escalation_step=step,
        escalation_refusal=refusal,
        decide_form=(decide_form or DecideForm()) if can_decide else None,
        resubmit_form=(resubmit_form or ResubmitForm()) if can_resubmit else None,
    )
