"""Who may add and change shared measures and their readings."""

import rules

from governance.predicates import is_member_of_owner_body_of, is_programme_manager_of_initiative_of
from initiatives.rules import is_administrator, is_participant_of

# On an initiative.
ADD_MEASURE = "governance.add_measure"
# On a measure.
CHANGE_MEASURE = "governance.change_measure"

# Any participant may add a measure; a member who is not a programme manager adds it for
# their own body (the form limits the owner body to theirs).
rules.add_perm(ADD_MEASURE, is_participant_of | is_administrator)
rules.add_perm(
    CHANGE_MEASURE, is_programme_manager_of_initiative_of | is_member_of_owner_body_of | is_administrator
)
