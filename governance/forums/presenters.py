"""What the forums page and the overview say about an initiative's forums."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from governance.forums.models import Forum


@dataclass(frozen=True)
class CrowdedPurpose:
    purpose: str
    forums: list[str]

    @property
    def message(self) -> str:
        names = ", ".join(self.forums[:-1]) + f" and {self.forums[-1]}"
        return (
            f"Too many forums: {names} all have the purpose “{self.purpose.lower()}”. "
            "Merge them, or give each a different purpose."
        )


def too_many_forums(forums: list[Forum]) -> list[CrowdedPurpose]:
    """Purposes served by more than one forum: every extra forum is another meeting to wait for."""
    by_purpose: dict[str, list[Forum]] = defaultdict(list)
    for forum in forums:
        by_purpose[forum.purpose].append(forum)
    return [
        CrowdedPurpose(purpose=group[0].get_purpose_display(), forums=[f.name for f in group])
        for _purpose, group in sorted(by_purpose.items())
        if len(group) > 1
    ]
