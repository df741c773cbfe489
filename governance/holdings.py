"""What a person holds in the governance registers, for people.holdings (registered in apps.py).

When someone leaves, each of these is listed with the page where it can be given to someone else.
Closed and decided records are history, not holdings: only what still needs an owner is listed.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse

from governance.decisions.models import Decision
from governance.forums.models import Forum
from governance.raci.models import RaciColumn
from governance.risks.models import Risk, RiskAction
from initiatives.models import User
from people.holdings import Holding


def _at(initiative, name: str, **kwargs) -> str:
    return reverse(f"governance:{name}", kwargs={"slug": initiative.slug, **kwargs})


def risks_owned(*, person: User) -> Iterator[Holding]:
    for risk in Risk.objects.filter(owner=person, status=Risk.Status.OPEN).select_related("initiative"):
        yield Holding(
            kind="Risks they own",
            label=f"{risk.reference} {risk.title} ({risk.initiative.title})",
            url=_at(risk.initiative, "risk_edit", pk=risk.pk),
        )


def risk_actions_owned(*, person: User) -> Iterator[Holding]:
    actions = RiskAction.objects.filter(owner=person, status=RiskAction.Status.OPEN).select_related(
        "risk__initiative"
    )
    for action in actions:
        yield Holding(
            kind="Risk actions they own",
            label=f"{action} ({action.risk.reference}, {action.risk.initiative.title})",
            url=_at(action.risk.initiative, "risk_detail", pk=action.risk.pk),
        )


def raci_columns_held(*, person: User) -> Iterator[Holding]:
    for column in RaciColumn.objects.filter(holder=person).select_related("initiative", "body"):
        yield Holding(
            kind="RACI columns they answer for",
            label=f"{column} ({column.initiative.title})",
            url=_at(column.initiative, "raci_column_edit", pk=column.pk),
        )


def forums_chaired(*, person: User) -> Iterator[Holding]:
    for forum in Forum.objects.filter(chair=person).select_related("initiative"):
        yield Holding(
            kind="Forums they chair",
            label=f"{forum.name} ({forum.initiative.title})",
            url=_at(forum.initiative, "forum_edit", pk=forum.pk),
        )


def decisions_awaiting(*, person: User) -> Iterator[Holding]:
    waiting = Decision.objects.filter(decider=person, status=Decision.Status.SUBMITTED).select_related(
        "initiative"
    )
    for decision in waiting:
        yield Holding(
            kind="Decisions awaiting them",
            label=f"{decision.reference} {decision.title} ({decision.initiative.title})",
            url=decision.get_absolute_url(),
        )


PERSON_HOLDINGS = [risks_owned, risk_actions_owned, raci_columns_held, forums_chaired, decisions_awaiting]
