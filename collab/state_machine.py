"""A small state machine, declared as a table of transitions, shared by every workflow that has one.

Each move (an enum member) leads from a set of source states to one target state, with its past
tense for messages and trails ("already approved by ..."). Services make the move with a
conditional UPDATE on the states this table lists, so two people acting at once cannot both win.

An illegal move is never silent: `StateMachine.target_of` raises `TransitionNotAllowed` (naming the
move and the state it was tried from); `can` is the question to ask first when a caller only wants
to know.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

M = TypeVar("M", bound=StrEnum)


@dataclass(frozen=True)
class Transition(Generic[M]):
    move: M
    sources: frozenset[str]
    target: str
    # Past tense for messages and the trail: "already confirmed closed by ...".
    done: str


class TransitionNotAllowed(Exception):
    """`move` may not be taken from `current`."""

    def __init__(self, move: StrEnum, current: str, message: str):
        self.move = move
        self.current = current
        super().__init__(message)


class StateMachine(Generic[M]):
    """The transitions of one workflow, keyed by move, and the questions asked of them.

    `noun` names what moves ("decision") in the message of a refused move.
    """

    def __init__(self, transitions: Iterable[Transition[M]], *, noun: str):
        self.transitions: dict[M, Transition[M]] = {t.move: t for t in transitions}
        self.noun = noun

    def can(self, move: M, current: str) -> bool:
        """Whether `move` may be taken from state `current`."""
        return current in self.transitions[move].sources

    def target_of(self, move: M, current: str) -> str:
        """The state `move` leads to from `current`; TransitionNotAllowed if it may not be taken there."""
        transition = self.transitions[move]
        if current not in transition.sources:
            message = f"A {current or 'new'} {self.noun} cannot be {transition.done}"
            raise TransitionNotAllowed(move, current, message)
        return transition.target

    def allowed(self, current: str) -> list[M]:
        """The moves that may be taken from `current`, in the order the table declares them."""
        return [move for move, transition in self.transitions.items() if current in transition.sources]

    def done_between(self, source: str, target: str) -> str | None:
        """The past tense of the move from `source` to `target` , None if there is no such move."""
        return next(
            (t.done for t in self.transitions.values() if t.target == target and source in t.sources),
            None,
        )
