"""Small pieces of wording the reasons, alternatives and warnings share."""

from __future__ import annotations

from collections.abc import Iterable

from initiatives.operating_models import PROFILES
from initiatives.recommendation.answers import Answers, join_words
from initiatives.recommendation.structure import BOARD, DATA_SHARING, LEAD, LIGHT, SHARED_SERVICE


def said(a: Answers, keys: Iterable[str]) -> str:
    """The answers as one clause after "You said": "A", "A and that B", "A, that B and that C"."""
    phrases = [a.said(key) for key in dict.fromkeys(keys)]
    if not phrases:
        # A sentence quoting nothing would read "You said ." : a bug, never a sentence.
        raise ValueError("There is no answer to quote")
    return join_words([phrases[0], *(f"that {phrase}" for phrase in phrases[1:])])


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def name(model: str) -> str:
    return PROFILES[model].name


# Each model named as the thing a sentence is about, with its article: "the joint programme board".
THE = {
    LIGHT: "light coordination",
    LEAD: "the lead department",
    BOARD: "the joint programme board",
    SHARED_SERVICE: "the shared service",
    DATA_SHARING: "the data-sharing partnership",
}
