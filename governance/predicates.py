"""Predicates the governance domains share: who manages an initiative, and who owns a record in it.

Reading governance records is reading the initiative (initiatives.rules.VIEW_INITIATIVE):
members of participating bodies, assigned assurance reviewers and administrators.
"""

from __future__ import annotations

import rules

from initiatives.rules import (
    can_edit_initiative,
    is_participant_of,
    is_programme_manager_of,
    member_body_ids,
    remembered,
)

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
    if body_id not in member_body_ids(user):
        return False
    # The body must still take part: members of a body that has left lose their rights with it.
    initiative = record.initiative
    return body_id in remembered(
        user,
        ("participating bodies", initiative.pk),
        lambda: frozenset(initiative.participations.values_list("body_id", flat=True)),
    )


@rules.predicate
def is_member_of_owner_body_of(user, record) -> bool:
    """The user belongs to the body that owns the risk or measure."""
    return is_member_of_taking_part(user, record, getattr(record, "owner_body_id", None))
