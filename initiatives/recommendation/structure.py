"""Which structure governs the initiative, and which further arrangements the answers need.

The primary structure answers who decides, who funds and who answers for the outcome. The
components are the further arrangements some answers need on top of it: a shared service for a
process, tool or back office reused by several bodies, a data-sharing partnership for records
exchanged between bodies. Both follow the design's rule: the lightest that can still safely
deliver, and a component only where an answer needs it.
"""

from __future__ import annotations

from dataclasses import dataclass

from initiatives.operating_models import OperatingModel
from initiatives.recommendation.answers import Answers

LIGHT = OperatingModel.LIGHT_COORDINATION.value
LEAD = OperatingModel.LEAD_DEPARTMENT.value
BOARD = OperatingModel.JOINT_PROGRAMME_BOARD.value
SHARED_SERVICE = OperatingModel.SHARED_SERVICE.value
DATA_SHARING = OperatingModel.DATA_SHARING_PARTNERSHIP.value
# The design table's order; alternatives are listed in it.
MODELS: tuple[str, ...] = tuple(model.value for model in OperatingModel)

# The answers under which each body simply gets on with its own part.
_OWN_PART = {"decisions": "separate", "budget": "separate", "operations": "none"}


@dataclass(frozen=True)
class Structure:
    primary: str
    components: tuple[str, ...] = ()

    @property
    def chosen(self) -> tuple[str, ...]:
        return (self.primary, *self.components)


def joint_work(a: Answers) -> list[str]:
    """The answers that ask for more than a shared direction: something decided, funded, run or
    responded to across bodies. Exchanging records is not among them: a component carries it."""
    keys = [key for key, own_part in _OWN_PART.items() if getattr(a, key) != own_part]
    return keys + ["crisis"] * a.crisis


def lead_ruled_out_by(a: Answers) -> list[str]:
    """Why no one body can lead for the others: none could own the outcome, or one could own only
    part of it while decisions are joint or budgets pooled. Empty when a lead body would hold."""
    if a.single_owner == "no":
        return ["single_owner"]
    if a.single_owner == "partly":
        shared = [
            key for key, value in (("decisions", "joint"), ("budget", "pooled")) if getattr(a, key) == value
        ]
        return ["single_owner", *shared] if shared else []
    return []


def platform_is_the_joint_work(a: Answers) -> bool:
    """No body could own the outcome, and apart from the reused platform nothing is decided jointly,
    pooled or responded to together: the shared service is itself the structure the bodies share."""
    return (
        a.operations == "shared_platform"
        and bool(lead_ruled_out_by(a))
        and a.decisions != "joint"
        and a.budget != "pooled"
        and not a.crisis
    )


def _primary(a: Answers) -> str:
    if a.bodies == 1:
        return LEAD
    if not joint_work(a):
        return LIGHT
    if not lead_ruled_out_by(a):
        return LEAD
    if platform_is_the_joint_work(a):
        return SHARED_SERVICE
    return BOARD


def choose_structure(a: Answers) -> Structure:
    primary = _primary(a)
    if a.bodies == 1:
        # Nothing is shared with anyone: the warnings say which answers point to other bodies.
        return Structure(primary)
    components = []
    if a.operations == "shared_platform" and primary != SHARED_SERVICE:
        components.append(SHARED_SERVICE)
    if a.data == "exchange":
        components.append(DATA_SHARING)
    return Structure(primary, tuple(components))
