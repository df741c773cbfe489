"""The shape of a demo story: one initiative's records, as plain data.

Each field is read by one seeder: `initiative` and `assessments` by the initiatives app, the rest
by the governance domain of the same name (raci, forums, decisions, risks, measures, glossary,
assurance), whose `demo.py` says what keys a record may have. People are named by their key in
the cast (initiatives/demo/cast.py), bodies by short name, and dates counted back or on from
today, so the demo always looks current.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone


@dataclass(frozen=True)
class Story:
    initiative: dict
    assessments: tuple[dict, ...] = ()
    # (body, role name, holder or None), one per column, left to right.
    raci_columns: tuple[tuple, ...] = ()
    # (activity, kind, one letter per column: "A", "R", "C", "I", or "-" for none).
    raci_rows: tuple[tuple[str, str, str], ...] = ()
    # (activity, kind): rows added after the matrix is saved, with no letters chosen yet.
    raci_unfinished_rows: tuple[tuple[str, str], ...] = ()
    forums: tuple[dict, ...] = ()
    escalation_route: tuple[dict, ...] = ()
    decisions: tuple[dict, ...] = ()
    risks: tuple[dict, ...] = ()
    measures: tuple[dict, ...] = ()
    definitions: tuple[dict, ...] = ()
    agreements: tuple[dict, ...] = ()
    reviews: tuple[dict, ...] = ()

    @property
    def slug(self) -> str:
        return self.initiative["slug"]

    @property
    def programme_manager(self) -> str:
        """The cast key of the person who sets the initiative up and drafts its decisions."""
        return self.initiative["programme_managers"][0]


def in_days(days: int | None) -> datetime.date | None:
    """The date `days` from today (before it when negative); None stays None."""
    return None if days is None else timezone.localdate() + datetime.timedelta(days=days)
