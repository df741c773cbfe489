"""Factories for governance records, and a helper that walks a decision to a state through the services."""

import datetime

import factory
from django.utils import timezone

from governance.decisions import services
from governance.decisions.states import Action
from governance.models import Decision, EscalationLevel, Forum, RaciColumn, RaciRow
from governance.raci import services as raci_services


class RaciRowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RaciRow

    activity = factory.Sequence(lambda n: f"Activity {n}")
    position = factory.Sequence(lambda n: n)


class RaciColumnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RaciColumn

    position = factory.Sequence(lambda n: n)


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum

    name = factory.Sequence(lambda n: f"Forum {n}")
    purpose = Forum.Purpose.DECISIONS
    cadence = Forum.Cadence.MONTHLY


class EscalationLevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EscalationLevel

    level = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Level {n + 1}")
    who = "Workstream leads"
    threshold = "Not resolved in two weeks"


def in_a_month() -> datetime.date:
    """A date to revisit a deferred decision on: in the future, as deferring requires."""
    return timezone.localdate() + datetime.timedelta(days=30)


def draft(world, **fields) -> Decision:
    values = {
        "title": "Approve the data sharing agreement",
        "context": "HMRC and DWP need an agreement before records move.",
        "options": "Approve\nDo nothing",
        "recommendation": "Approve",
        **fields,
    }
    return services.decision_create(initiative=world.initiative, by=world.programme_manager, **values)


def decision_in(world, state: str, **fields) -> Decision:
    """A decision in `state`, reached by the real transitions so its trail is genuine."""
    decision = draft(world, **fields)
    if state == "draft":
        return decision
    services.decision_submit(decision=decision, by=world.programme_manager)
    if state == "submitted":
        return decision
    decider = decision.decider
    if state in ("approved", "superseded"):
        services.decision_decide(decision=decision, by=decider, action=Action.APPROVE, comment="Yes")
    elif state == "rejected":
        services.decision_decide(decision=decision, by=decider, action=Action.REJECT, comment="No")
    elif state == "deferred":
        services.decision_decide(
            decision=decision, by=decider, action=Action.DEFER, comment="Later", deferred_until=in_a_month()
        )
    elif state == "returned":
        services.decision_decide(
            decision=decision, by=decider, action=Action.RETURN, comment="Add the costs for each body"
        )
    elif state == "withdrawn":
        services.decision_withdraw(decision=decision, by=world.programme_manager, reason="Overtaken")
    if state == "superseded":
        services.decision_supersede(decision=decision, by=world.programme_manager, reason="Things changed")
    decision.refresh_from_db()
    assert decision.status == state
    return decision


def role_column(world, *, body=None, role_name: str = "Policy", by=None) -> RaciColumn:
    """A RACI column for a named role within a body (the partner body's Policy team, unless told)."""
    return raci_services.raci_column_add(
        initiative=world.initiative,
        body=body or world.partner_body,
        role_name=role_name,
        holder=None,
        by=by or world.programme_manager,
    )


def two_row_matrix(world) -> tuple[RaciRow, RaciRow, RaciColumn, RaciColumn]:
    """Two RACI rows, a decision and an activity, across the initiative's two bodies: DWP and HMRC."""
    by = world.programme_manager
    first = raci_services.raci_row_add(
        initiative=world.initiative, activity="Approve the business case", kind="decision", by=by
    )
    second = raci_services.raci_row_add(
        initiative=world.initiative, activity="Own the shared risk register", kind="activity", by=by
    )
    dwp, hmrc = RaciColumn.objects.filter(initiative=world.initiative).order_by("position")
    return first, second, dwp, hmrc


def long_matrix(world, rows: int) -> tuple[list[RaciRow], RaciColumn, RaciColumn]:
    """`rows` complete rows (DWP accountable, HMRC responsible) named "Activity 1", "Activity 2"...:
    more than one page of the matrix when past 50 (governance/raci/slices.py)."""
    by = world.programme_manager
    raci_services.raci_columns_from_bodies(initiative=world.initiative, by=by)
    dwp, hmrc = RaciColumn.objects.filter(initiative=world.initiative).order_by("position")
    made = RaciRow.objects.bulk_create(
        RaciRow(initiative=world.initiative, activity=f"Activity {n}", position=n) for n in range(1, rows + 1)
    )
    values = {(row.pk, column.pk): letter for row in made for column, letter in ((dwp, "A"), (hmrc, "R"))}
    raci_services.raci_matrix_save(initiative=world.initiative, values=values, by=by)
    return made, dwp, hmrc


def save_letters(world, columns, *rows) -> None:
    """Save the RACI matrix as drawn: each (row, letters) with its letters in `columns` order,
    "." for none, e.g. save_letters(world, (dwp, hmrc), (first, "A R"), (second, "R A"))."""
    values = {
        (row.pk, column.pk): letter
        for row, letters in rows
        for column, letter in zip(columns, letters.split(), strict=True)
        if letter != "."
    }
    raci_services.raci_matrix_save(initiative=world.initiative, values=values, by=world.programme_manager)


def complete_two_row_matrix(world) -> tuple[RaciRow, RaciRow, RaciColumn, RaciColumn]:
    """two_row_matrix with both rows complete: DWP accountable, HMRC responsible."""
    first, second, dwp, hmrc = two_row_matrix(world)
    raci_services.raci_matrix_save_valid_rows(
        initiative=world.initiative,
        values={
            (row.pk, column.pk): letter
            for row in (first, second)
            for column, letter in ((dwp, "A"), (hmrc, "R"))
        },
        by=world.programme_manager,
    )
    return first, second, dwp, hmrc


def route_to_a_board(initiative, *, chair, stood_down: bool = False) -> EscalationLevel:
    """A two-level escalation route whose level 2 is a programme board chaired by `chair`; returns level 2."""
    board = Forum.all_records.create(
        initiative=initiative,
        name="Programme board",
        purpose=Forum.Purpose.RISK,
        cadence=Forum.Cadence.MONTHLY,
        chair=chair,
        retired_at=timezone.now() if stood_down else None,
    )
    EscalationLevel.objects.create(
        initiative=initiative, level=1, name="Workstream", who="Leads", threshold="-"
    )
    return EscalationLevel.objects.create(
        initiative=initiative, level=2, name="Programme board", who="The board", forum=board, threshold="-"
    )
