"""The daily reminders: risk reviews, risk actions, data sharing agreement reviews and measure
readings due within a week, and overdue.

Run by beat before the daily digest. Each reminder goes through people.notifications.notify,
keyed on the due date it is about, so running this twice in a day (or on a restarted worker)
reminds nobody twice; whoever chose the daily digest finds it there.
"""

from __future__ import annotations

import datetime

from django.urls import reverse

from collab.outbox import safe_subject
from governance.glossary.models import DataSharingAgreement
from governance.measures.models import Measure
from governance.measures.querysets import next_reading_on
from governance.risks.models import Risk, RiskAction
from governance.risks.notices import risk_named, risk_path
from initiatives.models import User
from people.models import EmailKind
from people.notifications import notify

# How far ahead a coming review or reading is mentioned.
DAYS_AHEAD = 7


def reminders_send(*, today: datetime.date) -> None:
    risks = Risk.objects.filter(owner__is_active=True).select_related("owner", "initiative")
    for risk in [*risks.review_due_within(DAYS_AHEAD, today=today), *risks.review_overdue(today=today)]:
        review_reminder(risk=risk, today=today)
    measures = Measure.objects.select_related("initiative")
    soon, overdue = (
        measures.reading_due_within(DAYS_AHEAD, today=today),
        measures.reading_overdue(today=today),
    )
    for measure in [*soon, *overdue]:
        reading_reminder(measure=measure, today=today)
    ahead = today + datetime.timedelta(days=DAYS_AHEAD)
    for action in RiskAction.objects.due_by(ahead).select_related("owner", "risk__initiative"):
        action_reminder(action=action, today=today)
    for agreement in DataSharingAgreement.objects.filter(review_date__lte=ahead).select_related("initiative"):
        agreement_reminder(agreement=agreement, today=today)


def _remind(
    person: User, *, key: str, due_on: datetime.date, today: datetime.date, what: str, of: str, url: str
) -> None:
    """Once for due within the week and once more for overdue, for each due date."""
    overdue = due_on < today
    when = f"{due_on:%-d %B %Y}"
    state = f"was due on {when} and is overdue" if overdue else f"is due on {when}"
    notify(
        person=person,
        kind=EmailKind.REMINDERS,
        key=f"{key}:{due_on.isoformat()}:{'overdue' if overdue else 'soon'}",
        subject=f"{what.capitalize()} {'overdue' if overdue else 'due'}: {of}",
        message=f"The {what} of {of} {state}.",
        url=url,
    )


def review_reminder(*, risk: Risk, today: datetime.date) -> None:
    """Remind the risk's owner of its review."""
    if risk.owner is not None and risk.review_date is not None:
        of = f"risk {risk_named(risk)}"
        key, url = f"risk:{risk.pk}:review", risk_path(risk)
        _remind(risk.owner, key=key, due_on=risk.review_date, today=today, what="review", of=of, url=url)


def reading_reminder(*, measure: Measure, today: datetime.date) -> None:
    """Remind the initiative's programme managers, who keep its measures up to date: a measure
    names an owning body, not a person."""
    due_on = next_reading_on(measure.last_reading_on, measure.frequency)  # type: ignore[attr-defined]
    initiative = measure.initiative
    path = reverse("governance:measure_detail", kwargs={"slug": initiative.slug, "pk": measure.pk})
    named = f"{measure.name} in {initiative.title}"
    for person in User.objects.managing(initiative).filter(is_active=True):
        _remind(
            person,
            key=f"measure:{measure.pk}:reading",
            due_on=due_on,
            today=today,
            what="reading",
            of=named,
            url=path,
        )


def action_reminder(*, action: RiskAction, today: datetime.date) -> None:
    """Remind the action's owner of its due date."""
    if action.owner is not None and action.due_date is not None:
        of = f"“{safe_subject(action.description, length=60)}” on risk {risk_named(action.risk)}"
        key, url = f"risk-action:{action.pk}:due", risk_path(action.risk)
        _remind(action.owner, key=key, due_on=action.due_date, today=today, what="action", of=of, url=url)


def agreement_reminder(*, agreement: DataSharingAgreement, today: datetime.date) -> None:
    """Remind the initiative's programme managers, who keep its agreements: an agreement names
    its parties, not a person."""
    initiative = agreement.initiative
    path = reverse("governance:agreement_edit", kwargs={"slug": initiative.slug, "pk": agreement.pk})
    named = f"the data sharing agreement “{agreement.title}” in {initiative.title}"
    for person in User.objects.managing(initiative).filter(is_active=True):
        key = f"agreement:{agreement.pk}:review"
        _remind(person, key=key, due_on=agreement.review_date, today=today, what="review", of=named, url=path)
