"""Shaping decision pages: what the reader sees and which actions they are offered."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from collab.govuk_forms import date_text
from collab.history import FieldChange, HistoryEntry, history_entries
from governance.decisions import states as decision_states
from governance.decisions.changes.kinds import KINDS as LINK_KINDS
from governance.decisions.changes.presenters import DecisionAbout, decision_about
from governance.decisions.duties import DeciderChoice, decider_choice, no_decider_message, own_decision
from governance.decisions.forms import DecideForm, ResubmitForm
from governance.decisions.models import Decision, DecisionEmailFailure, DecisionTransition
from governance.decisions.notices import email_failures_open
from governance.decisions.rules import (
    CHANGE_DECISION,
    ESCALATE_DECISION,
    RESEND_DECISION_EMAIL,
    WITHDRAW_DECISION,
    decide_allowed,
)
from governance.decisions.states import Action
from governance.forums.escalation import CannotEscalate, NextStep, escalation_next_step
from governance.forums.models import EscalationLevel, Forum
from governance.forums.presenters import (
    CrowdedPurpose,
    EscalationEntry,
    escalated_to,
    escalation_entries,
    too_many_forums,
)
from governance.raci.matrix import load_matrix
from initiatives.models import Initiative, User


@dataclass
class DecisionPage:
    decision: Decision
    options: list[str]
    # The trail as a timeline, oldest first.
    trail: list[HistoryEntry]
    escalations: list[EscalationEntry]
    # Where it was last sent up the route ("" if never): a level, or the board.
    escalated_to: str
    superseded_by: Decision | None
    # For a draft: who would decide if it were submitted now (None: no one, so it cannot be).
    would_decide: User | None
    # Why the decider is not the named one (they drafted or submitted it), in the reader's terms.
    decider_reason: str
    # Emails about it that reached no one, for those who may send them again.
    email_failures: list[DecisionEmailFailure]
    can_edit: bool
    can_submit: bool
    can_resubmit: bool
    can_decide: bool
    can_change: bool
    can_escalate: bool
    can_withdraw: bool
    escalation_step: NextStep | None
    escalation_refusal: str
    decide_form: DecideForm | None
    resubmit_form: ResubmitForm | None
    # The records it is about and what approving changes; frozen once decided.
    about: DecisionAbout | None = None
    # The decider's step that returned it for changes, while it is back with its drafter.
    returned: DecisionTransition | None = None

    @property
    def has_actions(self) -> bool:
        return any(
            (
                self.can_edit,
                self.can_submit,
                self.can_resubmit,
                self.can_change,
                self.can_escalate,
                self.can_withdraw,
            )
        )


def decision_page(
    decision: Decision,
    user: User,
    *,
    decide_form: DecideForm | None = None,
    resubmit_form: ResubmitForm | None = None,
) -> DecisionPage:
    status = decision.status
    manages = user.has_perm(CHANGE_DECISION, decision)
    can_decide = decision_states.awaits_decider(status) and decide_allowed(user, decision)
    can_resubmit = manages and decision_states.can(Action.RESUBMIT, status)
    step, refusal = None, ""
    submittable = decision_states.can(Action.SUBMIT, status)
    choice = decider_choice(decision, submitter=user) if submittable else None
    escalations = escalation_entries(decision.escalations.with_route().order_by("escalated_at"))
    escalates = decision_states.is_open(status) and user.has_perm(ESCALATE_DECISION, decision)
    if escalates:
        try:
            step = escalation_next_step(initiative=decision.initiative, item=decision)
        except CannotEscalate as reason:
            refusal = str(reason)
    return DecisionPage(
        decision=decision,
        options=[line.strip() for line in decision.options.splitlines() if line.strip()],
        trail=trail_entries(decision.transitions.select_related("by").order_by("at", "pk")),
        escalations=escalations,
        escalated_to=escalated_to(escalations),
        superseded_by=Decision.objects.filter(supersedes=decision).first(),
        would_decide=choice.person if choice else None,
        decider_reason=_preview_reason(decision, choice, user) if choice else _fixed_reason(decision, user),
        email_failures=email_failures_open(decision)
        if user.has_perm(RESEND_DECISION_EMAIL, decision)
        else [],
        can_edit=manages and decision_states.is_editable(status),
        can_submit=manages and decision_states.can(Action.SUBMIT, status),
        can_resubmit=can_resubmit,
        can_decide=can_decide,
        can_change=manages and decision_states.can(Action.SUPERSEDE, status),
        can_escalate=escalates and step is not None,
        can_withdraw=decision_states.can(Action.WITHDRAW, status)
        and user.has_perm(WITHDRAW_DECISION, decision),
        escalation_step=step,
        escalation_refusal=refusal,
        decide_form=(decide_form or DecideForm()) if can_decide else None,
        resubmit_form=(resubmit_form or ResubmitForm()) if can_resubmit else None,
        about=decision_about(decision),
        returned=_returned_step(decision),
    )


def _preview_reason(decision: Decision, choice: DeciderChoice, reader: User) -> str:
    """Before submission: why someone other than the named decider would decide, or why no one could."""
    if choice.person is None and choice.stood_aside is not None:
        return no_decider_message(decision, choice)
    return choice.why(reader)


def _fixed_reason(decision: Decision, reader: User) -> str:
    """The reason stored at submission, with "You" when the reader is the person who stood aside."""
    reason, name = decision.decider_reason, getattr(reader, "full_name", "")
    if name and reason.startswith(f"{name} ") and own_decision(reader, decision):
        return "You " + reason[len(name) + 1 :]
    return reason


@dataclass
class DecisionRightsSummary:
    initiative: Initiative
    raci_rows: int
    raci_columns: int
    raci_failing: list[str]
    raci_warnings: int
    forums: list[Forum]
    crowded: list[CrowdedPurpose]
    levels: list[EscalationLevel]
    awaiting: list[Decision]


def decision_rights_summary(initiative: Initiative) -> DecisionRightsSummary:
    matrix = load_matrix(initiative)
    check = matrix.check()
    forums = list(initiative.forums.select_related("chair").order_by("purpose", "name"))
    return DecisionRightsSummary(
        initiative=initiative,
        raci_rows=len(matrix.rows),
        raci_columns=len(matrix.columns),
        raci_failing=[matrix.rows[index].activity for index in check.failing_rows],
        raci_warnings=len(check.all_warnings) if matrix.rows else 0,
        forums=forums,
        crowded=too_many_forums(forums),
        levels=list(initiative.escalation_levels.up_the_route()),
        awaiting=list(initiative.decisions.awaiting().select_related("decider").order_by("number")),
    )


def _returned_step(decision: Decision) -> DecisionTransition | None:
    if decision.status != decision_states.RETURNED:
        return None
    return decision.transitions.newest_first().select_related("by").first()


def _step_done(step: DecisionTransition) -> str:
    """What the step did, in the machine's own words: "Returned for changes", "Deferred until 3 May 2027"."""
    done = decision_states.done_between(step.from_status, step.to_status)
    done = done or step.get_to_status_display().lower()
    if step.deferred_until:
        done = f"{done} until {date_text(step.deferred_until)}"
    return done[:1].upper() + done[1:]


