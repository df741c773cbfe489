"""UNCHANGED: the default of an update service's fields, meaning "leave this one as it is".

An update service names every field it may write, each defaulting to UNCHANGED, so a caller
that has only some of the values (a spreadsheet without an optional column, the admin saving
its form) passes just those. None cannot say this: for many fields None is a value.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Literal, TypeAlias


class _Unchanged(enum.Enum):
    UNCHANGED = "unchanged"

    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED = _Unchanged.UNCHANGED
Unchanged: TypeAlias = Literal[_Unchanged.UNCHANGED]


def changed(values: Mapping[str, object]) -> dict[str, object]:
    """The values that are not UNCHANGED."""
    return {name: value for name, value in values.items() if value is not UNCHANGED}


def apply_changes(record: object, values: Mapping[str, object]) -> None:
    """Set each field of `record` whose value is not UNCHANGED."""
    for name, value in changed(values).items():
        setattr(record, name, value)
