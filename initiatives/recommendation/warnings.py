"""What the recommendation means must happen from day one.

The first warning is the primary model's trade-off from the design's table; then what the
primary and each component need from day one; then what particular answers add. Like the
reasons, a warning names only structures the recommendation chose.
"""

from __future__ import annotations

from initiatives.operating_models import PROFILES
from initiatives.recommendation.answers import Answers
from initiatives.recommendation.structure import (
    BOARD,
    DATA_SHARING,
    LEAD,
    LIGHT,
    SHARED_SERVICE,
    Structure,
)
from initiatives.recommendation.wording import said

# What each structure needs from day one, beyond what particular answers add.
_DAY_ONE = {
    LIGHT: "Check regularly that separate delivery still adds up to the shared outcome, and re-run this "
    "checklist if delivery starts to depend on tight operational alignment.",
    LEAD: "Involve partners properly from day one: agree how they are consulted, which decisions they can "
    "challenge and how the benefits they receive are measured, so the lead body does not optimise for "
    "itself.",
    BOARD: "Make decision rights tight from day one: write down what the board decides, what the senior "
    "owner decides alone and what stays with each body, so the board does not slow delivery.",
    SHARED_SERVICE: "Plan the shared service's migration and change management from day one: each body's "
    "move onto it, the old processes and contracts it retires, and support for staff who change how they "
    "work.",
    DATA_SHARING: "Before any records move: confirm the legal gateway for each exchange, sign a data sharing "
    "agreement between the bodies and complete a data protection impact assessment (DPIA). Start the "
    "technical and security work at once: secure transfer, access control, audit and retention.",
}


def warnings(a: Answers, structure: Structure) -> list[str]:
    profile = PROFILES[structure.primary]
    trade_off = profile.trade_off
    warnings = [f"{profile.name} trade-off: {trade_off[:1].lower()}{trade_off[1:]}."]
    if a.bodies == 1:
        warnings += _one_body(a)
    else:
        warnings += [_DAY_ONE[model] for model in structure.chosen]
    warnings += _from_answers(a, structure)
    if a.bodies > 1:
        warnings += _governance(a, structure)
    return warnings


def _from_answers(a: Answers, structure: Structure) -> list[str]:
    warnings = []
    if a.data != "none":
        warnings.append(
            "Agree common definitions, identifiers and formats from day one and name the body that masters "
            "each; definitions agreed late or left disputed are a common failure point."
        )
    if a.operations == "shared_platform" and SHARED_SERVICE not in structure.chosen:
        warnings.append(
            "Plan the migration and change management of the reused process, tool or back office from day "
            "one, and the old processes it retires."
        )
    if a.operations == "handoffs":
        warnings.append(
            "Map the citizen journey across the bodies and agree every handoff: what passes, to whom, how "
            "fast, and how a dropped handoff is noticed."
        )
    if a.crisis:
        warnings.append(
            "Pre-agree how the bodies stand up a joint response in a crisis: who is called, who decides out "
            "of hours, the escalation route and its thresholds. Rehearse it before it is needed."
        )
        if structure.primary == BOARD:
            warnings.append(
                "A board is too slow for a crisis: delegate emergency decisions in advance to a named lead."
            )
    return warnings


def _governance(a: Answers, structure: Structure) -> list[str]:
    primary = structure.primary
    warnings = []
    if a.decisions == "joint" and primary == LEAD:
        warnings.append(
            f"You said {a.said('decisions')}, but in a lead department model the lead body decides and "
            "partners are consulted. Agree that change with partners before you start, or re-run this "
            "checklist if they must share every decision."
        )
    if a.budget == "pooled":
        holder = "the lead body to hold it as accountable body" if primary == LEAD else "who holds it"
        warnings.append(
            f"Agree in writing how the pooled budget works: {holder}, who approves spending, and how every "
            "body sees and challenges it."
        )
    if a.budget == "one_funds_others_benefit":
        warnings.append(
            "Agree how the benefits to bodies that do not pay are measured and reported, and count each "
            "benefit once, never in two bodies' figures."
        )
    if a.single_owner == "yes" and primary == LIGHT:
        warnings.append(
            "One body could own the outcome alone: check whether it could simply deliver it and keep the "
            "others informed."
        )
    if a.single_owner == "no" and primary == LIGHT:
        warnings.append(
            "No single body can own the outcome: agree who reports on it as a whole, so separate delivery "
            "still adds up."
        )
    return warnings + _many_bodies(a, structure)


def _many_bodies(a: Answers, structure: Structure) -> list[str]:
    warnings = []
    if a.bodies >= 6:
        warnings += {
            LEAD: [
                f"With {a.bodies} bodies, agree one way for the lead department to consult them all, so "
                "partners are not consulted one at a time."
            ],
            BOARD: [
                f"With {a.bodies} bodies, a board of all of them will be slow: keep it to the bodies that "
                "decide or fund, and consult the rest."
            ],
            SHARED_SERVICE: [
                f"With {a.bodies} bodies, the shared service cannot be steered by every body at once: let "
                "the bodies that fund it or rely on it most steer it, and consult the rest."
            ],
        }.get(structure.primary, [])
    if a.bodies >= 3 and DATA_SHARING in structure.components:
        warnings.append(
            f"With {a.bodies} bodies, agree one data sharing agreement that every body exchanging records "
            "signs, rather than one for each pair of bodies."
        )
    return warnings


def _one_body(a: Answers) -> list[str]:
    warnings = [
        "Keep any body that benefits from or is affected by the work informed, so it does not optimise for "
        "one body alone."
    ]
    elsewhere = [
        key
        for key, light_values in (
            ("single_owner", ("yes", "partly")),
            ("decisions", ("separate", "one_body")),
            ("budget", ("separate",)),
            ("data", ("none", "definitions")),
            ("operations", ("none",)),
            ("crisis", (False,)),
        )
        if getattr(a, key) not in light_values
    ]
    if elsewhere:
        warnings.append(
            f"You said only one body is involved, but also that {said(a, elsewhere)}. Those answers point to "
            "other bodies: add them to the initiative and re-run the checklist, or this recommendation will "
            "be too light."
        )
    if a.data == "exchange":
        warnings.append(
            "If records come from or go to bodies outside the initiative, you still need a legal gateway, a "
            "data sharing agreement and a data protection impact assessment (DPIA) before any records move."
        )
    return warnings
