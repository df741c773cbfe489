"""The pack's account of who decides: forums, the escalation route and escalations, RACI, decisions."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.text import capfirst

from governance import models as gov
from governance.forums.escalation import level_label, sent_to
from governance.packs.content.values import grouped, iso_date, person_name, text_lines
from initiatives.models import Initiative


def forum_members(initiative: Initiative) -> dict[int, list]:
    """Each forum's member bodies (links with their body), by forum id, in one query."""
    return grouped(
        gov.Forum.member_bodies.through.objects.filter(forum__initiative=initiative)
        .select_related("body")
        .order_by("body__name"),
        "forum_id",
    )


def forums(initiative: Initiative) -> list[dict]:
    members = forum_members(initiative)
    return [
        {
            "name": forum.name,
            "purpose": forum.purpose,
            "purpose_label": forum.get_purpose_display(),
            "chair": person_name(forum.chair),
            "cadence": forum.get_cadence_display(),
            "member_bodies": [link.body.short_name for link in members[forum.pk]],
            "members": text_lines(forum.members),
            "terms_of_reference": forum.terms_of_reference,
        }
        for forum in gov.Forum.objects.filter(initiative=initiative).select_related("chair")
    ]


def escalation_levels(initiative: Initiative) -> list[dict]:
    return [
        {
            "level": level.level,
            "name": level.name,
            "who": level.who,
            "forum": level.forum.name if level.forum else "",
            "threshold": level.threshold,
        }
        for level in gov.EscalationLevel.objects.filter(initiative=initiative).select_related("forum")
    ]


def escalations(initiative: Initiative) -> list[dict]:
    escalations = gov.Escalation.objects.filter(initiative=initiative).select_related(
        "risk", "decision", "from_level", "to_level", "escalated_by"
    )
    return [
        {
            "subject": (
                f"{e.risk.reference}: {e.risk.title}"
                if e.risk
                else f"{e.decision.reference}: {e.decision.title}"
            ),
            "from_level": level_label(e.from_level) if e.from_level else "",
            "to": capfirst(sent_to(e)),
            "reason": e.reason,
            "by": person_name(e.escalated_by),
            "at": e.escalated_at.isoformat(),
        }
        for e in escalations.order_by("escalated_at", "pk")
    ]


def raci(initiative: Initiative) -> dict:
    columns = list(initiative.raci_columns.in_matrix_order().select_related("body", "holder"))
    cells = grouped(gov.RaciCell.objects.of(initiative), "row_id")
    return {
        "columns": [
            {
                "key": str(column.pk),
                "label": f"{column.body.short_name} {column.role_name}".strip(),
                "body": column.body.name,
                "holder": person_name(column.holder),
            }
            for column in columns
        ],
        "rows": [
            {
                "activity": row.activity,
                "kind": row.kind,
                "kind_label": row.get_kind_display(),
                "cells": {str(cell.column_id): cell.value for cell in cells[row.pk]},
            }
            for row in initiative.raci_rows.in_matrix_order()
        ],
    }


def decision_trails(initiative: Initiative) -> dict[int, list]:
    """Each decision's transitions, oldest first, by decision id, in one query."""
    return grouped(
        gov.DecisionTransition.objects.filter(decision__initiative=initiative)
        .select_related("by")
        .order_by("at", "pk"),
        "decision_id",
    )


def current_decisions(initiative: Initiative) -> QuerySet[gov.Decision]:
    """The decisions a pack prints: withdrawn ones are in the annex of closed and retired records."""
    return (
        gov.Decision.objects.filter(initiative=initiative)
        .current()
        .select_related("decider", "created_by", "raci_row", "supersedes")
        .order_by("number")
    )


def decisions(initiative: Initiative) -> list[dict]:
    trails = decision_trails(initiative)
    decisions = current_decisions(initiative)
    statuses = dict(gov.Decision.Status.choices)
    return [
        {
            "number": decision.number,
            "reference": decision.reference,
            "title": decision.title,
            "context": decision.context,
            "options": text_lines(decision.options),
            "recommendation": decision.recommendation,
            "due_date": iso_date(decision.due_date),
            "status": decision.status,
            "status_label": decision.get_status_display(),
            "decider": person_name(decision.decider),
            "raci_activity": decision.raci_row.activity if decision.raci_row else "",
            "supersedes": decision.supersedes.reference if decision.supersedes else "",
            "created_by": person_name(decision.created_by),
            "created_at": decision.created_at.isoformat(),
            "trail": [
                {
                    "from_label": statuses.get(step.from_status, "New"),
                    "to_label": statuses.get(step.to_status, step.to_status),
                    "by": person_name(step.by),
                    "at": step.at.isoformat(),
                    "comment": step.comment,
                }
                for step in trails[decision.pk]
            ],
        }
        for decision in decisions
    ]
