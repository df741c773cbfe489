"""Reading the snapshot's values back (dates, moments, decimals); writing numbers and counts as words."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe


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


def figure(name: str, count: int) -> SafeString:
    """A figure from governance.health.facts, marked with its name so a test can check the pack
    prints what the overview shows."""
    return format_html('<span data-figure="{}">{}</span>', name, count)


def counted(name: str, count: int, word: str, plural: str = "") -> SafeString:
    return format_html("{} {}", figure(name, count), word if count == 1 else (plural or word + "s"))


def counted_or_none(name: str, count: int, word: str, plural: str = "") -> SafeString:
    return counted(name, count, word, plural) if count else mark_safe("None recorded")
