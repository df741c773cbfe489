"""Why each other model is not the primary structure.

Each of the four other models, in the design table's order, gets one of three answers: it
"Would not hold" (an answer rules it out as the primary structure), it is "Not needed" (it
would hold, but nothing in the answers calls for it), or it is "Included as a component rather
than the primary structure" (it is part of the recommendation, under the primary).
"""

from __future__ import annotations

from initiatives.recommendation.answers import Answers
from initiatives.recommendation.structure import (
    BOARD,
    DATA_SHARING,
    LEAD,
    LIGHT,
    MODELS,
    SHARED_SERVICE,
    Structure,
    joint_work,
    lead_ruled_out_by,
)
from initiatives.recommendation.wording import said

WOULD_NOT_HOLD = "Would not hold: "
NOT_NEEDED = "Not needed: "
INCLUDED = "Included as a component rather than the primary structure: "

_ONE_BODY_NOT_NEEDED = (
    f"{NOT_NEEDED}you said only one body is involved, so there is no partnership to govern."
)

# What a component does, and what the primary governs that the component does not.
_COMPONENT_SCOPE = {
    SHARED_SERVICE: "a shared service runs the reused process, tool or back office",
    DATA_SHARING: "a data-sharing partnership governs the exchange of records",
}
_PRIMARY_SCOPE = {
    LIGHT: "the shared direction the bodies agree",
    LEAD: "the delivery the lead department owns and answers for",
    BOARD: "the decisions, money and risk the bodies share",
    SHARED_SERVICE: "the platform the bodies reuse",
}
# Where common definitions get agreed, under each primary.
_DEFINITIONS_AGREED = {
    LIGHT: "as part of light coordination",
    LEAD: "by the lead department with its partners",
    BOARD: "by the joint programme board",
    SHARED_SERVICE: "by the shared service",
}


def alternatives(a: Answers, structure: Structure) -> list[dict]:
    return [
        {"model": model, "why_not": _why_not(model, a, structure)}
        for model in MODELS
        if model != structure.primary
    ]


def _why_not(model: str, a: Answers, structure: Structure) -> str:
    if model in structure.components:
        return f"{INCLUDED}{_COMPONENT_SCOPE[model]}, not {_PRIMARY_SCOPE[structure.primary]}."
    if a.bodies == 1:
        if model == LIGHT:
            return (
                f"{WOULD_NOT_HOLD}you said only one body is involved, so there is no one to coordinate with."
            )
        return _ONE_BODY_NOT_NEEDED
    return {
        LIGHT: _light,
        LEAD: _lead,
        BOARD: _board,
        SHARED_SERVICE: _shared_service,
        DATA_SHARING: _data_sharing,
    }[model](a, structure.primary)


def _light(a: Answers, primary: str) -> str:
    return (
        f"{WOULD_NOT_HOLD}you said {said(a, joint_work(a))}. Light coordination is weak when the outcome "
        "depends on tight operational alignment."
    )


def _lead(a: Answers, primary: str) -> str:
    if ruled_out := lead_ruled_out_by(a):
        return (
            f"{WOULD_NOT_HOLD}you said {said(a, ruled_out)}. A lead department needs one body that can own "
            "delivery while the others benefit."
        )
    # Only light coordination comes before the lead department when one body could lead.
    return (
        f"{NOT_NEEDED}you said {said(a, ['decisions', 'budget'])}, so no body has to lead on behalf of the "
        "others."
    )


def _board(a: Answers, primary: str) -> str:
    if primary == LIGHT:
        return (
            f"{NOT_NEEDED}you said {said(a, ['decisions', 'budget'])}, so a board would add meetings and "
            "slow decisions without adding control."
        )
    if primary == LEAD:
        quoted = ["single_owner"] if a.single_owner == "yes" else ["single_owner", "decisions", "budget"]
        return (
            f"{NOT_NEEDED}you said {said(a, quoted)}, so a board of all the bodies would add meetings and "
            "slow decisions without adding accountability."
        )
    return (
        f"{NOT_NEEDED}you said {said(a, ['decisions', 'budget', 'crisis'])}, so the shared service's own "
        "governance is enough; a board would add meetings without adding control."
    )


def _shared_service(a: Answers, primary: str) -> str:
    return (
        f"{NOT_NEEDED}you said {a.said('operations')}; a shared service is for one process, tool or back "
        "office reused by several bodies."
    )


def _data_sharing(a: Answers, primary: str) -> str:
    text = (
        f"{NOT_NEEDED}you said {a.said('data')}; a data-sharing partnership is for the regular exchange of "
        "records between bodies, with the legal, technical and security work that brings."
    )
    if a.data == "definitions":
        text += f" Common definitions can be agreed {_DEFINITIONS_AGREED[primary]}."
    return text
