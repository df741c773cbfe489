"""Tell Us Once: a Gateway 0 review at the start, one recommendation closed and one proposed closed,
and a recent health check."""

from __future__ import annotations

REVIEWS = (
    {
        "reviewer": "assurance_reviewer",
        "review_type": "gateway_0",
        "days_ago": 420,
        "findings": (
            "The strategic case for a single bereavement notification is strong and partners support it.\n"
            "Benefits are not yet quantified by body, the data sharing gateway is unconfirmed and no senior "
            "accountable owner has been named for the joint outcome."
        ),
        "scale": "five_point",
        "confidence": "amber_red",
        "recommendations": (
            {
                "text": (
                    "Name one senior accountable owner for the joint outcome, with written decision rights."
                ),
                "owner_body": "DWP",
                "due_in_days": -360,
                "closure": {
                    "proposed_by": "programme_manager",
                    "evidence": (
                        "David Okafor was named senior accountable owner by the programme board, with his "
                        "decision rights set out in his letter of appointment."
                    ),
                    "confirmed_by": "assurance_reviewer",
                },
            },
            {
                "text": "Confirm the legal gateway for sharing death notifications with councils.",
                "owner_body": "DWP",
                "due_in_days": -330,
                # Proposed, awaiting the reviewer: the demo's recommendation to confirm or reopen.
                "closure": {
                    "proposed_by": "programme_manager",
                    "evidence": (
                        "DWP's legal advisers confirmed the Digital Economy Act 2017 public service delivery "
                        "gateway covers sharing death notifications with councils."
                    ),
                    "links": ("https://www.legislation.gov.uk/ukpga/2017/30/part/5/chapter/1",),
                },
            },
        ),
    },
    {
        "reviewer": "assurance_reviewer",
        "review_type": "health_check",
        "days_ago": 21,
        "findings": (
            "Ownership is now clear and the programme board meets monthly with the right people.\n"
            "Partners still define 'date of death notification' differently, which delays benefit "
            "adjustments; two shared measures have no agreed baseline. Delivery is feasible but these "
            "issues need management attention now."
        ),
        "scale": "three_point",
        "confidence": "amber",
        "recommendations": (
            {
                "text": "Agree one definition of 'date of death notification' across all partners.",
                "owner_body": "HMRC",
                "due_in_days": 45,
            },
            {
                "text": (
                    "Set baselines for the journey-time and repeat-contact measures before the next board."
                ),
                "owner_body": "DWP",
                "due_in_days": 30,
            },
            {
                "text": "Test the council notification route with a second local authority.",
                "owner_body": "MCC",
                "due_in_days": 90,
            },
        ),
    },
)
