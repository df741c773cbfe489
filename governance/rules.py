"""Who may do what with governance records. Every permission is a django-rules predicate combination."""

from __future__ import annotations

import rules

from initiatives.rules import is_administrator, is_participant_of, is_programme_manager_of

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


can_manage_registers = (is_programme_manager_of & is_participant_of) | is_administrator
can_change_owned_record = (
    is_programme_manager_of_initiative_of | is_member_of_owner_body_of | is_administrator
)

# Any participant may add a risk or measure; a member who is not a programme manager adds
# it for their own body (the forms limit the owner body to theirs).
rules.add_perm(ADD_RISK, is_participant_of | is_administrator)
rules.add_perm(ADD_MEASURE, is_participant_of | is_administrator)
rules.add_perm(ADD_DEFINITION, is_participant_of | is_administrator)
rules.add_perm(MANAGE_REGISTERS, can_manage_registers)
rules.add_perm(CHANGE_RISK, can_change_owned_record)
rules.add_perm(ESCALATE_RISK, can_change_owned_record)
rules.add_perm(CHANGE_MEASURE, can_change_owned_record)
rules.add_perm(
    CHANGE_DEFINITION, is_programme_manager_of_initiative_of | is_member_of_master_body_of | is_administrator
)
# Every participating body records what a term means to it today.
rules.add_perm(RECORD_BODY_MEANING, is_participant_of_initiative_of | is_administrator)
