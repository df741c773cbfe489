"""Shaping initiative pages so templates stay free of logic."""

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.db.models import Prefetch
from django.urls import reverse

from collab.confirm import Confirmation, Consequence
from collab.history import LIST_HISTORY_LENGTH, HistoryEntry, history_entries
from initiatives.models import Initiative, InitiativeRole, Participation, User
from initiatives.your_work import WorkItem, WorkKind


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


def removal_confirmation(participation: Participation, consequences, form) -> Confirmation:
    """The page that asks before a body leaves an initiative, listing all it takes with it."""
    body, initiative = participation.body, participation.initiative
    return Confirmation(
        caption=initiative.title,
        initiative=initiative,
        title=f"Remove {body.name} from {initiative.title}",
        warning=(
            f"{body.name} stops taking part. Its people lose access to the initiative unless another "
            "body taking part has them as members. Everything below changes when you remove it."
        ),
        button=f"Remove {body.short_name}",
        back_url=reverse("initiatives:bodies", kwargs={"slug": initiative.slug}),
        consequences=consequences,
        form=form,
        nothing_else=f"{body.name} holds nothing else in this initiative.",
    )


def role_removal_confirmation(assignment: InitiativeRole) -> Confirmation:
    role = assignment.get_role_display().lower()
    initiative = assignment.initiative
    return Confirmation(
        caption=initiative.title,
        initiative=initiative,
        title=f"Remove {assignment.user} as {role}",
        warning=f"They stop being a {role} of {initiative.title} and stop getting its emails for that role.",
        button="Remove",
        back_url=reverse("initiatives:team", kwargs={"slug": initiative.slug}),
        consequences=[Consequence("Their role ends", [f"{assignment.user}: {role}"])],
    )


def bodies_history(initiative: Initiative) -> list[HistoryEntry]:
    """The latest changes to which bodies take part, and in what role."""
    participations = Participation.history.filter(initiative_id=initiative.pk)
    return history_entries([participations], limit=LIST_HISTORY_LENGTH)


def team_history(initiative: Initiative) -> list[HistoryEntry]:
    roles = InitiativeRole.history.filter(initiative_id=initiative.pk)
    return history_entries([roles], limit=LIST_HISTORY_LENGTH)


def stop_doing_not_recorded(user: User) -> WorkKind:
    """Your work: bodies of the person that have not recorded what they will stop doing. Programme
    managers go straight to the form; others to the bodies page, where it shows."""
    participations = (
        Participation.objects.with_member(user)
        .filter(initiative__in=Initiative.objects.visible_to(user))
        .stop_doing_not_recorded()
        .with_managed_by(user)
        .select_related("initiative", "body")
        .order_by("initiative__title", "body__name")
    )
    items = [
        WorkItem(
            # The initiative in the link's words: a body taking part in two has two links here.
            title=f"What {participation.body.short_name} will stop doing in {participation.initiative.title}",
            href=_stop_doing_link(participation),
            hint="",
            status="not_started",
            status_label="Not recorded",
        )
        for participation in participations
    ]
    return WorkKind("stop-doing", "“Stop doing” commitments not recorded", items)


def _stop_doing_link(participation: Any) -> str:
    """Where the body records it: a Participation from with_managed_by(), so it knows whether the
    person may edit it."""
    slug = participation.initiative.slug
    if participation.managed_by_user:
        return reverse("initiatives:participation_edit", kwargs={"slug": slug, "pk": participation.pk})
    return reverse("initiatives:bodies", kwargs={"slug": slug})
