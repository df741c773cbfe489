"""Who may do what with governance records. Every permission is a django-rules predicate combination.

Reading governance records is reading the initiative (initiatives.rules.VIEW_INITIATIVE):
members of participating bodies, assigned assurance reviewers and administrators.
"""

from __future__ import annotations

import rules

from governance.models import Decision
from initiatives.rules import (
    can_edit_initiative,
    can_read_initiative,
    is_administrator,
    is_assurance_reviewer_of,
    is_participant_of,
    is_programme_manager_of,
    member_body_ids,
)

# Objects: the initiative.
CHANGE_RACI = "governance.change_raci"
CHANGE_FORUMS = "governance.change_forums"
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


# Programme managers who still belong to a participating body, or administrators.
manages_initiative = can_edit_initiative

rules.add_perm(CHANGE_RACI, manages_initiative)
rules.add_perm(CHANGE_FORUMS, manages_initiative)
rules.add_perm(ADD_DECISION, manages_initiative)
rules.add_perm(CHANGE_DECISION, is_programme_manager_of_decision | is_administrator)
# Deciding is a named person's right: no administrator override. Django's User.has_perm lets
# active superusers through everything, so views check this one with decide_allowed().
rules.add_perm(DECIDE_DECISION, is_decider_of & is_participant_in_decision)
rules.add_perm(ESCALATE_DECISION, is_programme_manager_of_decision | is_decider_of | is_administrator)


def decide_allowed(user, decision: Decision) -> bool:
    """DECIDE_DECISION exactly as declared, without the superuser shortcut of User.has_perm."""
    return user.is_active and rules.has_perm(DECIDE_DECISION, user, decision)


# --- Shared registers: risks, measures, data definitions, data sharing (issue 5) ---

# On an initiative.
ADD_RISK = "governance.add_risk"
ADD_MEASURE = "governance.add_measure"
ADD_DEFINITION = "governance.add_datadefinition"
# Import, adopt checklist items and record data sharing agreements: the programme managers' work.
MANAGE_REGISTERS = "governance.manage_registers"
# On a risk.
CHANGE_RISK = "governance.change_risk"
ESCALATE_RISK = "governance.escalate_risk"
# On a measure.
CHANGE_MEASURE = "governance.change_measure"
# On a data definition.
CHANGE_DEFINITION = "governance.change_datadefinition"
RECORD_BODY_MEANING = "governance.record_body_meaning"


@rules.predicate
def is_programme_manager_of_initiative_of(user, record) -> bool:
    """The user manages the initiative the record (risk, measure, definition) belongs to."""
    return record is not None and (
        is_programme_manager_of(user, record.initiative) and is_participant_of(user, record.initiative)
    )


@rules.predicate
def is_participant_of_initiative_of(user, record) -> bool:
    return record is not None and is_participant_of(user, record.initiative)


def _is_member_of_taking_part(user, record, body_id: int | None) -> bool:
    if record is None or body_id is None or not user.is_authenticated:
        return False
    # The body must still take part: members of a body that has left lose their rights with it.
    return record.initiative.participations.filter(body_id=body_id, body__memberships__user=user).exists()


@rules.predicate
def is_member_of_owner_body_of(user, record) -> bool:
    """The user belongs to the body that owns the risk or measure."""
    return _is_member_of_taking_part(user, record, getattr(record, "owner_body_id", None))


@rules.predicate
def is_member_of_master_body_of(user, definition) -> bool:
    """The user belongs to the body that masters the data a glossary term describes."""
    return _is_member_of_taking_part(user, definition, getattr(definition, "master_body_id", None))


can_change_owned_record = (
    is_programme_manager_of_initiative_of | is_member_of_owner_body_of | is_administrator
)

# Any participant may add a risk or measure; a member who is not a programme manager adds
# it for their own body (the forms limit the owner body to theirs).
rules.add_perm(ADD_RISK, is_participant_of | is_administrator)
rules.add_perm(ADD_MEASURE, is_participant_of | is_administrator)
rules.add_perm(ADD_DEFINITION, is_participant_of | is_administrator)
rules.add_perm(MANAGE_REGISTERS, manages_initiative)
rules.add_perm(CHANGE_RISK, can_change_owned_record)
rules.add_perm(ESCALATE_RISK, can_change_owned_record)
rules.add_perm(CHANGE_MEASURE, can_change_owned_record)
rules.add_perm(
    CHANGE_DEFINITION, is_programme_manager_of_initiative_of | is_member_of_master_body_of | is_administrator
)
# Every participating body records what a term means to it today.
rules.add_perm(RECORD_BODY_MEANING, is_participant_of_initiative_of | is_administrator)


# Assurance reviews and governance packs.
ASSURANCE_REVIEWERS_GROUP = "Assurance reviewers"

VIEW_ASSURANCE = "governance.view_assurancereview"
ASSIGN_ASSURANCE_REVIEWERS = "governance.assign_assurance_reviewers"
RECORD_ASSURANCE_REVIEW = "governance.add_assurancereview"
CHANGE_ASSURANCE_REVIEW = "governance.change_assurancereview"
COMPLETE_RECOMMENDATION = "governance.complete_recommendation"
VIEW_GOVERNANCE_PACKS = "governance.view_governancepack"
REQUEST_GOVERNANCE_PACK = "governance.add_governancepack"


@rules.predicate
def is_assurance_reviewer(user) -> bool:
    """Eligible to be assigned as a reviewer: an administrator put them in the group in Django admin."""
    return (
        user.is_authenticated
        and user.is_active
        and user.groups.filter(name=ASSURANCE_REVIEWERS_GROUP).exists()
    )


@rules.predicate
def is_author_of_review(user, review) -> bool:
    """The reviewer who recorded the review, while still assigned to the initiative."""
    if review is None or review.reviewer_id != user.pk:
        return False
    return is_assurance_reviewer_of(user, review.initiative)


@rules.predicate
def is_programme_manager_for_recommendation(user, recommendation) -> bool:
    if recommendation is None:
        return False
    initiative = recommendation.review.initiative
    return is_programme_manager_of(user, initiative) and is_participant_of(user, initiative)


@rules.predicate
def is_member_of_recommendation_owner_body(user, recommendation) -> bool:
    if recommendation is None or not user.is_authenticated:
        return False
    return recommendation.owner_body_id in member_body_ids(user)


rules.add_perm(VIEW_ASSURANCE, can_read_initiative)
rules.add_perm(ASSIGN_ASSURANCE_REVIEWERS, can_edit_initiative)
# Reviewers record reviews; nothing else in the initiative is theirs to change.
rules.add_perm(RECORD_ASSURANCE_REVIEW, is_assurance_reviewer_of)
rules.add_perm(CHANGE_ASSURANCE_REVIEW, is_author_of_review)
rules.add_perm(
    COMPLETE_RECOMMENDATION, is_programme_manager_for_recommendation | is_member_of_recommendation_owner_body
)
rules.add_perm(VIEW_GOVERNANCE_PACKS, can_read_initiative)
rules.add_perm(
    REQUEST_GOVERNANCE_PACK,
    (is_programme_manager_of & is_participant_of) | is_assurance_reviewer_of | is_administrator,
)
