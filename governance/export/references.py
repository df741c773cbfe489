"""How the export names people, bodies and moments: ids beside names, ISO 8601 throughout."""

from __future__ import annotations

from governance.packs.content.values import person_name


def person(user) -> dict | None:
    return {"id": user.pk, "name": person_name(user)} if user else None


def body(body) -> dict | None:
    return {"id": body.pk, "short_name": body.short_name} if body else None


def moment(value) -> str | None:
    """A date or a date and time, as ISO 8601."""
    return value.isoformat() if value else None
