"""The pack's assurance reviews; their recommendations open, proposed closed and closed, the open ones
past their due date flagged."""

from __future__ import annotations

import datetime

from governance.packs.document.formatting import as_date


def review_view(review: dict, as_of: datetime.date) -> dict:
    recommendations = [
        {
            **item,
            "due_date": as_date(item["due_date"]),
            "review": f"{review['review_type']}, {as_date(review['review_date']):%-d %B %Y}",
            "proposed_on": as_date(item["proposed_on"]),
            "closed_on": as_date(item["closed_on"]),
            **_since(item),
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


def _since(item: dict) -> dict:
    """When, and by whom, a recommendation came to stand where it does: proposed closed, or closed."""
    if item["status"] == "proposed_closed":
        return {"since": as_date(item["proposed_on"]), "since_by": item["proposed_by"]}
    return {"since": as_date(item["closed_on"]), "since_by": item["closed_by"]}


def _overdue(recommendation: dict, as_of: datetime.date) -> bool:
    due = as_date(recommendation["due_date"])
    return recommendation["status"] == "open" and bool(due) and due < as_of


def recommendations_in(reviews: list[dict], status: str) -> list[dict]:
    """The shaped reviews' recommendations in `status`, soonest due first."""
    found = (item for review in reviews for item in review["recommendations"] if item["status"] == status)
    return sorted(found, key=lambda item: item["due_date"] or datetime.date.max)
