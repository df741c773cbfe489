"""Who may set an initiative up from its operating model."""

import rules

from governance.predicates import manages_initiative

# Object: the initiative.
SET_UP_INITIATIVE = "governance.set_up_initiative"

rules.add_perm(SET_UP_INITIATIVE, manages_initiative)
