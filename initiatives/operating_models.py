"""The five operating models, as the design describes them. Plain data, no database."""

from dataclasses import dataclass

from django.db import models


class OperatingModel(models.TextChoices):
    # Ordered from lightest to heaviest structure; the recommendation engine relies on this order.
    LIGHT_COORDINATION = "light_coordination", "Light coordination"
    LEAD_DEPARTMENT = "lead_department", "Lead department model"
    JOINT_PROGRAMME_BOARD = "joint_programme_board", "Joint programme board"
    SHARED_SERVICE = "shared_service", "Shared service or platform"
    DATA_SHARING_PARTNERSHIP = "data_sharing_partnership", "Data-sharing partnership"


@dataclass(frozen=True)
class ModelProfile:
    model: OperatingModel
    best_for: str
    strength: str
    trade_off: str

    @property
    def name(self) -> str:
        return self.model.label


PROFILES: dict[str, ModelProfile] = {
    profile.model.value: profile
    for profile in (
        ModelProfile(
            OperatingModel.LIGHT_COORDINATION,
            best_for="Shared policy direction, separate delivery",
            strength="Fast to set up, low cost",
            trade_off="Weak if the outcome depends on tight operational alignment",
        ),
        ModelProfile(
            OperatingModel.LEAD_DEPARTMENT,
            best_for="One body can own delivery while others benefit",
            strength="Clear accountability",
            trade_off="Risk of local optimisation if partners are not properly involved",
        ),
        ModelProfile(
            OperatingModel.JOINT_PROGRAMME_BOARD,
            best_for="Shared decisions, shared risk, shared milestones",
            strength="Balanced governance",
            trade_off="Can become slow if decision rights are not tight",
        ),
        ModelProfile(
            OperatingModel.SHARED_SERVICE,
            best_for="Repeated processes, common tools or back office",
            strength="Scale, consistency, less duplication",
            trade_off="Migration and change management often underestimated",
        ),
        ModelProfile(
            OperatingModel.DATA_SHARING_PARTNERSHIP,
            best_for="Services or policy depend on common data",
            strength="Better evidence and user journeys",
            trade_off="Needs legal, technical and security work from the start",
        ),
    )
}


def structure_name(model: str, components: list[str] | tuple[str, ...] = ()) -> str:
    """The model with its components: "Joint programme board, with a data-sharing partnership"."""
    name = PROFILES[model].name
    parts = [f"a {PROFILES[component].name.lower()}" for component in components]
    if not parts:
        return name
    listed = f"{', '.join(parts[:-1])} and {parts[-1]}" if len(parts) > 1 else parts[0]
    return f"{name}, with {listed}"
