"""Dates and values that cannot be true, refused wherever a record is written: forms and imports.

Each rule takes the values as a form cleans them (or an import row reads them), keyed by field
name, and returns (field, message) pairs; a form adds each message at its field, an import puts
it on the row. `today` is passed in, so the rules are plain functions tested as a table.
Only values present are checked: a rule never complains about a field another error already has.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

Problem = tuple[str, str]
COMPLETED = "completed"  # DataSharingAgreement.DpiaStatus.COMPLETED, named here to stay pure


def _text(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _not_future(values: Mapping[str, Any], field: str, what: str, today: datetime.date) -> list[Problem]:
    day = values.get(field)
    if isinstance(day, datetime.date) and day > today:
        return [(field, f"{what} must be today or in the past")]
    return []


def reading_problems(values: Mapping[str, Any], *, today: datetime.date) -> list[Problem]:
    """A reading is a measurement already taken."""
    return _not_future(values, "taken_on", "The date of the reading", today)


def measure_problems(values: Mapping[str, Any], *, today: datetime.date) -> list[Problem]:
    """A baseline is where things stood, so it is dated before the target; agreement has happened."""
    problems = _not_future(values, "baseline_date", "The baseline date", today)
    problems += _not_future(values, "agreed_on", "The date the measure was agreed", today)
    baseline_date, target_date = values.get("baseline_date"), values.get("target_date")
    if baseline_date and target_date and target_date <= baseline_date:
        problems.append(("target_date", "The target date must be after the baseline date"))
    return problems


def dpia_problems(values: Mapping[str, Any], *, today: datetime.date) -> list[Problem]:
    """A completed DPIA has a date it was completed, not in the future, and someone who reviewed it."""
    problems = _not_future(values, "dpia_date", "The date the DPIA was completed", today)
    problems += _not_future(values, "signed_on", "The date the agreement was signed", today)
    if values.get("dpia_status") == COMPLETED:
        if not values.get("dpia_date") and "dpia_date" not in dict(problems):
            problems.append(("dpia_date", "Enter the date the DPIA was completed"))
        if not (values.get("dpia_reviewer") or "").strip():
            problems.append(("dpia_reviewer", "Enter who reviewed the DPIA"))
    return problems


def risk_problems(values: Mapping[str, Any], *, raised_on: datetime.date) -> list[Problem]:
    """A risk cannot be reviewed before it was raised (today, for a risk being added)."""
    review_date = values.get("review_date")
    if review_date and review_date < raised_on:
        return [
            (
                "review_date",
                f"The next review date must be on or after {_text(raised_on)}, when the risk was raised",
            )
        ]
    return []


def review_problems(values: Mapping[str, Any], *, today: datetime.date) -> list[Problem]:
    """An assurance review has taken place; its follow-up comes after it."""
    problems = _not_future(values, "review_date", "The date of the review", today)
    review_date, follow_up = values.get("review_date"), values.get("follow_up_due")
    if review_date and follow_up and not problems and follow_up <= review_date:
        problems.append(("follow_up_due", "The follow-up review must be after the date of the review"))
    return problems
