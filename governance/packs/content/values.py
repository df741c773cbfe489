"""How the pack's snapshot writes values: people's names, ISO dates, decimals, lines of text."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from initiatives.operating_models import OperatingModel


def person_name(user) -> str:
    return (user.full_name or user.email) if user else ""


def iso_date(value) -> str | None:
    return value.isoformat() if value else None


def decimal_text(value) -> str | None:
    return None if value is None else str(value)


def text_lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def grouped(rows: Iterable, key: str) -> dict[int, list]:
    groups: dict[int, list] = defaultdict(list)
    for row in rows:
        groups[getattr(row, key)].append(row)
    return groups


def model_label(slug: str) -> str:
    return OperatingModel(slug).label if slug in OperatingModel.values else slug
