"""Demonstration decisions, each a real walk through its states, written through the services.

A decision is drafted by the initiative's programme manager, then (as the story says) submitted,
decided by whoever must decide it, and escalated; a later version supersedes a decided one.
Registered in seed_demo's FURTHER_SEEDERS after the RACI and forums seeders, whose rows and
escalation route the decisions use; only the initiatives the seed has just created are touched.
"""

from __future__ import annotations

from governance.decisions import services as decisions
from governance.decisions.models import Decision
from governance.decisions.states import Action
from governance.forums.escalation import escalation_raise
from initiatives.demo.story import in_days
from initiatives.demo.world import DemoWorld, NewInitiative


def seed_decisions(world: DemoWorld) -> None:
    for new in world.created:
        made: dict[str, Decision] = {}
        for decision in new.story.decisions:
            made[decision["title"]] = _decision_walk(new, made, **decision)


def _decision_walk(
    new: NewInitiative,
    made: dict[str, Decision],
    *,
    submitted: bool = False,
    decided: tuple[str, str] | None = None,
    revisit_in_days: int | None = None,
    escalated: str = "",
    withdrawn: str = "",
    **content,
) -> Decision:
    """Draft the decision, then take it as far as the story says: submitted, decided (a deferral to a date
    `revisit_in_days` away), escalated, withdrawn."""
    by = new.programme_manager
    decision = _decision_draft(new, made, **content)
    if submitted:
        decisions.decision_submit(decision=decision, by=by)
    if decided:
        action, comment = decided
        decisions.decision_decide(
            decision=decision,
            by=decision.decider,
            action=Action(action),
            comment=comment,
            deferred_until=in_days(revisit_in_days),
        )
    if escalated:
        escalation_raise(initiative=new.initiative, decision=decision, by=by, reason=escalated)
    if withdrawn:
        decisions.decision_withdraw(decision=decision, by=by, reason=withdrawn)
    return decision


def _decision_draft(
    new: NewInitiative,
    made: dict[str, Decision],
    *,
    title: str,
    context: str,
    options: str,
    recommendation: str,
    due_in_days: int | None = None,
    raci_row: str = "",
    supersedes: str = "",
    reason: str = "",
) -> Decision:
    """A new draft; or, when it `supersedes` a decided one, the next version of it, for `reason`."""
    by = new.programme_manager
    if supersedes:
        draft = decisions.decision_supersede(decision=made[supersedes], by=by, reason=reason)
        return decisions.decision_update(
            decision=draft,
            by=by,
            title=title,
            context=context,
            options=options,
            recommendation=recommendation,
            due_date=in_days(due_in_days),
        )
    return decisions.decision_create(
        initiative=new.initiative,
        by=by,
        title=title,
        context=context,
        options=options,
        recommendation=recommendation,
        due_date=in_days(due_in_days),
        raci_row=new.initiative.raci_rows.get(activity=raci_row) if raci_row else None,
    )
