"""A recommendation's road to closure, declared once: which move takes it from which state to which.

The owning body proposes closure with evidence; an assurance reviewer confirms it or reopens it.
Services make each move with a conditional UPDATE on the states listed here, so two people acting
at once cannot both succeed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

OPEN = "open"
PROPOSED_CLOSED = "proposed_closed"
CLOSED = "closed"

STATES = (OPEN, PROPOSED_CLOSED, CLOSED)


class Move(StrEnum):
    PROPOSE = "propose"
    CONFIRM = "confirm"
    REOPEN = "reopen"


@dataclass(frozen=True)
class Transition:
    move: Move
    sources: frozenset[str]
    target: str
    # Past tense for messages and the trail: "already confirmed closed by ...".
    done: str


TRANSITIONS: dict[Move, Transition] = {
    t.move: t
    for t in (
        Transition(Move.PROPOSE, frozenset({OPEN}), PROPOSED_CLOSED, "proposed for closure"),
        Transition(Move.CONFIRM, frozenset({PROPOSED_CLOSED}), CLOSED, "confirmed closed"),
        Transition(Move.REOPEN, frozenset({PROPOSED_CLOSED}), OPEN, "reopened"),
    )
}

# The reviewer's answers to a proposal.
REVIEWING = (Move.CONFIRM, Move.REOPEN)
# Moves that need words: the evidence of a proposal, the reason for reopening.
COMMENT_REQUIRED = frozenset({Move.PROPOSE, Move.REOPEN})


def target_of(move: Move, current: str) -> str | None:
    """The state `move` leads to from `current`, or None if it may not be taken from there."""
    transition = TRANSITIONS[move]
    return transition.target if current in transition.sources else None


def can(move: Move, current: str) -> bool:
    return current in TRANSITIONS[move].sources


def done_between(source: str, target: str) -> str | None:
    """The past tense of the move from `source` to `target`, None if there is no such move."""
    return next(
        (t.done for t in TRANSITIONS.values() if t.target == target and source in t.sources),
        None,
    )
