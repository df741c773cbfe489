"""Tell Us Once: the shared risk register, measures, data definitions and data sharing agreement."""

from __future__ import annotations

RISKS = (
    {
        "by": "programme_manager",
        "title": "Death notifications reach some bodies days late",
        "cause": "Registrars batch notifications overnight and two partner systems poll them weekly.",
        "effect": "Payments continue after a death, and families are chased for overpayments.",
        "category": "operations",
        "owner_body": "DWP",
        "owner": "programme_manager",
        "is_joint": True,
        "appetite": "minimal",
        "treatment": "treat",
        "proximity": "imminent",
        "escalation_threshold": 15,
        "review_in_days": 10,
        "positions": ((4, 4), (3, 4), (2, 2)),
        # The position worsened when a partner's polling job failed: kept in the score history.
        "rescored": (4, 5),
        "actions": (
            {
                "kind": "control",
                "description": (
                    "Daily reconciliation of notifications sent against notifications acknowledged"
                ),
                "owner_body": "DWP",
                "owner": "programme_manager",
                "due_in_days": 7,
            },
            {
                "kind": "action",
                "description": "Move HMRC and the council to the real-time notification feed",
                "owner_body": "HMRC",
                "owner": "partner_member",
                "due_in_days": 45,
            },
        ),
    },
    {
        "by": "partner_member",
        "title": "Bodies match the deceased to different records",
        "cause": "Each body matches on its own identifiers; some records lack a National Insurance number.",
        "effect": "The wrong person's account is closed, or the right one is left open.",
        "category": "information",
        "owner_body": "HMRC",
        "owner": "partner_member",
        "is_joint": True,
        "appetite": "averse",
        "treatment": "treat",
        "proximity": "near",
        "escalation_threshold": 15,
        # Last reviewed too long ago: flagged as overdue.
        "review_in_days": -12,
        "positions": ((4, 4), (3, 4), (1, 3)),
        "actions": (
            {
                "kind": "action",
                "description": "Agree a shared matching rule on NINO, name and date of birth",
                "owner_body": "HMRC",
                "owner": "partner_member",
                "due_in_days": 30,
            },
        ),
    },
    {
        "by": "programme_manager",
        "title": "Families are asked for the same details twice",
        "cause": (
            "Partner bodies do not yet trust the shared notification and write to the family themselves."
        ),
        "effect": "Bereaved families repeat distressing conversations; the service loses their confidence.",
        "category": "reputational",
        "is_joint": True,
        "appetite": "cautious",
        "treatment": "treat",
        "review_in_days": 20,
        "positions": ((4, 3), (3, 3), (1, 2)),
    },
    {
        "by": "council_member",
        "title": "Council registration system cannot send the new notification format",
        "cause": "The supplier's next release is not due until the spring.",
        "effect": "Manchester notifications fall back to paper for another quarter.",
        "category": "technology",
        "owner_body": "MCC",
        "owner": "council_member",
        "appetite": "open",
        "treatment": "tolerate",
        "proximity": "near",
        "positions": ((3, 3), (3, 3), (2, 3)),
    },
    {
        "by": "senior_owner",
        "title": "Funding for the notification service ends before every partner has joined",
        "category": "financial",
        "owner_body": "DWP",
        "owner": "senior_owner",
        "appetite": "cautious",
        "treatment": "treat",
        "proximity": "distant",
        "positions": ((3, 4), (2, 4), (1, 4)),
    },
    {
        "by": "programme_manager",
        "title": "Paper notification forms still posted by some registrars",
        "category": "operations",
        "owner_body": "DWP",
        "owner": "programme_manager",
        "appetite": "minimal",
        "treatment": "terminate",
        "status": "closed",
        "review_in_days": 80,
        "positions": ((3, 3), (1, 2), (1, 1)),
    },
)

