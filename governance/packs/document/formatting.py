"""Reading the snapshot's values back (dates, moments, decimals); writing numbers and counts as words."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.utils import timezone


def as_date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def as_moment(value: str | None) -> datetime.datetime | None:
    return timezone.localtime(datetime.datetime.fromisoformat(value)) if value else None


def as_decimal(value: str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def format_number(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = f"{value:,.2f}"
    return text[:-3] if text.endswith(".00") else text.rstrip("0")


def counted(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def counted_or_none(count: int, word: str, plural: str = "") -> str:
    if count == 0:
        return "None recorded"
    return f"{count} {word if count == 1 else (plural or word + 's')}"
