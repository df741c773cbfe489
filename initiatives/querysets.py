"""Reads. Every page that lists or fetches initiatives goes through visible_to()."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from initiatives.models import User


class InitiativeQuerySet(models.QuerySet):
    def visible_to(self, user: User) -> InitiativeQuerySet:
        """Initiatives a body of the user takes part in, or that the user is assigned to assure.

        Administrators see everything. Anonymous users see nothing.
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        from initiatives.models import InitiativeRole

        by_body = models.Q(participations__body__memberships__user=user)
        by_assignment = models.Q(roles__user=user, roles__role=InitiativeRole.Role.ASSURANCE_REVIEWER)
        ids = self.filter(by_body | by_assignment).values("pk")
        return self.filter(pk__in=ids)

    def for_home_page(self) -> InitiativeQuerySet:
        return self.select_related("lead_body", "senior_owner").order_by("status", "title")


class ParticipationQuerySet(models.QuerySet):
    def in_role_order(self) -> ParticipationQuerySet:
        from initiatives.models import Participation

        rank = models.Case(
            *(models.When(role=role, then=index) for index, role in enumerate(Participation.ROLE_ORDER)),
            output_field=models.IntegerField(),
        )
        return self.select_related("body").order_by(rank, "body__name")
