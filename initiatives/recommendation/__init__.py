"""The operating-model recommendation: a pure function of seven checklist answers.

The contract is in DESIGN.md ("Recommendation contract"). `recommend(answers)` takes a mapping
with exactly the keys single_owner, decisions, budget, data, operations, crisis and bodies and
returns {"model", "reasons", "alternatives", "warnings"} as plain JSON-ready data. The wizard,
the `recommend_model` command and the assessment service all call it; `validate_answers` is the
one place that decides what a valid answer is. No database, no request, no clock: the same
answers always give the same result.

How the model is chosen
-----------------------
The guiding rule is "the lightest structure that can still safely deliver". The five models are
ordered lightest to heaviest (OperatingModel). For each model the engine asks whether it would
*hold* given the answers, and recommends the lightest one that does. A model is ruled out by
these answers, and only these:

- Light coordination (shared direction, separate delivery) does not hold when one body decides
  for the others or they decide jointly, when anyone funds anyone else or budgets are pooled,
  when a citizen journey crosses bodies or a platform is shared, when records are exchanged,
  when the bodies must respond together to a crisis, or when only one body is involved (there is
  no one to coordinate with). Common definitions alone do not rule it out.
- The lead department model does not hold when no single body could own the outcome
  (single_owner "no"), or when a body could own only part of it while decisions are joint or
  budgets pooled. When one body could own the outcome alone (single_owner "yes") it holds
  whatever is said about decisions, budget, handoffs or crisis: the design says to keep the
  partnership as light as possible, so those answers become warnings (move decisions to the
  lead body, let it hold a pooled budget as accountable body) rather than a heavier model.
- The joint programme board holds for any governance answers, but a board neither owns the
  legal, technical and security work of exchanging records nor runs a platform.
- The shared service or platform does not hold when records are regularly exchanged between
  bodies: the legal gateway, data sharing agreement and DPIA need a partnership that owns them.
- The data-sharing partnership always holds; it is chosen only when records are exchanged.
- Every model except the lead department is ruled out when only one body is involved.

In practice, for two or more bodies: records exchanged -> data-sharing partnership (a shared
platform then runs as one of its workstreams); otherwise a shared platform -> shared service;
otherwise nothing decided, funded or delivered across bodies and no crisis -> light
coordination; otherwise a body that can own the outcome -> lead department; otherwise joint
programme board. With one body the answer is always the lead department model, saying that a
partnership is barely needed and warning about any answer that points to other bodies.

Reasons start "You said ..." and quote the answers that drove the choice. Alternatives list the
other four models lightest first: each lighter one "Would not hold: ..." naming the answers
that rule it out, each heavier one "Not needed: ...". Warnings start with the chosen model's
trade-off from the design's table, then what the answers mean must happen from day one.
"""

from __future__ import annotations

from collections.abc import Mapping

from initiatives.recommendation import explanations
from initiatives.recommendation.answers import (
    ANSWER_KEYS,
    CHOICE_ANSWERS,
    SAID,
    AnswerProblem,
    Answers,
    InvalidAnswers,
    answer_problems,
    parse_answers_json,
    validate_answers,
)
from initiatives.recommendation.ladder import (
    BOARD,
    LEAD,
    LIGHT,
    MODELS_LIGHTEST_FIRST,
    SHARED_SERVICE,
)

__all__ = [
    "ANSWER_KEYS",
    "CHOICE_ANSWERS",
    "MODELS_LIGHTEST_FIRST",
    "SAID",
    "AnswerProblem",
    "Answers",
    "InvalidAnswers",
    "answer_problems",
    "parse_answers_json",
    "recommend",
    "validate_answers",
]


def _ruled_out_by(model: str, a: Answers) -> list[str]:
    """The answer keys that stop `model` from safely delivering; empty when it holds."""
    if a.bodies == 1:
        return [] if model == LEAD else ["bodies"]
    if model == LIGHT:
        keys = [
            key
            for key, light_value in (
                ("decisions", "separate"),
                ("budget", "separate"),
                ("operations", "none"),
            )
            if getattr(a, key) != light_value
        ]
        return keys + ["data"] * (a.data == "exchange") + ["crisis"] * a.crisis
    keys = []
    if model == LEAD:
        if a.single_owner == "no":
            keys.append("single_owner")
        elif a.single_owner == "partly" and (a.decisions == "joint" or a.budget == "pooled"):
            keys.append("single_owner")
            keys += [
                key
                for key, value in (("decisions", "joint"), ("budget", "pooled"))
                if getattr(a, key) == value
            ]
    if model in (LEAD, BOARD, SHARED_SERVICE) and a.data == "exchange":
        keys.append("data")
    if model in (LEAD, BOARD) and a.operations == "shared_platform":
        keys.append("operations")
    return keys


def recommend(answers: Mapping) -> dict:
    """The lightest operating model that holds, with reasons, alternatives and warnings.

    Raises InvalidAnswers when the answers break the contract.
    """
    a = validate_answers(answers)
    ruled_out = {model: _ruled_out_by(model, a) for model in MODELS_LIGHTEST_FIRST}
    model = next(model for model in MODELS_LIGHTEST_FIRST if not ruled_out[model])
    chosen_rank = MODELS_LIGHTEST_FIRST.index(model)
    alternatives = [
        {
            "model": other,
            "why_not": (
                explanations.would_not_hold(other, a, ruled_out[other])
                if rank < chosen_rank
                else explanations.not_needed(other, model, a)
            ),
        }
        for rank, other in enumerate(MODELS_LIGHTEST_FIRST)
        if other != model
    ]
    return {
        "model": model,
        "reasons": explanations.reasons(model, a, ruled_out),
        "alternatives": alternatives,
        "warnings": explanations.warnings(model, a),
    }
