"""Who may add, change and escalate risks."""

import rules

from governance.predicates import is_member_of_owner_body_of, is_programme_manager_of_initiative_of
from initiatives.rules import is_administrator, is_participant_of

# On an initiative.
ADD_RISK = "governance.add_risk"
# On a risk.
CHANGE_RISK = "governance.change_risk"
ESCALATE_RISK = "governance.escalate_risk"

can_change_owned_record = (
    is_programme_manager_of_initiative_of | is_member_of_owner_body_of | is_administrator
)

# Any participant may add a risk; a member who is not a programme manager adds it for their
# own body (the form limits the owner body to theirs).
rules.add_perm(ADD_RISK, is_participant_of | is_administrator)
rules.add_perm(CHANGE_RISK, can_change_owned_record)
rules.add_perm(ESCALATE_RISK, can_change_owned_record)
