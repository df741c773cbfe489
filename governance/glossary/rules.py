"""Who may add and change the shared glossary's terms and each body's meaning."""

import rules

from governance.predicates import (
    is_member_of_taking_part,
    is_participant_of_initiative_of,
    is_programme_manager_of_initiative_of,
)
from initiatives.rules import is_administrator, is_participant_of

# On an initiative.
ADD_DEFINITION = "governance.add_datadefinition"
# On a data definition.
CHANGE_DEFINITION = "governance.change_datadefinition"
RECORD_BODY_MEANING = "governance.record_body_meaning"


@rules.predicate
def is_member_of_master_body_of(user, definition) -> bool:
    """The user belongs to the body that masters the data a glossary term describes."""
    return is_member_of_taking_part(user, definition, getattr(definition, "master_body_id", None))


rules.add_perm(ADD_DEFINITION, is_participant_of | is_administrator)
rules.add_perm(
    CHANGE_DEFINITION, is_programme_manager_of_initiative_of | is_member_of_master_body_of | is_administrator
)
# Every participating body records what a term means to it today.
rules.add_perm(RECORD_BODY_MEANING, is_participant_of_initiative_of | is_administrator)
