"""Who may change an initiative's RACI matrix."""

import rules

from governance.predicates import manages_initiative

# Object: the initiative.
CHANGE_RACI = "governance.change_raci"

rules.add_perm(CHANGE_RACI, manages_initiative)
