"""Predicates the governance domains share: who manages an initiative, and who owns a record in it.

Reading governance records is reading the initiative (initiatives.rules.VIEW_INITIATIVE):
members of participating bodies, assigned assurance reviewers and administrators.
"""

from __future__ import annotations

import rules

from initiatives.rules import can_edit_initiative, is_participant_of, is_programme_manager_of

# Programme managers who still belong to a participating body, or administrators.
manages_initiative = can_edit_initiative

# Import, adopt checklist items and record data sharing agreements: the programme managers' work.
MANAGE_REGISTERS = "governance.manage_registers"
rules.add_perm(MANAGE_REGISTERS, manages_initiative)


@rules.predicate
def is_programme_manager_of_initiative_of(user, record) -> bool:
    """The user manages the initiative the record (risk, measure, definition) belongs to."""
    return record is not None and (
        is_programme_manager_of(user, record.initiative) and is_participant_of(user, record.initiative)
    )


@rules.predicate
def is_participant_of_initiative_of(user, record) -> bool:
    return record is not None and is_participant_of(user, record.initiative)


def is_member_of_taking_part(user, record, body_id: int | None) -> bool:
    if record is None or body_id is None or not user.is_authenticated:
        return False
    # The body must still take part: members of a body that has left lose their rights with it.
    return record.initiative.participations.with_member(user).filter(body_id=body_id).exists()


@rules.predicate
def is_member_of_owner_body_of(user, record) -> bool:
    """The user belongs to the body that owns the risk or measure."""
    return is_member_of_taking_part(user, record, getattr(record, "owner_body_id", None))
