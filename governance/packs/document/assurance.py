"""The pack's assurance reviews, with recommendations past their due date flagged."""

from __future__ import annotations

import datetime

from governance.packs.document.formatting import as_date


def review_view(review: dict, as_of: datetime.date) -> dict:
    recommendations = [
        {
            **item,
            "due_date": as_date(item["due_date"]),
            "completed_on": as_date(item["completed_on"]),
            "overdue": _overdue(item, as_of),
        }
        for item in review["recommendations"]
    ]
    return {
        **review,
        "review_date": as_date(review["review_date"]),
        "follow_up_due": as_date(review["follow_up_due"]),
        "recommendations": recommendations,
    }


def _overdue(recommendation: dict, as_of: datetime.date) -> bool:
    due = as_date(recommendation["due_date"])
    return recommendation["status"] == "open" and bool(due) and due < as_of
