"""Your work, risks: those escalated to a level the person sits at, those they own that need
attention, and the actions assigned to them. Registered in governance's AppConfig.ready."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

from collab.govuk_forms import date_text
from governance.forums.escalation import level_label
from governance.forums.models import EscalationLevel
from governance.risks.models import Risk, RiskAction
from initiatives.models import User
from initiatives.your_work import WorkItem, WorkItems, WorkKind


def _risk_url(risk: Risk) -> str:
    return reverse("governance:risk_detail", kwargs={"slug": risk.initiative.slug, "pk": risk.pk})


def risks_escalated_to_you(user: User) -> WorkKind:
    """Open risks at an escalation level whose forum the person chairs."""
    risks = Risk.objects.open_for(user).escalated_to(EscalationLevel.objects.where_person_sits(user))
    items = [
        WorkItem(
            title=str(risk),
            context=risk.initiative.title,
            href=_risk_url(risk),
            hint=f"{risk.initiative.title}. At {level_label(risk.escalation_level)}.",
            status="above_threshold" if risk.is_above_threshold else "open",
            status_label="Escalated",
        )
        for risk in risks.order_by("initiative__title", "number")
    ]
    return WorkKind("risks-escalated", "Risks escalated to you", items)


def _attention(risk: Any) -> tuple[list[str], str, str]:
    """Why the risk (from Risk.objects.needing_attention(), with its annotations) needs its owner,
    and the status of the most pressing reason."""
    reasons = []
    if risk.above_threshold:
        reasons.append(
            f"Score {risk.current_score} is above its escalation threshold of {risk.escalation_threshold}"
        )
    if risk.review_passed and risk.review_date:
        reasons.append(f"Review was due {date_text(risk.review_date)}")
    if not risk.has_open_action and risk.treatment != Risk.Treatment.TOLERATE:
        reasons.append("No open action")
    if risk.above_threshold:
        return reasons, "above_threshold", "Above threshold"
    if risk.review_passed:
        return reasons, "review_overdue", "Review overdue"
    return reasons, "not_started", "No open action"


def risks_you_own_needing_attention(user: User) -> WorkKind:
    def item(risk: Any) -> WorkItem:
        reasons, status, label = _attention(risk)
        return WorkItem(
            title=str(risk),
            context=risk.initiative.title,
            href=_risk_url(risk),
            hint=f"{risk.initiative.title}. {'. '.join(reasons)}.",
            status=status,
            status_label=label,
        )

    risks = Risk.objects.owned_by(user).needing_attention()
    return WorkKind("risks-owned", "Risks you own that need attention", WorkItems(risks, item))


def actions_assigned_to_you(user: User) -> WorkKind:
    """A programme manager may own an action on every risk: items are built for the rows shown only."""
    today = timezone.localdate()

    def item(action: RiskAction) -> WorkItem:
        if action.due_date is None:
            status, label = "open", "No due date"
        else:
            overdue = action.due_date < today
            status, label = ("overdue" if overdue else "open"), f"Due {date_text(action.due_date)}"
        return WorkItem(
            title=Truncator(action.description).chars(120),
            context=action.risk.initiative.title,
            href=_risk_url(action.risk),
            hint=f"{action.risk.initiative.title}. For {action.risk}.",
            status=status,
            status_label=label,
        )

    # Only what an item shows: the home page counts every action in the query that reads its first few.
    actions = RiskAction.objects.assigned_to(user).only(
        "description",
        "due_date",
        "risk__number",
        "risk__title",
        "risk__initiative__title",
        "risk__initiative__slug",
    )
    return WorkKind("actions", "Actions assigned to you", WorkItems(actions, item))