def trail_entries(steps: Iterable[DecisionTransition]) -> list[HistoryEntry]:
    """Each step of a decision's trail as a timeline entry: who, when, from which state to which, and why."""
    return [
        HistoryEntry(
            who=step.by.full_name,
            when=step.at,
            what=_step_done(step),
            record=str(step.decision_id),
            changes=[
                FieldChange("Status", step.get_from_status_display() or "New", step.get_to_status_display())
            ],
            note=step.comment,
        )
        for step in steps
    ]


def decision_history(decision: Decision) -> list[HistoryEntry]:
    """Every change to the decision, draft edits included; the trail above says why it moved."""
    return history_entries([decision.history.all()])


DECISION_LOG_COLUMNS = [
    "Reference",
    "Title",
    "Status",
    "Decider",
    "Needed by",
    "Deferred until",
    "Raised on",
    "Raised by",
    "Linked records",
    "Context",
    "Options",
    "Recommendation",
]


def decision_log_rows(decisions: Iterable[Decision]) -> list[list]:
    """The log as CSV rows (collab.csv_export neutralises formula-like cells). Dates in ISO form."""

    def iso(value) -> str:
        return value.isoformat() if value else ""

    def linked(decision: Decision) -> str:
        nouns = {LINK_KINDS[link.kind].noun for link in decision.links.all() if link.kind in LINK_KINDS}
        return ", ".join(sorted(nouns))

    return [
        [
            decision.reference,
            decision.title,
            decision.get_status_display(),
            decision.decider.full_name if decision.decider else "",
            iso(decision.due_date),
            iso(decision.deferred_until),
            iso(decision.created_at.date()),
            decision.created_by.full_name,
            linked(decision),
            decision.context,
            decision.options,
            decision.recommendation,
        ]
        for decision in decisions
    ]
