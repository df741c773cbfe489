"""Telling people about risks: an owner or an action's assignee named.

Each goes through people.notifications.notify, which sends it once, as the person chose.
"""

from __future__ import annotations

from django.db.models import Max
from django.urls import reverse

from governance.risks.models import Risk, RiskAction
from initiatives.models import User
from people.models import EmailKind
from people.notifications import Notice, notify, notify_each


def risk_path(risk: Risk) -> str:
    return reverse("governance:risk_detail", kwargs={"slug": risk.initiative.slug, "pk": risk.pk})


def risk_named(risk: Risk) -> str:
    return f"{risk.reference} {risk.title} in {risk.initiative.title}"


def risk_owner_notify(*, risk: Risk, by: User) -> None:
    """Tell a newly named owner, unless they named themselves. Keyed on the risk's history entry,
    so being named again later is news again, but this naming is told once."""
    if _named_by_someone_else(risk, by):
        occurrence = risk.history.values_list("history_id", flat=True).latest("history_id")
        notify(**vars(_owner_notice(risk, by, occurrence)))


def risk_owners_notify(*, risks: list[Risk], by: User) -> None:
    """risk_owner_notify for many risks just saved (an import): two queries, not several a risk."""
    named = [risk for risk in risks if _named_by_someone_else(risk, by)]
    if not named:
        return
    latest = dict(
        Risk.history.filter(id__in=[risk.pk for risk in named])
        .values("id")
        .annotate(latest=Max("history_id"))
        .values_list("id", "latest")
    )
    notify_each([_owner_notice(risk, by, latest[risk.pk]) for risk in named])


def _named_by_someone_else(risk: Risk, by: User) -> bool:
    return risk.owner is not None and risk.owner_id != by.pk


def _owner_notice(risk: Risk, by: User, occurrence: int) -> Notice:
    assert risk.owner is not None
    return Notice(
        person=risk.owner,
        kind=EmailKind.RISKS_ASSIGNED,
        key=f"risk:{risk.pk}:owner:{occurrence}",
        subject=f"You own risk {risk.reference}: {risk.title}",
        message=f"{by} made you the owner of risk {risk_named(risk)}.",
        url=risk_path(risk),
    )


def risk_action_notify(*, action: RiskAction, by: User) -> None:
    """Tell the person an action was given to, unless they gave it to themselves."""
    if action.owner is None or action.owner_id == by.pk:
        return
    risk = action.risk
    due = f", due by {action.due_date:%-d %B %Y}" if action.due_date else ""
    notify(
        person=action.owner,
        kind=EmailKind.ACTIONS_ASSIGNED,
        key=f"risk_action:{action.pk}:owner:{action.owner_id}",
        subject=f"Action for you on risk {risk.reference}: {action.description}",
        message=f"{by} gave you an action on risk {risk_named(risk)}{due}: {action.description}",
        url=risk_path(risk),
    )
