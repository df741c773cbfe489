"""Cost of living support coordination: a draft led by the Cabinet Office, not yet assessed.

Its records show an initiative at the start: one delivery forum, a decision still in draft,
two risks (one held by a single body), an early measure and a term the bodies define differently.
"""

from __future__ import annotations

from initiatives.demo.story import Story
from initiatives.models import Initiative

STORY = Story(
    initiative={
        "slug": "cost-of-living-support-coordination",
        "title": "Cost of living support coordination",
        "outcome": (
            "Households in hardship hear about every support scheme they qualify for in one conversation."
        ),
        "value_areas": ["policy_design", "crisis_response"],
        "status": Initiative.Status.DRAFT,
        "lead": "CO",
        "partners": [("DWP", "partner"), ("MCC", "partner"), ("HMRC", "consulted")],
        "programme_managers": ["co_programme_manager"],
        "senior_owner": "co_senior_owner",
        "reviewers": [],
        "decision_rights": ["Agree the shared messaging calendar"],
        "operating_model": "",
        "stop_doing": {},
    },
    forums=(
        {
            "name": "Cost of living coordination group",
            "bodies": ("CO", "DWP", "MCC"),
            "purpose": "delivery",
            "chair": "co_programme_manager",
            "cadence": "weekly",
        },
    ),
    decisions=(
        {
            "title": "Agree the shared messaging calendar",
            "due_in_days": 21,
            "context": "Three bodies plan campaigns for the same weeks in January.",
            "options": "One shared calendar run by the Cabinet Office\nEach body keeps its own",
            "recommendation": "One shared calendar.",
        },
    ),
    risks=(
        {
            "by": "co_programme_manager",
            "title": "Households hear about schemes they do not qualify for",
            "category": "reputational",
            "owner_body": "CO",
            "owner": "co_programme_manager",
            "is_joint": True,
            "appetite": "cautious",
            "treatment": "treat",
            "positions": ((4, 3), (3, 3), (2, 2)),
        },
        {
            "by": "co_programme_manager",
            "title": "Council advice lines overwhelmed after the winter announcement",
            "category": "operations",
            "owner_body": "MCC",
            "is_joint": False,
            "appetite": "open",
            "treatment": "tolerate",
            "positions": ((3, 4), (3, 4), (2, 3)),
        },
    ),
    measures=(
        {
            "by": "co_programme_manager",
            "name": "Households told about every scheme in one conversation",
            "definition": "Share of hardship conversations in which every eligible scheme was mentioned.",
            "unit": "per cent",
            "direction": "higher",
            "baseline": "35",
            "target": "80",
            "owner_body": "CO",
        },
    ),
    definitions=(
        {
            "by": "co_programme_manager",
            "term": "household",
            "meanings": {
                "DWP": "A benefit unit: a claimant, their partner and dependent children.",
                "MCC": "Everyone living at one address and sharing living costs.",
            },
        },
    ),
)
