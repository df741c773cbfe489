"""The operating-model recommendation: a pure function of seven checklist answers.

The contract is in the README ("The recommendation contract"). `recommend(answers)` takes a mapping
with exactly the keys single_owner, decisions, budget, data, operations, crisis and bodies and
returns {"model", "components", "reasons", "alternatives", "warnings"} as plain JSON-ready data.
The wizard, the `recommend_model` command and the assessment service all call it;
`validate_answers` is the one place that decides what a valid answer is. No database, no
request, no clock: the same answers always give the same result.

How the structure is chosen
---------------------------
The five models are not rungs of one ladder: they answer different needs. `model` is the
primary structure, the one that says who decides, who funds and who answers for the outcome;
`components` are the further arrangements particular answers need under it. The design's rule
applies to both: the lightest that can still safely deliver, and a component only where an
answer needs it (structure.py).

The primary structure, for two or more bodies:
- Light coordination when each body decides for itself, funds its own part and runs its own
  processes, and there is no joint crisis response: a shared direction is enough.
- Otherwise the lead department model when one body could own the outcome alone, or could own
  part of it while decisions are not joint and budgets not pooled. Joint decisions or a pooled
  budget under a single owner become warnings (agree the change with partners; let the lead
  body hold the budget as accountable body), not a heavier structure.
- Otherwise a shared service or platform when no body could own the outcome and the one thing
  run jointly is a process, tool or back office reused by several bodies (no joint decisions,
  no pooled budget, no joint crisis response): the service is itself the shared structure.
- Otherwise a joint programme board: decisions, money and risk have to be shared.
With one body the answer is always the lead department model, saying a partnership is barely
needed and warning about any answer that points to other bodies.

The components, for two or more bodies: a shared service when a process, tool or back office
is reused by several bodies (unless it is the primary), and a data-sharing partnership when
records are regularly exchanged between bodies. A data-sharing partnership is never the primary:
it governs the exchange of records, not the decisions and money of the whole initiative.

Reasons start "You said ..." and quote the answers that drove the choice, the primary first,
then one for each component. Alternatives list the other four models in the design's order:
"Would not hold: ...", "Not needed: ..." or "Included as a component rather than the primary
structure: ...". Warnings start with the primary model's trade-off from the design's table,
then what the primary and its components need from day one, then what the answers add.
No sentence outside the alternatives names a structure the recommendation did not choose.
"""

from __future__ import annotations

from collections.abc import Mapping

from initiatives.recommendation.alternatives import alternatives
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
from initiatives.recommendation.reasons import component_why, reasons
from initiatives.recommendation.structure import MODELS, choose_structure
from initiatives.recommendation.warnings import warnings

__all__ = [
    "ANSWER_KEYS",
    "CHOICE_ANSWERS",
    "MODELS",
    "SAID",
    "AnswerProblem",
    "Answers",
    "InvalidAnswers",
    "answer_problems",
    "parse_answers_json",
    "recommend",
    "validate_answers",
]


def recommend(answers: Mapping) -> dict:
    """The primary structure and its components, with reasons, alternatives and warnings.

    Raises InvalidAnswers when the answers break the contract.
    """
    a = validate_answers(answers)
    structure = choose_structure(a)
    return {
        "model": structure.primary,
        "components": [
            {"model": component, "why": component_why(component, structure.primary, a)}
            for component in structure.components
        ],
        "reasons": reasons(a, structure),
        "alternatives": alternatives(a, structure),
        "warnings": warnings(a, structure),
    }
