"""Shared identity checking platform: a shared service led by HMPO, paused while funding is settled.

Its records show what goes wrong: a RACI row nobody has agreed to answer for, two forums for the
same purpose, a decision to pause, and a Red assurance review with an overdue recommendation.
"""

from __future__ import annotations

from initiatives.demo.story import Story
from initiatives.models import Initiative
from initiatives.operating_models import OperatingModel

ASSESSMENT = {
    "answers": {
        "single_owner": "partly",
        "decisions": "joint",
        "budget": "pooled",
        "data": "definitions",
        "operations": "shared_platform",
        "crisis": False,
        "bodies": 3,
    },
    "chosen_model": "joint_programme_board",
    "choice_reason": "",
    "data_items": [
        "Identity confidence levels (GPG 45 profiles) each service accepts",
        "One format for the identity check result returned to services",
    ],
    "joint_risks": [
        "People who fail the online check fall back to paper and phone",
        "A service moves late and keeps its old identity contract running",
    ],
    "single_body_risks": ["HMPO: the passport data service runs out of capacity at peak"],
    "measures": [
        "Share of people who prove who they are first time, monthly, reported by HMPO",
        "Identity checking contracts retired across bodies, quarterly, checked by the service board",
    ],
}

# Two forums for the same purpose: the overview warns about it.
FORUMS = tuple(
    {
        "name": name,
        "bodies": ("HMPO", "DWP", "HMRC"),
        "purpose": "decisions",
        "chair": "senior_owner",
        "cadence": "monthly",
    }
    for name in ("Identity platform board", "Identity design authority")
)

REVIEW = {
    "reviewer": "assurance_reviewer",
    "review_type": "health_check",
    "days_ago": 40,
    "findings": (
        "Work is paused while funding for the second year is unresolved. The platform's service "
        "assessment has lapsed and partners have started procuring their own identity checks.\n"
        "Successful delivery appears unachievable unless funding and the partners' commitment not to "
        "procure separately are settled."
    ),
    "scale": "three_point",
    "confidence": "red",
    "recommendations": (
        {
            "text": "Settle second-year funding, or agree to close the initiative in an orderly way.",
            "owner_body": "HMPO",
            "due_in_days": 30,
        },
        {
            "text": "Pause separate procurement of identity checking until the funding decision is made.",
            "owner_body": "DWP",
            "due_in_days": -5,
        },
    ),
}

STORY = Story(
    initiative={
        "slug": "shared-identity-checking-platform",
        "title": "Shared identity checking platform",
        "outcome": "Citizens prove who they are once and reuse it across services run by different bodies.",
        "value_areas": ["shared_platforms"],
        "status": Initiative.Status.PAUSED,
        "lead": "HMPO",
        "partners": [("DWP", "partner"), ("HMRC", "partner")],
        "programme_managers": ["programme_manager"],
        "senior_owner": "senior_owner",
        "reviewers": ["assurance_reviewer"],
        "decision_rights": ["Approve the platform's service standard assessment"],
        "operating_model": OperatingModel.JOINT_PROGRAMME_BOARD,
        "stop_doing": {"DWP": ["Stop procuring a separate identity checking contract"]},
    },
    assessments=(ASSESSMENT,),
    raci_columns=(("HMPO", "", None), ("DWP", "", "senior_owner"), ("HMRC", "", None)),
    raci_rows=(
        ("Approve the business case", "decision", "ARC"),
        ("Approve migration plan", "decision", "RAR"),
        ("Own the service level agreement", "activity", "ARI"),
    ),
    # Not agreed yet: who answers for letting another body join.
    raci_unfinished_rows=(("Approve a new body joining the service", "decision"),),
    forums=FORUMS,
    escalation_route=(
        {
            "name": "Platform team",
            "who": "HMPO platform service owner",
            "threshold": "Affects more than one using body",
        },
        {
            "name": "Identity platform board",
            "who": "The board's chair",
            "threshold": "Changes the migration date or budget",
        },
    ),
    decisions=(
        {
            "title": "Pause the platform until the new supplier is in place",
            "context": "The identity checking contract ends in March and the replacement starts in June.",
            "options": "Pause for three months\nExtend the current contract",
            "recommendation": "Pause: extending costs more than the delay.",
            "submitted": True,
            "decided": ("approve", "Agreed. Tell using bodies this week."),
        },
        {
            "title": "Move DWP services onto the platform in one release",
            "context": "Nine DWP services check identity today, each with its own supplier.",
            "options": "All nine in one release\nThree releases of three services",
            "recommendation": "All nine in one release, so the old suppliers can all be let go in June.",
            "submitted": True,
            "decided": (
                "return",
                "Say what happens to citizens mid-application on the day of the move, then send it back.",
            ),
        },
    ),
    risks=(
        {
            "by": "programme_manager",
            "title": "Partner services cannot accept the shared identity assurance level",
            "category": "technology",
            "owner_body": "HMPO",
            "is_joint": True,
            "appetite": "cautious",
            "treatment": "treat",
            "positions": ((4, 4), (4, 3), (2, 3)),
        },
        {
            "by": "programme_manager",
            "title": "Migration effort underestimated for DWP services",
            "category": "project",
            "owner_body": "DWP",
            "owner": "programme_manager",
            "appetite": "cautious",
            "treatment": "treat",
            "positions": ((4, 4), (3, 4), (2, 3)),
        },
    ),
    definitions=(
        {
            "by": "programme_manager",
            "term": "verified identity",
            "meanings": {"HMPO": "An identity checked to GPG 45 medium confidence."},
            "standard": "GPG 45 identity profiles",
        },
    ),
    reviews=(REVIEW,),
)
