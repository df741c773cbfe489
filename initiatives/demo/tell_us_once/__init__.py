"""Tell Us Once for bereavement: an active partnership led by DWP, exchanging records as a
data-sharing partnership.

Its records show most of the service at work: an assessment re-run once the exchange of
records was agreed; a valid RACI matrix with one warning (HMPO only benefits); three forums
and a three-level escalation route; decisions approved, rejected, deferred and escalated, one
superseded by a second version awaiting the senior owner, one still a draft; risks that worsened,
are overdue for review, unowned or closed; measures with a year of readings; terms agreed,
proposed and disputed; a data sharing agreement; and two assurance reviews.
"""

from __future__ import annotations

from initiatives.demo.story import Story
from initiatives.demo.tell_us_once.assurance import REVIEWS
from initiatives.demo.tell_us_once.decision_rights import (
    DECISIONS,
    ESCALATION_ROUTE,
    FORUMS,
    RACI_COLUMNS,
    RACI_ROWS,
)
from initiatives.demo.tell_us_once.initiative import FIRST_ASSESSMENT, INITIATIVE, LATEST_ASSESSMENT
from initiatives.demo.tell_us_once.registers import AGREEMENTS, DEFINITIONS, MEASURES, RISKS

STORY = Story(
    initiative=INITIATIVE,
    assessments=(FIRST_ASSESSMENT, LATEST_ASSESSMENT),
    raci_columns=RACI_COLUMNS,
    raci_rows=RACI_ROWS,
    forums=FORUMS,
    escalation_route=ESCALATION_ROUTE,
    decisions=DECISIONS,
    risks=RISKS,
    measures=MEASURES,
    definitions=DEFINITIONS,
    agreements=AGREEMENTS,
    reviews=REVIEWS,
)
