"""Who may change an initiative's forums and escalation route."""

import rules

from governance.predicates import manages_initiative

# Object: the initiative.
CHANGE_FORUMS = "governance.change_forums"

rules.add_perm(CHANGE_FORUMS, manages_initiative)
