"""What changed since the last assessment: the answers and the result side by side, and what the
change means for the initiative's forums, RACI matrix and agreements.

Plain words only: the set-up page (a governance page) offers the records themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from initiatives.models import Assessment
from initiatives.operating_models import OperatingModel, structure_name
from initiatives.recommendation import ANSWER_KEYS
from initiatives.wizard.forms import answer_label
from initiatives.wizard.presenters import ANSWER_KEY_LABELS

LIGHT, LEAD, BOARD, SHARED, DATA = (model.value for model in OperatingModel)
AREAS = ("Forums", "RACI matrix", "Agreements")

# What taking on each structure means, area by area; None where it means nothing new.
TAKEN_ON: dict[str, tuple[str | None, str | None, str | None]] = {
    LIGHT: (
        "A coordination group meeting quarterly is enough.",
        "Only the shared direction needs a joint A; each body keeps the As for its own delivery.",
        None,
    ),
    LEAD: (
        "A steering group where the lead department consults partners, meeting monthly.",
        "The lead body holds the A for delivery and its decisions; partners are consulted (C) on changes.",
        None,
    ),
    BOARD: (
        "A programme board of the bodies that decide or fund, meeting monthly.",
        "Each of the board's decisions (the milestone plan, the pooled budget) needs one A the bodies agree.",
        None,
    ),
    SHARED: (
        "A service management group for the shared service.",
        "Rows for the migration plan, the service level agreement and approving a body joining the service.",
        "A service level agreement with each body that uses the service.",
    ),
    DATA: (
        "A data working group for the exchange of records.",
        "Rows to approve the data sharing agreement, complete the DPIA and own the exchange specification.",
        "A data sharing agreement and a DPIA, signed and completed before any records move.",
    ),
}
# What giving up each structure means.
GIVEN_UP: dict[str, tuple[str | None, str | None, str | None]] = {
    LIGHT: ("The coordination group gives way to the new structure's forums.", None, None),
    LEAD: (
        "The lead department's steering group may no longer be enough.",
        "As held by the lead body alone should move to whoever now decides.",
        None,
    ),
    BOARD: (
        "The programme board may be more than the initiative now needs: consider standing it down.",
        "As for the board's decisions should move to the body or bodies that now decide.",
        None,
    ),
    SHARED: (
        "The service management group may no longer be needed.",
        "The shared service's rows may no longer be needed.",
        "Review each service level agreement: it may no longer be needed.",
    ),
    DATA: (
        "The data working group may no longer be needed.",
        "The data sharing rows may no longer be needed.",
        "Keep the data sharing agreement until records stop moving, then close it.",
    ),
}


@dataclass
class ChangeRow:
    key: str
    before: str
    now: str

    @property
    def changed(self) -> bool:
        return self.before != self.now


@dataclass
class ChangesSince:
    number: int
    rows: list[ChangeRow]
    result_rows: list[ChangeRow]
    meaning: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def answers_changed(self) -> int:
        return sum(row.changed for row in self.rows)

    @property
    def structure_changed(self) -> bool:
        return any(row.changed for row in self.result_rows)


def _answer_text(key: str, value: object) -> str:
    return str(value) if key == "bodies" else answer_label(key, value)


def changes_since(last: Assessment | None, answers: dict, recommendation: dict) -> ChangesSince | None:
    """The comparison with the last assessment, or None on a first run."""
    if last is None:
        return None
    rows = [
        ChangeRow(
            ANSWER_KEY_LABELS[key], _answer_text(key, last.answers[key]), _answer_text(key, answers[key])
        )
        for key in ANSWER_KEYS
    ]
    now_components = [component["model"] for component in recommendation["components"]]
    now_name = structure_name(recommendation["model"], now_components)
    result_rows = [
        ChangeRow(
            "Recommended model", structure_name(last.recommended_model, last.recommended_components), now_name
        ),
        ChangeRow("Model the initiative runs", structure_name(last.chosen_model, last.components), now_name),
    ]
    before = set(last.structure)
    now = {recommendation["model"], *now_components}
    return ChangesSince(last.number, rows, result_rows, _meaning(before, now))


def _meaning(before: set[str], now: set[str]) -> list[tuple[str, list[str]]]:
    """Area by area, what the structures taken on and given up mean, in the design's model order."""
    taken_on = [model for model in TAKEN_ON if model in now - before]
    given_up = [model for model in GIVEN_UP if model in before - now]
    meaning = []
    for index, area in enumerate(AREAS):
        lines = [TAKEN_ON[model][index] for model in taken_on] + [
            GIVEN_UP[model][index] for model in given_up
        ]
        lines = [line for line in lines if line]
        if lines:
            meaning.append((area, lines))
    return meaning
