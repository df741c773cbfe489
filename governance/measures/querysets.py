"""Reads of shared measures' readings."""

from __future__ import annotations

import datetime

from django.db import models


class MeasureReadingQuerySet(models.QuerySet):
    def taken_on(self, day: datetime.date) -> MeasureReadingQuerySet:
        return self.filter(taken_on=day)
