"""Who may read and ask for governance packs."""

import rules

from initiatives.rules import (
    can_read_initiative,
    is_administrator,
    is_assurance_reviewer_of,
    is_participant_of,
    is_programme_manager_of,
)

VIEW_GOVERNANCE_PACKS = "governance.view_governancepack"
REQUEST_GOVERNANCE_PACK = "governance.add_governancepack"

rules.add_perm(VIEW_GOVERNANCE_PACKS, can_read_initiative)
rules.add_perm(
    REQUEST_GOVERNANCE_PACK,
    (is_programme_manager_of & is_participant_of) | is_assurance_reviewer_of | is_administrator,
)
