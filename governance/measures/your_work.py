"""Your work, measures: those whose next reading is due, for the people who report them (the
initiative's programme managers and the owner body's members). Registered in governance's
AppConfig.ready."""

from __future__ import annotations

from django.urls import reverse

from collab.govuk_forms import date_text
from governance.measures.models import Measure
from initiatives.models import User
from initiatives.your_work import WorkItem, WorkKind


def measures_with_a_reading_due(user: User) -> WorkKind:
    items = [
        WorkItem(
            title=measure.name,
            href=reverse(
                "governance:measure_detail", kwargs={"slug": measure.initiative.slug, "pk": measure.pk}
            ),
            hint=(
                f"{measure.initiative.title}. {measure.get_frequency_display()}: "
                + (
                    f"last reading {date_text(measure.last_reading_on)}."
                    if measure.last_reading_on
                    else "no reading yet."
                )
            ),
            status="not_started",
            status_label="Reading due",
        )
        for measure in Measure.objects.reading_due().reported_by(user)
    ]
    return WorkKind("measures", "Measures with a reading due", items)
