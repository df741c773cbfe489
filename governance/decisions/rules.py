"""Who may draft, change, decide and escalate decisions."""

from __future__ import annotations

import rules

from governance.decisions.duties import own_decision
from governance.decisions.models import Decision
from governance.predicates import manages_initiative
from initiatives.rules import is_administrator, is_participant_of, is_programme_manager_of

# Object: the initiative.
ADD_DECISION = "governance.add_decision"
# Objects: the decision.
CHANGE_DECISION = "governance.change_decision"
DECIDE_DECISION = "governance.decide_decision"
ESCALATE_DECISION = "governance.escalate_decision"


@rules.predicate
def is_decider_of(user, decision: Decision) -> bool:
    """The person named, at submission, to take this decision."""
    return user.is_authenticated and decision is not None and decision.decider_id == user.pk


@rules.predicate
def is_programme_manager_of_decision(user, decision: Decision) -> bool:
    """A programme manager of the decision's initiative who still belongs to a participating body."""
    if decision is None:
        return False
    initiative = decision.initiative
    return is_programme_manager_of(user, initiative) and is_participant_of(user, initiative)


@rules.predicate
def is_participant_in_decision(user, decision: Decision) -> bool:
    return decision is not None and is_participant_of(user, decision.initiative)


rules.add_perm(ADD_DECISION, manages_initiative)
rules.add_perm(CHANGE_DECISION, is_programme_manager_of_decision | is_administrator)


# Deciding is a named person's right: no administrator override. Django's User.has_perm lets
# active superusers through everything, so views check this one with decide_allowed().
@rules.predicate
def drafted_or_submitted(user, decision: Decision) -> bool:
    """Separation of duties: whoever drafted or submitted a decision never decides it."""
    return decision is not None and bool(own_decision(user, decision))


rules.add_perm(DECIDE_DECISION, is_decider_of & is_participant_in_decision & ~drafted_or_submitted)
rules.add_perm(ESCALATE_DECISION, is_programme_manager_of_decision | is_decider_of | is_administrator)


def decide_allowed(user, decision: Decision) -> bool:
    """DECIDE_DECISION exactly as declared, without the superuser shortcut of User.has_perm."""
    return user.is_active and rules.has_perm(DECIDE_DECISION, user, decision)


@rules.predicate
def is_drafter_of(user, decision: Decision) -> bool:
    """The person who drafted the decision."""
    return user.is_authenticated and decision is not None and decision.created_by_id == user.pk


# Taking a draft or submitted decision back is its drafter's own act, while they still take part.
WITHDRAW_DECISION = "governance.withdraw_decision"
rules.add_perm(WITHDRAW_DECISION, is_drafter_of & is_participant_in_decision)


# Sending again an email about a decision that did not reach someone.
RESEND_DECISION_EMAIL = "governance.resend_decision_email"
rules.add_perm(RESEND_DECISION_EMAIL, is_programme_manager_of_decision | is_administrator)
