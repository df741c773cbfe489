"""What retiring a record touches, for its confirmation page, and the rows of a register's closed view."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from collab.confirm import Consequence
from governance.decisions.models import Decision
from governance.forums.models import EscalationLevel, Forum
from governance.glossary.models import DataDefinition, DataSharingAgreement
from governance.measures.models import Measure
from governance.retirement.registers import Register
from governance.risks.models import Risk


def _risk(risk: Risk) -> list[Consequence]:
    open_actions = [str(action) for action in risk.actions.filter(status="open")]
    return [Consequence("Open controls and actions: kept with the closed risk", open_actions)]


def _measure(measure: Measure) -> list[Consequence]:
    readings = [f"{reading.taken_on:%-d %B %Y}: {reading.value}" for reading in measure.readings.all()]
    return [Consequence("Readings: kept with the retired measure", readings)]


def _term(term: DataDefinition) -> list[Consequence]:
    meanings = [f"{meaning.body.name}: {meaning.meaning}" for meaning in term.meanings.select_related("body")]
    return [Consequence("Each body's meaning: kept with the withdrawn term", meanings)]


def _agreement(agreement: DataSharingAgreement) -> list[Consequence]:
    parties = [body.name for body in agreement.parties.all()]
    return [Consequence("Parties to the agreement: no longer sharing under it", parties)]


def _forum(forum: Forum) -> list[Consequence]:
    levels = EscalationLevel.objects.filter(forum=forum).up_the_route()
    return [
        Consequence("Its chair", [str(forum.chair)] if forum.chair else []),
        Consequence("Bodies sitting on it", [body.name for body in forum.member_bodies.all()]),
        Consequence(
            "Escalation levels that meet in it: they keep their name and who handles them",
            [str(level) for level in levels],
        ),
    ]


def _decision(decision: Decision) -> list[Consequence]:
    awaiting = [f"{decision.decider}, who was asked to decide it"] if decision.status == "submitted" else []
    return [Consequence("It leaves the queue of", awaiting)]


TOUCHES: dict[type, Callable[[Any], list[Consequence]]] = {
    Risk: _risk,
    Measure: _measure,
    DataDefinition: _term,
    DataSharingAgreement: _agreement,
    Forum: _forum,
    Decision: _decision,
}


def retirement_consequences(record) -> list[Consequence]:
    return TOUCHES[type(record)](record)


@dataclass(frozen=True)
class ClosedRow:
    record: object
    label: str
    url: str
    retired_at: object
    retired_by: object
    reason: str
    lookup: int
    can_restore: bool


def closed_rows(register: Register, initiative, user) -> list[ClosedRow]:
    rows = []
    for record in register.retired(initiative).select_related("retired_by"):
        lookup = getattr(record, register.lookup)
        url = (
            reverse(register.detail, kwargs={"slug": initiative.slug, register.lookup: lookup})
            if register.detail
            else ""
        )
        may = register.restorable and user.has_perm(
            register.permission, record if register.on_record else initiative
        )
        rows.append(
            ClosedRow(
                record=record,
                label=str(record),
                url=url,
                retired_at=record.retired_at,
                retired_by=record.retired_by,
                reason=record.retirement_reason,
                lookup=lookup,
                can_restore=may,
            )
        )
    return rows