MEASURES = (
    {
        "by": "programme_manager",
        "name": "Days from death registration to all bodies notified",
        "definition": (
            "Median working days from the registrar recording a death to the last participating body "
            "confirming it has acted, for deaths registered in the month."
        ),
        "unit": "working days",
        "direction": "lower",
        "baseline": "21",
        "baseline_months_ago": 12,
        "target": "10",
        "target_in_days": 180,
        "data_source": "Tell Us Once service management information",
        "owner_body": "DWP",
        "frequency": "monthly",
        "investing_body": "DWP",
        "benefiting_bodies": ("HMRC", "MCC", "HMPO"),
        "benefit_type": "non_cash_releasing",
        "agreed_days_before_baseline": 20,
        "readings": ("21", "20", "20", "19", "18", "18", "17", "16", "16", "15", "14", "14"),
    },
    {
        "by": "partner_member",
        "name": "Repeat contacts from bereaved families",
        "definition": (
            "Contacts per bereavement made to any partner body about something already reported once."
        ),
        "unit": "contacts per bereavement",
        "direction": "lower",
        "baseline": "3.4",
        "baseline_months_ago": 12,
        "target": "1.5",
        "target_in_days": 180,
        "data_source": "Partner contact centre records, sampled monthly",
        "owner_body": "HMRC",
        "frequency": "monthly",
        "benefit_type": "not_efficiency",
        "agreed_days_before_baseline": 20,
        "readings": ("3.4", "3.3", "3.4", "3.2", "3.1", "3.1", "3.0", "2.9", "2.9", "2.8", "2.7", "2.6"),
    },
    {
        "by": "programme_manager",
        "name": "Overpayments avoided by earlier notification",
        "definition": "Benefit and tax credit payments stopped before being paid after a death, per quarter.",
        "unit": "£ thousand",
        "direction": "higher",
        "baseline": "120",
        "target": "200",
        "data_source": "DWP and HMRC payment systems",
        "owner_body": "DWP",
        "frequency": "quarterly",
        "investing_body": "DWP",
        "benefiting_bodies": ("HMRC",),
        "benefit_type": "cash_releasing",
        "readings": ("126", "141", "150", "162"),
    },
)

DEFINITIONS = (
    {
        "by": "programme_manager",
        "term": "customer",
        "meanings": {
            "DWP": "A person who claims or receives a benefit.",
            "HMRC": "A taxpayer, or a tax credits claimant, with an HMRC record.",
            "MCC": "Anyone who contacts the register office, including the informant.",
        },
    },
    {
        "by": "programme_manager",
        "term": "case",
        "meanings": {
            "DWP": "One bereavement, from the first notification until every body has acted.",
            "HMRC": "One bereavement, from the first notification until every body has acted",
        },
        "agreed_meaning": "One bereavement, from the first notification until every partner body has acted.",
        "master_body": "DWP",
        "standard": "Tell Us Once case reference (TUO followed by 8 digits)",
        "status": "agreed",
    },
    {
        "by": "council_member",
        "term": "date of death notification",
        "meanings": {
            "DWP": "The date the registrar records the death.",
            "MCC": "The date the informant attends the register office.",
            "HMRC": "The date HMRC receives the Tell Us Once message.",
        },
        "status": "disputed",
        "standard": "ISO 8601 date",
    },
    {
        "by": "programme_manager",
        "term": "National Insurance number",
        "meanings": {"DWP": "The person's NINO as held on the Customer Information System."},
        "agreed_meaning": "The NINO held on DWP's Customer Information System for the deceased.",
        "master_body": "DWP",
        "standard": "NINO: two letters, six digits, one letter A to D",
        "status": "agreed",
    },
)

AGREEMENTS = (
    {
        "by": "programme_manager",
        "title": "Tell Us Once death notification sharing",
        "parties": ("DWP", "HMRC", "MCC", "HMPO"),
        "legal_gateway": (
            "UK GDPR article 6(1)(e), public task; Digital Economy Act 2017, section 35, for sharing "
            "between the specified public authorities; the informant's agreement for onward sharing."
        ),
        "dpia_status": "in_progress",
        "dpia_reviewer": "DWP Data Protection Officer",
        "retention_period": "Two years after the last partner has acted on the case",
        "review_in_days": 300,
    },
)
