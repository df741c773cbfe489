"""Starter rows for a RACI matrix, offered from the initiative's operating model.

Plain data: the programme manager picks which to add; nothing is added for them.
"""

from __future__ import annotations

from dataclasses import dataclass

from initiatives.operating_models import OperatingModel


@dataclass(frozen=True)
class StarterRow:
    activity: str
    kind: str  # "activity" or "decision", as RaciRow.Kind
    why: str


COMMON = [
    StarterRow("Approve the business case", "decision", "Someone must answer for the case for spending."),
    StarterRow("Own the shared risk register", "activity", "One register, kept by one body, read by all."),
    StarterRow(
        "Own data definitions", "activity", "Agree what each shared term means before building on it."
    ),
    StarterRow("Report shared measures", "activity", "The joint outcomes, reported once for every body."),
    StarterRow("Approve changes to scope", "decision", "Scope drifts unless one body answers for it."),
]

BY_MODEL: dict[str, list[StarterRow]] = {
    OperatingModel.LIGHT_COORDINATION: [
        StarterRow("Agree the shared policy direction", "decision", "The one thing the bodies do together."),
        StarterRow("Share progress between bodies", "activity", "Light coordination still needs a rhythm."),
    ],
    OperatingModel.LEAD_DEPARTMENT: [
        StarterRow("Deliver the service", "activity", "The lead body owns delivery."),
        StarterRow("Consult benefiting bodies on changes", "activity", "Guards against local optimisation."),
    ],
    OperatingModel.JOINT_PROGRAMME_BOARD: [
        StarterRow("Approve the milestone plan", "decision", "Shared milestones need one approver."),
        StarterRow("Allocate the pooled budget", "decision", "Keeps decision rights tight."),
        StarterRow("Chair the programme board", "activity", "Boards slow down without a clear chair."),
    ],
    OperatingModel.SHARED_SERVICE: [
        StarterRow("Approve migration plan", "decision", "Migration is where shared services slip."),
        StarterRow("Own the service level agreement", "activity", "What each using body can expect."),
        StarterRow("Approve a new body joining the service", "decision", "Onboarding changes the load."),
    ],
    OperatingModel.DATA_SHARING_PARTNERSHIP: [
        StarterRow(
            "Approve the data sharing agreement", "decision", "The legal basis for exchanging records."
        ),
        StarterRow(
            "Complete the data protection impact assessment", "activity", "Needed before any record moves."
        ),
        StarterRow(
            "Own the data exchange specification", "activity", "Formats and identifiers, mastered once."
        ),
    ],
}


def starter_rows(operating_model: str, *, existing: list[str] = ()) -> list[StarterRow]:
    """The rows to offer: common ones and the model's own, minus activities already in the matrix."""
    taken = {activity.strip().casefold() for activity in existing}
    offered = [*COMMON, *BY_MODEL.get(operating_model, [])]
    return [row for row in offered if row.activity.casefold() not in taken]
