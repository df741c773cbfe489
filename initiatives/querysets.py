"""Reads. Every page that lists or fetches initiatives goes through visible_to().

The other methods name the filters pages, forms, rules and services share: the bodies taking
part in an initiative, the people working on it, its programme managers and its reviewers.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

from django.apps import apps
from django.db import models

from initiatives.roles import ASSURANCE_REVIEWERS_GROUP, TeamRole

if TYPE_CHECKING:
    from initiatives.models import Initiative, User


def manages_initiative_at(user: User, initiative_field: str) -> models.Exists:
    """For a filter or annotation: `user` is a programme manager of the initiative the outer row
    names at `initiative_field` ("initiative_id", "review__initiative_id")."""
    roles = apps.get_model("initiatives", "InitiativeRole").objects.filter(
        initiative=models.OuterRef(initiative_field), user=user, role=TeamRole.PROGRAMME_MANAGER
    )
    return models.Exists(roles)


def belongs_to_body_at(user: User, body_field: str) -> models.Exists:
    """For a filter or annotation: `user` is a member of the body the outer row names at `body_field`."""
    memberships = apps.get_model("initiatives", "Membership").objects.filter(
        body=models.OuterRef(body_field), user=user
    )
    return models.Exists(memberships)


def _assigned_to_review(user: User) -> models.Q:
    return models.Q(roles__user=user, roles__role=TeamRole.ASSURANCE_REVIEWER)


# Inside visibility_read_once(): each person's visible initiatives, as a list of ids, by person.
_visible_ids: ContextVar[dict[int, list[int]] | None] = ContextVar("visible_initiative_ids", default=None)


@contextmanager
def visibility_read_once() -> Iterator[None]:
    """Within the block, visible_to() reads each person's initiatives once and filters by that list.

    For reads that ask the question many times over (Your work's dozen kinds each filter by it):
    building and planning the same subquery a dozen times costs more than the one query. Only
    around reads, so nothing inside changes who takes part while the list is held.
    """
    token = _visible_ids.set({})
    try:
        yield
    finally:
        _visible_ids.reset(token)


class InitiativeQuerySet(models.QuerySet):
    def visible_to(self, user: User) -> InitiativeQuerySet:
        """Initiatives a body of the user takes part in, or that the user is assigned to assure.

        Administrators see everything. Anonymous users see nothing.
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        by_body = models.Q(participations__body__memberships__user=user)
        ids = self.model.objects.filter(by_body | _assigned_to_review(user)).values("pk")
        read_once = _visible_ids.get()
        if read_once is None:
            return self.filter(pk__in=ids)
        if user.pk not in read_once:
            read_once[user.pk] = list(ids.values_list("pk", flat=True).distinct())
        return self.filter(pk__in=read_once[user.pk])

    def in_portfolio_of(self, user: User) -> InitiativeQuerySet:
        """The initiatives on the user's portfolio page: those a body of theirs takes part in, and
        those a current portfolio office grant covers (a body's, or every initiative on all bodies).

        Assigned reviews are not a portfolio. Administrators see everything; anonymous users nothing.
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        grants = user.portfolio_grants.filter(ended_at__isnull=True)
        on_all_bodies = models.Exists(grants.filter(body__isnull=True))
        by_body = models.Q(participations__body__memberships__user=user) | models.Q(
            participations__body__in=grants.values("body")
        )
        ids = self.filter(by_body).values("pk")
        return self.filter(models.Q(pk__in=ids) | models.Q(on_all_bodies))

    def reviewed_by(self, user: User) -> InitiativeQuerySet:
        """Initiatives the user is assigned to assure."""
        return self.filter(_assigned_to_review(user))

    def lock(self, initiative: Initiative) -> None:
        """Hold the initiative's row until the transaction ends, so writes that must not overlap
        (numbering, saving the whole matrix) take turns; SQLite serialises writers anyway."""
        self.select_for_update().filter(pk=initiative.pk).values_list("pk").first()

    def for_home_page(self) -> InitiativeQuerySet:
        return self.select_related("lead_body", "senior_owner").order_by("status", "title", "pk")


class BodyQuerySet(models.QuerySet):
    def taking_part_in(self, initiative: Initiative) -> BodyQuerySet:
        """The bodies taking part in the initiative, in any role."""
        return self.filter(participations__initiative=initiative)

    def not_taking_part_in(self, initiative: Initiative) -> BodyQuerySet:
        return self.exclude(participations__initiative=initiative)

    def with_member(self, user: User) -> BodyQuerySet:
        """The bodies the user belongs to."""
        return self.filter(memberships__user=user)


class UserQuerySet(models.QuerySet):
    def working_on(self, initiative: Initiative) -> UserQuerySet:
        """Active people who belong to a body taking part in the initiative, each once."""
        in_a_body = models.Q(memberships__body__participations__initiative=initiative)
        return self.filter(in_a_body, is_active=True).distinct()

    def leaving_with(self, participation) -> UserQuerySet:
        """People who take part in the initiative only through this body: they leave with it."""
        membership = self.model.memberships.rel.related_model
        elsewhere = membership.objects.filter(
            user=models.OuterRef("pk"), body__participations__initiative_id=participation.initiative_id
        ).exclude(body_id=participation.body_id)
        return (
            self.filter(memberships__body_id=participation.body_id)
            .exclude(models.Exists(elsewhere))
            .distinct()
        )

    def with_bodies(self) -> UserQuerySet:
        """With each person's memberships and bodies loaded, to say whom they work for."""
        return self.prefetch_related("memberships__body")

    def managing(self, initiative: Initiative) -> UserQuerySet:
        """The initiative's programme managers."""
        return self.filter(
            initiative_roles__initiative=initiative, initiative_roles__role=TeamRole.PROGRAMME_MANAGER
        )

    def reviewing(self, initiative: Initiative) -> UserQuerySet:
        """The assurance reviewers assigned to the initiative."""
        return self.filter(
            initiative_roles__initiative=initiative, initiative_roles__role=TeamRole.ASSURANCE_REVIEWER
        )

    def eligible_to_review(self) -> UserQuerySet:
        """Active people an administrator has put in the Assurance reviewers group."""
        return self.filter(is_active=True, groups__name=ASSURANCE_REVIEWERS_GROUP)


class ParticipationQuerySet(models.QuerySet):
    def in_role_order(self) -> ParticipationQuerySet:
        rank = models.Case(
            *(models.When(role=role, then=index) for index, role in enumerate(self.model.ROLE_ORDER)),
            output_field=models.IntegerField(),
        )
        return self.select_related("body").order_by(rank, "body__name")

    def with_member(self, user: User) -> ParticipationQuerySet:
        """Participations of the bodies the user belongs to."""
        return self.filter(body__memberships__user=user)

    def stop_doing_not_recorded(self) -> ParticipationQuerySet:
        """Bodies that have not said what they will stop doing, in initiatives not closed."""
        return self.filter(stop_doing=[]).exclude(initiative__status="closed")

    def with_managed_by(self, user: User) -> ParticipationQuerySet:
        """Each with `managed_by_user`: whether the user is a programme manager of its initiative."""
        return self.annotate(managed_by_user=manages_initiative_at(user, "initiative_id"))


class InitiativeRoleQuerySet(models.QuerySet):
    def programme_managers(self) -> InitiativeRoleQuerySet:
        return self.filter(role=TeamRole.PROGRAMME_MANAGER)

    def assurance_reviewers(self) -> InitiativeRoleQuerySet:
        return self.filter(role=TeamRole.ASSURANCE_REVIEWER)
