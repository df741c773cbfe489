"""Separation of duties: nobody decides a decision they drafted or submitted (docs/adr/0011).

The named decider is the holder of the RACI row's A column, else the senior owner. When that person
drafted the decision or is submitting it, they stand aside: it goes up the escalation route to the
first level whose forum chair can take it, and past the route to the senior owner. Who may decide
is worked out here once, for submission, the decision page and the deciding itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from governance.decisions import states as decision_states
from governance.decisions.models import Decision
from governance.forums.escalation import level_label
from governance.raci.models import RaciCell
from initiatives.models import Initiative, User


def _can_decide(initiative: Initiative, person: User | None, *, body_id: int | None = None) -> bool:
    """Active, and still in a body taking part (in `body_id` itself, when given)."""
    if person is None or not person.is_active:
        return False
    participations = initiative.participations.with_member(person)
    return participations.filter(body_id=body_id).exists() if body_id else participations.exists()


def named_decider(decision: Decision) -> User | None:
    """The holder of the row's A column while they still belong to its body; else the senior owner."""
    initiative = decision.initiative
    if decision.raci_row_id:
        accountable = list(
            RaciCell.objects.accountable()
            .filter(row_id=decision.raci_row_id)
            .select_related("column__holder")
        )
        if len(accountable) == 1:
            column = accountable[0].column
            if _can_decide(initiative, column.holder, body_id=column.body_id):
                return column.holder
    owner = initiative.senior_owner
    return owner if _can_decide(initiative, owner) else None


def _up_the_route(decision: Decision) -> Iterator[tuple[User | None, str]]:
    """Who else could decide, in order: the chairs of the route's forums from the decision's level up,
    then the senior owner; each with where they stand."""
    levels = decision.initiative.escalation_levels.up_the_route().select_related("forum__chair")
    start = decision.escalation_level.level if decision.escalation_level else 1
    for level in levels:
        forum = level.forum
        if level.level >= start and forum is not None and forum.retired_at is None:
            yield forum.chair, f"the next on the escalation route, as chair of {level_label(level)}"
    yield decision.initiative.senior_owner, "the senior accountable owner"


@dataclass(frozen=True)
class DeciderChoice:
    """Who decides and, when the named decider stood aside, why someone else does."""

    person: User | None
    # The named decider who stood aside, what they did ("drafted", "submitted") and where the decision went.
    stood_aside: User | None = None
    because: str = ""
    goes_to: str = ""

    def why(self, reader: User | None = None) -> str:
        """ "You drafted this, so it goes to Ravi Patel, the next on the escalation route ...", or ""."""
        if self.stood_aside is None or self.person is None:
            return ""
        who = "You" if reader is not None and reader.pk == self.stood_aside.pk else self.stood_aside.full_name
        return f"{who} {self.because} this, so it goes to {self.person.full_name}, {self.goes_to}."


def _what_they_did(decision: Decision, person: User, submitter: User | None) -> str:
    """Why `person` must stand aside: drafting is enough to say; else submitting."""
    if decision.created_by_id == person.pk:
        return "drafted"
    return "submitted" if submitter is not None and submitter.pk == person.pk else ""


def decider_choice(decision: Decision, *, submitter: User | None = None) -> DeciderChoice:
    """Who would decide if `submitter` sent the decision now: never its drafter or its submitter."""
    named = named_decider(decision)
    if named is None:
        return DeciderChoice(person=None)
    because = _what_they_did(decision, named, submitter)
    if not because:
        return DeciderChoice(person=named)
    excluded = {named.pk, decision.created_by_id, submitter.pk if submitter else None}
    for person, goes_to in _up_the_route(decision):
        if person is not None and person.pk not in excluded and _can_decide(decision.initiative, person):
            return DeciderChoice(person=person, stood_aside=named, because=because, goes_to=goes_to)
    return DeciderChoice(person=None, stood_aside=named, because=because)


def no_decider_message(decision: Decision, choice: DeciderChoice) -> str:
    if choice.stood_aside is None:
        return (
            f"There is no one to decide {decision.reference}. Name a senior accountable owner for the "
            "initiative, or a holder for the accountable (A) column of its RACI row, then submit it again."
        )
    return (
        f"{choice.stood_aside.full_name} {choice.because} {decision.reference}, so they cannot decide it, "
        "and there is no one else to: nobody up the escalation route or as senior accountable owner can "
        "take it. Name another senior accountable owner, give the row's A to another holder, or name a "
        "chair for a forum on the escalation route, then submit it again."
    )


def submitter_id(decision: Decision) -> int | None:
    """Who last sent the decision for a decision (submitted or resubmitted it)."""
    return (
        decision.transitions.filter(to_status=decision_states.SUBMITTED)
        .newest_first()
        .values_list("by_id", flat=True)
        .first()
    )


def own_decision(user: User, decision: Decision) -> str:
    """What the user did that bars them from deciding ("drafted", "submitted"), or "" if nothing."""
    acts = []
    if decision.created_by_id == user.pk:
        acts.append("drafted")
    if submitter_id(decision) == user.pk:
        acts.append("submitted")
    return " and ".join(acts)
