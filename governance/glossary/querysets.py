"""Reads of the shared glossary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from initiatives.models import Initiative


class BodyMeaningQuerySet(models.QuerySet):
    def of(self, initiative: Initiative) -> BodyMeaningQuerySet:
        """Every body's meaning of every term in the initiative's glossary."""
        return self.filter(definition__initiative=initiative)
