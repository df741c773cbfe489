"""Your work, measures: those whose next reading is due, for the people who report them (the
initiative's programme managers and the owner body's members). Registered in governance's
AppConfig.ready."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from collab.govuk_forms import date_text
from governance.measures.models import Measure
from governance.measures.querysets import next_reading_on
from initiatives.models import User
from initiatives.your_work import WorkItem, WorkItems, WorkKind


def _due(measure: Any) -> str:
    """When its reading was due: a Measure from reading_due(), with `last_reading_on`."""
    due = next_reading_on(measure.last_reading_on, measure.frequency)
    return f"{measure.get_frequency_display()} reading due {date_text(due)}."


def measures_with_a_reading_due(user: User) -> WorkKind:
    def item(measure: Any) -> WorkItem:
        return WorkItem(
            title=measure.name,
            context=measure.initiative.title,
            href=reverse(
                "governance:measure_detail", kwargs={"slug": measure.initiative.slug, "pk": measure.pk}
            ),
            hint=f"{measure.initiative.title}. {_due(measure)}",
            status="not_started",
            status_label="Reading due",
        )

    measures = Measure.objects.reading_due().reported_by(user)
    return WorkKind("measures", "Measures with a reading due", WorkItems(measures, item))
