"""Shaping initiative pages so templates stay free of logic."""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Prefetch

from collab.history import LIST_HISTORY_LENGTH, HistoryEntry, history_entries
from initiatives.models import Initiative, InitiativeRole, Participation, User


@dataclass
class InitiativeOverview:
    initiative: Initiative
    participations: list[Participation]
    programme_managers: list[User]
    reviewers: list[User]
    can_edit: bool
    viewer: User | None = None

    @property
    def bodies_without_stop_doing(self) -> list[Participation]:
        return [p for p in self.participations if not p.stop_doing]

    @cached_property
    def operating_model(self):
        from initiatives.wizard.presenters import operating_model_summary

        return operating_model_summary(
            self.initiative,
            can_run=self.can_edit,
            bodies_taking_part=len(self.participations),
            person=self.viewer,
        )


def initiative_overview(initiative: Initiative, user: User) -> InitiativeOverview:
    from initiatives.rules import CHANGE_INITIATIVE

    participations = list(initiative.participations.in_role_order())
    roles = list(initiative.roles.select_related("user").order_by("user__full_name"))
    return InitiativeOverview(
        initiative=initiative,
        participations=participations,
        programme_managers=[r.user for r in roles if r.role == InitiativeRole.Role.PROGRAMME_MANAGER],
        reviewers=[r.user for r in roles if r.role == InitiativeRole.Role.ASSURANCE_REVIEWER],
        can_edit=user.has_perm(CHANGE_INITIATIVE, initiative),
        viewer=user,
    )


def home_initiatives(user: User):
    return (
        Initiative.objects.visible_to(user)
        .for_home_page()
        .prefetch_related(Prefetch("participations", queryset=Participation.objects.select_related("body")))
    )


def bodies_history(initiative: Initiative) -> list[HistoryEntry]:
    """The latest changes to which bodies take part, and in what role."""
    participations = Participation.history.filter(initiative_id=initiative.pk)
    return history_entries([participations], limit=LIST_HISTORY_LENGTH)


def team_history(initiative: Initiative) -> list[HistoryEntry]:
    roles = InitiativeRole.history.filter(initiative_id=initiative.pk)
    return history_entries([roles], limit=LIST_HISTORY_LENGTH)
