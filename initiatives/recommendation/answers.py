"""The seven answers: what each may be, how they read in plain English, and how they are checked.

`answer_problems` is the single definition of a valid answer, shared by the wizard, the
`recommend_model` command and the assessment service. Each problem names its key.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

CHOICE_ANSWERS: dict[str, tuple[str, ...]] = {
    "single_owner": ("yes", "partly", "no"),
    "decisions": ("separate", "one_body", "joint"),
    "budget": ("separate", "one_funds_others_benefit", "pooled"),
    "data": ("none", "definitions", "exchange"),
    "operations": ("none", "handoffs", "shared_platform"),
}
ANSWER_KEYS: tuple[str, ...] = (*CHOICE_ANSWERS, "crisis", "bodies")

# What each answer means, in words that follow "You said ...".
SAID: dict[tuple[str, object], str] = {
    ("single_owner", "yes"): "one body could own the outcome alone",
    ("single_owner", "partly"): "one body could own part of the outcome but not all of it",
    ("single_owner", "no"): "no single body could own the outcome alone",
    ("decisions", "separate"): "each body decides for itself",
    ("decisions", "one_body"): "one body decides after consulting the others",
    ("decisions", "joint"): "the bodies take decisions jointly",
    ("budget", "separate"): "each body funds its own part",
    ("budget", "one_funds_others_benefit"): "one body pays while the others benefit",
    ("budget", "pooled"): "the bodies pool their budgets",
    ("data", "none"): "no data needs to be shared or agreed",
    ("data", "definitions"): "the bodies need common definitions or reference data",
    ("data", "exchange"): "records are regularly exchanged between bodies",
    ("operations", "none"): "no citizen journey or process crosses from one body to another",
    ("operations", "handoffs"): "a citizen journey crosses from one body to another",
    ("operations", "shared_platform"): "one process, tool or back office will be reused by several bodies",
    ("crisis", True): "the bodies must be able to respond together to a crisis",
    ("crisis", False): "the bodies do not need to respond together to a crisis",
}


@dataclass(frozen=True)
class AnswerProblem:
    key: str | None  # None when the document as a whole is wrong
    message: str

    def __str__(self) -> str:
        if not self.key:
            return self.message
        # A key typed with a line break or control character is quoted, so the refusal stays one line.
        key = self.key if self.key.isprintable() else json.dumps(self.key)
        return f"{key}: {self.message}"


class InvalidAnswers(ValueError):
    """The answers break the contract. str() is one line naming every key at fault."""

    def __init__(self, problems: list[AnswerProblem]):
        self.problems = problems
        super().__init__("; ".join(str(problem) for problem in problems))


@dataclass(frozen=True)
class Answers:
    single_owner: str
    decisions: str
    budget: str
    data: str
    operations: str
    crisis: bool
    bodies: int

    def said(self, key: str) -> str:
        if key == "bodies":
            return "only one body is involved" if self.bodies == 1 else f"{self.bodies} bodies are involved"
        return SAID[key, getattr(self, key)]

    def as_dict(self) -> dict:
        return {key: getattr(self, key) for key in ANSWER_KEYS}


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=True, default=repr)
    return text if len(text) <= 40 else text[:37] + "..."


def answer_problems(raw: object) -> list[AnswerProblem]:
    """Everything wrong with the answers, unknown keys first, then in contract order."""
    if not isinstance(raw, Mapping):
        kind = {
            list: "a list",
            str: "a string",
            bool: "true or false",
            int: "a number",
            float: "a number",
            type(None): "null",
        }.get(type(raw), type(raw).__name__)
        return [
            AnswerProblem(
                None, f"answers must be a JSON object with the keys {join_words(ANSWER_KEYS)}, not {kind}"
            )
        ]
    problems = [
        AnswerProblem(str(key), f"unknown key; the answers are {join_words(ANSWER_KEYS)}")
        for key in sorted(map(str, raw))
        if key not in ANSWER_KEYS
    ]
    for key in ANSWER_KEYS:
        if key not in raw:
            problems.append(AnswerProblem(key, "missing; every answer is required"))
            continue
        value = raw[key]
        if key in CHOICE_ANSWERS:
            if not isinstance(value, str) or value not in CHOICE_ANSWERS[key]:
                allowed = join_words(CHOICE_ANSWERS[key], last="or")
                problems.append(AnswerProblem(key, f"must be one of {allowed}, not {_shown(value)}"))
        elif key == "crisis":
            if not isinstance(value, bool):
                problems.append(
                    AnswerProblem(key, f"must be true or false (a JSON boolean), not {_shown(value)}")
                )
        elif isinstance(value, bool) or not isinstance(value, int) or value < 1:
            problems.append(AnswerProblem(key, f"must be a whole number of 1 or more, not {_shown(value)}"))
    return problems


def validate_answers(raw: object) -> Answers:
    problems = answer_problems(raw)
    if problems:
        raise InvalidAnswers(problems)
    return Answers(**{key: raw[key] for key in ANSWER_KEYS})


def parse_answers_json(document: str | bytes) -> object:
    """Decode answers sent as JSON (UTF-8 if bytes); refuse malformed JSON and a key given twice."""
    if isinstance(document, bytes):
        try:
            document = document.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            problem = f"answers are not valid JSON: the text is not UTF-8 ({error.reason})"
            raise InvalidAnswers([AnswerProblem(None, problem)]) from None

    def refuse_duplicates(pairs: list[tuple[str, object]]) -> dict:
        seen: dict[str, object] = {}
        for key, value in pairs:
            if key in seen:
                raise InvalidAnswers([AnswerProblem(key, "given more than once")])
            seen[key] = value
        return seen

    try:
        return json.loads(document, object_pairs_hook=refuse_duplicates)
    except InvalidAnswers:
        raise
    # ValueError also covers a number too long to read; RecursionError, absurdly deep nesting.
    except (ValueError, RecursionError) as error:
        raise InvalidAnswers([AnswerProblem(None, f"answers are not valid JSON: {error}")]) from None


def join_words(items, last: str = "and") -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"
