"""Reads of the RACI matrix: rows and columns in the order the matrix shows them, and its cells."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from initiatives.models import Initiative


class RaciRowQuerySet(models.QuerySet):
    def in_matrix_order(self) -> RaciRowQuerySet:
        return self.order_by("position", "pk")


class RaciColumnQuerySet(models.QuerySet):
    def in_matrix_order(self) -> RaciColumnQuerySet:
        return self.order_by("position", "pk")


class RaciCellQuerySet(models.QuerySet):
    def of(self, initiative: Initiative) -> RaciCellQuerySet:
        """Every filled cell of the initiative's matrix."""
        return self.filter(row__initiative=initiative)

    def accountable(self) -> RaciCellQuerySet:
        """The As."""
        return self.filter(value=self.model.Value.ACCOUNTABLE)
