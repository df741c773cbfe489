"""What the operating-model checklist named that a register does not have yet.

The wizard records lists of joint risks, single-body risks, measures and data items on
each Assessment. The registers offer the latest assessment's items as draft rows, leaving
out any already added (by the item it came from, or by a record with the same name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from governance.glossary.models import DataDefinition
from governance.measures.models import Measure
from initiatives.models import Assessment, Initiative


@dataclass(frozen=True)
class ChecklistItem:
    text: str
    # Risks only: whether the checklist named it as a joint risk.
    is_joint: bool = False

    @property
    def key(self) -> str:
        return normalise_item(self.text)


def normalise_item(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def items_not_yet_added(items: Iterable[ChecklistItem], existing_names: Iterable[str]) -> list[ChecklistItem]:
    """Items whose text matches no existing record's name or checklist item, without repeats."""
    taken = {normalise_item(name) for name in existing_names if name}
    offered, seen = [], set()
    for item in items:
        if item.key and item.key not in taken and item.key not in seen:
            offered.append(item)
            seen.add(item.key)
    return offered


def names_not_taken(
    items: Iterable[ChecklistItem], *, existing: Iterable[str], length: int
) -> list[tuple[str, ChecklistItem]]:
    """Each item with its text cut to a record's name (`length`), leaving out names already in the
    register, ignoring case, and repeats: names are unique in a register."""
    taken = {name.casefold() for name in existing}
    named = []
    for item in items:
        name = item.text[:length].strip()
        if name.casefold() not in taken:
            taken.add(name.casefold())
            named.append((name, item))
    return named


def latest_assessment(initiative: Initiative) -> Assessment | None:
    return initiative.assessments.order_by("-number").first()


def risk_items(assessment: Assessment | None) -> list[ChecklistItem]:
    if assessment is None:
        return []
    return [ChecklistItem(text, is_joint=True) for text in assessment.joint_risks] + [
        ChecklistItem(text, is_joint=False) for text in assessment.single_body_risks
    ]


def measure_items(assessment: Assessment | None) -> list[ChecklistItem]:
    return [ChecklistItem(text) for text in assessment.measures] if assessment else []


def data_items(assessment: Assessment | None) -> list[ChecklistItem]:
    return [ChecklistItem(text) for text in assessment.data_items] if assessment else []


def offered_risks(initiative: Initiative) -> list[ChecklistItem]:
    names = initiative.risks.values_list("title", "checklist_item")
    return items_not_yet_added(risk_items(latest_assessment(initiative)), _flatten(names))


def offered_measures(initiative: Initiative) -> list[ChecklistItem]:
    # Retired ones count: an item once adopted is not offered again.
    names = Measure.all_records.filter(initiative=initiative).values_list("name", "checklist_item")
    return items_not_yet_added(measure_items(latest_assessment(initiative)), _flatten(names))


def offered_terms(initiative: Initiative) -> list[ChecklistItem]:
    names = DataDefinition.all_records.filter(initiative=initiative).values_list("term", "checklist_item")
    return items_not_yet_added(data_items(latest_assessment(initiative)), _flatten(names))


def _flatten(pairs) -> list[str]:
    return [name for pair in pairs for name in pair]


def exchanges_records(initiative: Initiative, assessment: Assessment | None) -> bool:
    """Records move between bodies: the checklist said so, or data sharing is one of its value areas."""
    answered_exchange = bool(assessment and (assessment.answers or {}).get("data") == "exchange")
    return answered_exchange or "data_sharing" in (initiative.value_areas or [])
