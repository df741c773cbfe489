"""What a person holds in the governance registers, for people.holdings (registered in apps.py).

When someone leaves, each of these is listed with the page where it can be given to someone else.
Closed and decided records are history, not holdings: only what still needs an owner is listed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from django.urls import reverse

from governance.decisions.models import Decision
from governance.forums.models import Forum
from governance.raci.models import RaciColumn
from governance.risks.models import Risk, RiskAction
from initiatives.models import User
from people.holdings import Holding

T = TypeVar("T")


def _at(initiative, name: str, **kwargs) -> str:
    return reverse(f"governance:{name}", kwargs={"slug": initiative.slug, **kwargs})


def _listed(
    kind: str, records: Iterable[T], label: Callable[[T], str], url: Callable[[T], str]
) -> Iterator[Holding]:
    for record in records:
        yield Holding(kind=kind, label=label(record), url=url(record))


def risks_owned(*, person: User) -> Iterator[Holding]:
    return _listed(
        "Risks they own",
        Risk.objects.filter(owner=person, status=Risk.Status.OPEN).select_related("initiative"),
        label=lambda risk: f"{risk.reference} {risk.title} ({risk.initiative.title})",
        url=lambda risk: _at(risk.initiative, "risk_edit", pk=risk.pk),
    )


def risk_actions_owned(*, person: User) -> Iterator[Holding]:
    return _listed(
        "Risk actions they own",
        RiskAction.objects.filter(owner=person, status=RiskAction.Status.OPEN).select_related(
            "risk__initiative"
        ),
        label=lambda action: f"{action} ({action.risk.reference}, {action.risk.initiative.title})",
        url=lambda action: _at(action.risk.initiative, "risk_detail", pk=action.risk.pk),
    )


def raci_columns_held(*, person: User) -> Iterator[Holding]:
    return _listed(
        "RACI columns they answer for",
        RaciColumn.objects.filter(holder=person).select_related("initiative", "body"),
        label=lambda column: f"{column} ({column.initiative.title})",
        url=lambda column: _at(column.initiative, "raci_column_edit", pk=column.pk),
    )


def forums_chaired(*, person: User) -> Iterator[Holding]:
    return _listed(
        "Forums they chair",
        Forum.objects.filter(chair=person).select_related("initiative"),
        label=lambda forum: f"{forum.name} ({forum.initiative.title})",
        url=lambda forum: _at(forum.initiative, "forum_edit", pk=forum.pk),
    )


def decisions_awaiting(*, person: User) -> Iterator[Holding]:
    return _listed(
        "Decisions awaiting them",
        Decision.objects.filter(decider=person, status=Decision.Status.SUBMITTED).select_related(
            "initiative"
        ),
        label=lambda decision: f"{decision.reference} {decision.title} ({decision.initiative.title})",
        url=lambda decision: decision.get_absolute_url(),
    )


PERSON_HOLDINGS = [risks_owned, risk_actions_owned, raci_columns_held, forums_chaired, decisions_awaiting]
