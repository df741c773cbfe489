"""Whether bodies mean the same thing by a glossary term. Pure functions, no database.

Differing meanings are surfaced, not hidden: a term whose recorded meanings differ and
that nobody has agreed counts as disputed, whatever its status field says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

AGREED = "agreed"
PROPOSED = "proposed"
DISPUTED = "disputed"


def normalise_meaning(text: str) -> str:
    """Case and spacing do not make two meanings different."""
    return re.sub(r"\s+", " ", text).strip().casefold().rstrip(".")


def meanings_differ(meanings: Iterable[str]) -> bool:
    distinct = {normalise_meaning(meaning) for meaning in meanings if meaning.strip()}
    return len(distinct) > 1


def effective_status(status: str, meanings: Iterable[str]) -> str:
    """The status to show: agreed stays agreed; otherwise differing meanings make it disputed."""
    if status == AGREED:
        return AGREED
    if status == DISPUTED or meanings_differ(meanings):
        return DISPUTED
    return PROPOSED
