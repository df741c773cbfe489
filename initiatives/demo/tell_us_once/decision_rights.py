"""Tell Us Once: who decides what (RACI), where (forums), how issues go up, and its decisions."""

from __future__ import annotations

RACI_COLUMNS = (
    ("DWP", "Senior responsible owner", "senior_owner"),
    ("DWP", "", None),
    ("HMRC", "", "partner_member"),
    ("MCC", "", "council_member"),
    ("HMPO", "", None),
    ("NHSE", "", "nhs_member"),
)
# One letter per column: DWP SRO, DWP, HMRC, MCC, HMPO, NHSE. HMPO only benefits, so it is
# never R or A: the matrix saves, with one warning about it.
RACI_ROWS = (
    ("Approve the business case", "decision", "ARCCII"),
    ("Approve the data sharing agreement", "decision", "ARRCIC"),
    ("Own the shared risk register", "activity", "IARRI-"),
    ("Own data definitions", "activity", "-RARCR"),
    ("Report shared measures", "activity", "IARRI-"),
    ("Complete the data protection impact assessment", "activity", "IARRIC"),
    ("Decide the order in which councils join", "decision", "ARCRI-"),
)

BOARD = "Tell Us Once programme board"
FORUMS = (
    {
        "name": BOARD,
        "bodies": ("DWP", "HMRC", "MCC", "HMPO"),
        "purpose": "decisions",
        "chair": "senior_owner",
        "members": "DWP director, bereavement services (chair)\nHMRC deputy director, personal tax\n"
        "Manchester head of registration\nHMPO head of passport operations",
        "cadence": "monthly",
        "terms_of_reference": "Takes the decisions the senior owner does not take alone; "
        "agrees scope and the order in which bodies join.",
    },
    {
        "name": "Delivery working group",
        "bodies": ("DWP", "HMRC", "MCC"),
        "purpose": "delivery",
        "chair": "programme_manager",
        "members": "Workstream leads from each body",
        "cadence": "fortnightly",
    },
    {
        "name": "Joint risk review",
        "bodies": ("DWP", "HMRC", "MCC", "NHSE"),
        "purpose": "risk",
        "chair": "programme_manager",
        "cadence": "monthly",
    },
)
ESCALATION_ROUTE = (
    {
        "name": "Workstream leads",
        "who": "Workstream leads in each body",
        "threshold": "Not resolved within two weeks, or it affects another body's service",
    },
    {
        "name": "Programme board",
        "who": "Tell Us Once programme board, chaired by David Okafor",
        "forum": BOARD,
        "threshold": "A risk scoring 15 or more; a change to scope, to the data sharing agreement, "
        "or costing over £250,000",
    },
    {
        "name": "Senior owners' group",
        "who": "Directors general of DWP and HMRC",
        "threshold": "The bodies cannot agree, or it needs a minister",
    },
)

AGREEMENT_V1 = "Approve version 1 of the data sharing agreement"
DECISIONS = (
    {
        "title": "Approve the Tell Us Once business case",
        "context": "Families currently tell up to 10 bodies about a death. The outline business case sets "
        "out the joint cost of £4.2m over three years and the savings to each body.",
        "options": "Approve the business case\nApprove it for DWP and HMRC only\nDo nothing",
        "recommendation": "Approve the business case, so every partner body can plan its share of the work.",
        "raci_row": "Approve the business case",
        "submitted": True,
        "decided": ("approve", "Approved. Report savings by body each quarter."),
    },
    {
        "title": AGREEMENT_V1,
        "context": "HMRC and DWP need a signed agreement before any record of a death is exchanged.",
        "options": "Approve version 1\nWait for the council's legal review",
        "recommendation": "Approve version 1 so the pilot can start in Manchester.",
        "raci_row": "Approve the data sharing agreement",
        "submitted": True,
        "decided": ("approve", "Approved for the Manchester pilot."),
    },
    {
        "title": "Bring HM Passport Office into the first release",
        "context": "HMPO could cancel a passport automatically, but its systems change in the autumn.",
        "options": "Include HMPO in release 1\nInclude HMPO in release 2",
        "recommendation": "Include HMPO in release 1.",
        "submitted": True,
        "decided": ("reject", "Too risky while HMPO's systems are changing. Bring it back for release 2."),
    },
    {
        "title": "Decide the order in which councils join",
        "due_in_days": 45,
        "context": "Twelve councils want to join after Manchester. Each needs two weeks of support.",
        "options": "By size, largest first\nBy readiness\nAll at once",
        "recommendation": "By readiness, so the first wave proves the support model.",
        "raci_row": "Decide the order in which councils join",
        "submitted": True,
        "decided": ("defer", "Come back with a readiness assessment for each council."),
        "revisit_in_days": 30,
        "escalated": "Councils outside the pilot want a say in the order: "
        "this affects bodies beyond the workstream.",
    },
    {
        "supersedes": AGREEMENT_V1,
        "reason": "The council's legal review asks for a shorter retention period: "
        "the agreement needs a new version.",
        "title": "Approve version 2 of the data sharing agreement",
        "due_in_days": 10,
        "context": "Manchester's legal review asks that records of a death are kept for 6 months, not 12. "
        "Version 2 makes that change and adds NHS England as a consulted party.",
        "options": "Approve version 2\nKeep version 1 and record the council's objection",
        "recommendation": "Approve version 2: it meets the council's concern and changes nothing else.",
        "submitted": True,
    },
    {
        "title": "Agree what “date of death notified” means",
        "due_in_days": 60,
        "context": "DWP counts from the registration; HMRC counts from when its systems receive the notice.",
        "options": "Use the registration date\nUse the date each body receives it",
        "recommendation": "Use the registration date, so the 10-day promise means the same in every body.",
        "raci_row": "Own data definitions",
    },
    {
        "title": "Buy a separate notification service for councils",
        "context": "Councils asked for their own way to receive notices before the platform was chosen.",
        "options": "Buy a service for councils\nUse the shared platform",
        "recommendation": "Buy a service for councils.",
        "submitted": True,
        "withdrawn": "The shared platform now sends notices to councils too: nothing is left to decide.",
    },
)
