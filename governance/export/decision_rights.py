"""The export's account of who decides: the RACI matrix, forums, escalation, decisions and trails."""

from __future__ import annotations

from governance import models as gov
from governance.export.references import body, moment, person
from governance.packs.content.decision_rights import current_decisions, decision_trails, forum_members
from governance.packs.content.values import grouped, text_lines
from initiatives.models import Initiative


def raci(initiative: Initiative) -> dict:
    columns = initiative.raci_columns.in_matrix_order().select_related("body", "holder")
    cells = grouped(gov.RaciCell.objects.of(initiative), "row_id")
    return {
        "columns": [
            {
                "id": column.pk,
                "body": body(column.body),
                "role_name": column.role_name,
                "holder": person(column.holder),
            }
            for column in columns
        ],
        "rows": [
            {
                "id": row.pk,
                "activity": row.activity,
                "kind": row.kind,
                "cells": [{"column_id": cell.column_id, "value": cell.value} for cell in cells[row.pk]],
            }
            for row in initiative.raci_rows.in_matrix_order()
        ],
    }


def forums(initiative: Initiative) -> list[dict]:
    """Current forums, as the pack lists them; stood-down ones are among the retired records."""
    members = forum_members(initiative)
    return [
        {
            "id": forum.pk,
            "name": forum.name,
            "purpose": forum.purpose,
            "chair": person(forum.chair),
            "cadence": forum.cadence,
            "meets_from": moment(forum.meets_from),
            "member_bodies": [body(link.body) for link in members[forum.pk]],
            "members": text_lines(forum.members),
            "terms_of_reference": forum.terms_of_reference,
        }
        for forum in gov.Forum.objects.filter(initiative=initiative).select_related("chair").order_by("name")
    ]


def escalation_route(initiative: Initiative) -> list[dict]:
    return [
        {
            "id": level.pk,
            "level": level.level,
            "name": level.name,
            "who": level.who,
            "forum_id": level.forum_id,
            "threshold": level.threshold,
        }
        for level in gov.EscalationLevel.objects.filter(initiative=initiative).order_by("level")
    ]


def escalations(initiative: Initiative) -> list[dict]:
    """Every risk or decision sent up the route; `to_level_id` is null when it went past the top."""
    found = gov.Escalation.objects.filter(initiative=initiative).select_related(
        "risk", "decision", "escalated_by"
    )
    return [
        {
            "id": e.pk,
            "subject": (e.risk or e.decision).reference,  # type: ignore[union-attr]  # one is set (a constraint)
            "from_level_id": e.from_level_id,
            "to_level_id": None if e.to_board else e.to_level_id,
            "to_board": e.to_board,
            "reason": e.reason,
            "escalated_by": person(e.escalated_by),
            "escalated_at": moment(e.escalated_at),
        }
        for e in found.order_by("escalated_at", "pk")
    ]


def decisions(initiative: Initiative) -> list[dict]:
    """Decisions not withdrawn, as the pack prints them (withdrawn ones are among the retired records)."""
    trails = decision_trails(initiative)
    return [
        {
            "id": decision.pk,
            "reference": decision.reference,
            "title": decision.title,
            "context": decision.context,
            "options": text_lines(decision.options),
            "recommendation": decision.recommendation,
            "due_date": moment(decision.due_date),
            "status": decision.status,
            "deferred_until": moment(decision.deferred_until),
            "decider": person(decision.decider),
            "raci_row_id": decision.raci_row_id,
            "escalation_level_id": decision.escalation_level_id,
            "supersedes": decision.supersedes.reference if decision.supersedes else None,
            "created_by": person(decision.created_by),
            "created_at": moment(decision.created_at),
            "trail": [
                {
                    "from_status": step.from_status or None,
                    "to_status": step.to_status,
                    "by": person(step.by),
                    "at": moment(step.at),
                    "comment": step.comment,
                    "deferred_until": moment(step.deferred_until),
                }
                for step in trails[decision.pk]
            ],
        }
        for decision in current_decisions(initiative)
    ]
