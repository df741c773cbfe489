"""Words for a recommendation: reasons quoting the answers, why not the other models, warnings."""

from __future__ import annotations

from initiatives.operating_models import PROFILES
from initiatives.recommendation.answers import Answers, join_words
from initiatives.recommendation.ladder import BOARD, DATA_SHARING, LEAD, LIGHT, SHARED_SERVICE


def _said(a: Answers, keys) -> str:
    """The answers as one clause after "You said": "A", "A and that B", "A, that B and that C"."""
    phrases = [a.said(key) for key in dict.fromkeys(keys)]
    return join_words([phrases[0], *(f"that {phrase}" for phrase in phrases[1:])])


def reasons(model: str, a: Answers, ruled_out: dict[str, list[str]]) -> list[str]:
    if a.bodies == 1:
        return [
            "You said only one body is involved, so it can own the outcome on its own: a partnership "
            "structure is barely needed. Run it as that body's own work, with a named senior owner."
        ]
    if model == LIGHT:
        return _light_reasons(a)
    if model == LEAD:
        return _lead_reasons(a, ruled_out)
    if model == BOARD:
        return [
            f"You said {_said(a, ruled_out[LEAD])}, so no one body can lead for everyone: decisions and "
            "risk have to be shared.",
            f"You said {_said(a, ruled_out[LIGHT])}, so the bodies need shared decisions, shared risk and "
            "shared milestones, which a joint programme board provides.",
        ]
    first = _shared_service_reasons(a) if model == SHARED_SERVICE else _data_sharing_reasons(a)
    return first + _joint_board_reasons(a)


def _light_reasons(a: Answers) -> list[str]:
    reasons = [
        f"You said {_said(a, ['decisions', 'budget', 'operations', 'crisis'])}, so the bodies need a "
        "shared direction rather than shared management."
    ]
    if a.data == "definitions":
        reasons.append(
            f"You said {a.said('data')}: light coordination can agree those without exchanging records."
        )
    reasons.append(
        {
            "yes": f"You said {a.said('single_owner')}, so keep the partnership as light as possible.",
            "partly": f"You said {a.said('single_owner')}; the others can deliver their parts alongside "
            "it without a lead body taking them over.",
            "no": f"You said {a.said('single_owner')}; because each body delivers its own part, "
            "coordinating them is enough.",
        }[a.single_owner]
    )
    return reasons


def _lead_reasons(a: Answers, ruled_out: dict[str, list[str]]) -> list[str]:
    first = (
        f"You said {a.said('single_owner')}, so let that body own delivery and keep the partnership "
        "as light as possible."
        if a.single_owner == "yes"
        else f"You said {_said(a, ['single_owner', 'decisions'])}, so that body can lead delivery "
        "while the others contribute and benefit."
    )
    reasons = [
        first,
        f"You said {_said(a, ruled_out[LIGHT])}, so light coordination would not be enough.",
    ]
    if a.budget == "one_funds_others_benefit":
        reasons.append(f"You said {a.said('budget')}, which is what the lead department model is best for.")
    return reasons


def _shared_service_reasons(a: Answers) -> list[str]:
    reasons = [
        f"You said {a.said('operations')}. Running it once for everyone brings scale, consistency and "
        "less duplication, which is what a shared service or platform is for."
    ]
    if a.data == "definitions":
        reasons.append(f"You said {a.said('data')}: the platform applies them once, for everyone.")
    return reasons


def _data_sharing_reasons(a: Answers) -> list[str]:
    reasons = [
        f"You said {a.said('data')}. That needs a legal gateway, a data sharing agreement and security "
        "work from the start, which a data-sharing partnership is set up to own."
    ]
    if a.operations == "shared_platform":
        reasons.append(
            f"You said {a.said('operations')}: run the platform as a workstream of the partnership "
            "rather than as a separate structure."
        )
    return reasons


def _joint_board_reasons(a: Answers) -> list[str]:
    """What a shared service or data-sharing partnership's joint board takes on, from the answers."""
    reasons = []
    if a.single_owner == "yes":
        reasons.append(
            f"You said {a.said('single_owner')}, so keep the rest light: let that body lead and keep joint "
            "governance to what the shared work needs."
        )
    joint = [key for key, value in (("decisions", "joint"), ("budget", "pooled")) if getattr(a, key) == value]
    if joint:
        reasons.append(f"You said {_said(a, joint)}: the bodies' joint board takes those decisions together.")
    elif a.decisions == "one_body":
        reasons.append(f"You said {a.said('decisions')}: that body can chair the joint board.")
    return reasons


_WHAT_IT_CANNOT_DO = {
    "data": "exchanging records needs legal, technical and security work that only a data-sharing "
    "partnership is set up to own",
    "operations": "a platform reused by several bodies needs a service that runs it, with its migration "
    "and change management",
}


def would_not_hold(model: str, a: Answers, keys: list[str]) -> str:
    if a.bodies == 1:
        return "Would not hold: you said only one body is involved, so there is no one to coordinate with."
    text = f"Would not hold: you said {_said(a, keys)}."
    if model == LIGHT:
        return f"{text} Light coordination is weak when the outcome depends on tight operational alignment."
    if model == LEAD and "single_owner" in keys:
        text += " A lead department needs one body that can own delivery while the others benefit."
    limits = [_WHAT_IT_CANNOT_DO[key] for key in ("data", "operations") if key in keys]
    if limits:
        text += f" {join_words(limits)[:1].upper()}{join_words(limits)[1:]}."
    return text


def not_needed(model: str, chosen: str, a: Answers) -> str:
    if a.bodies == 1:
        return "Not needed: you said only one body is involved, so there is no partnership to govern."
    if model == LEAD:
        return (
            f"Not needed: you said {_said(a, ['decisions', 'budget'])}, so no body has to lead on behalf "
            "of the others."
        )
    if model == BOARD:
        if chosen == LIGHT:
            return (
                "Not needed: nothing is decided, funded or delivered jointly, so a board would add meetings "
                "and slow decisions without adding control."
            )
        said = (
            a.said("single_owner")
            if a.single_owner == "yes"
            else _said(a, ["single_owner", "decisions", "budget"])
        )
        return (
            f"Not needed: you said {said}, so a board of all the bodies would add meetings and slow "
            "decisions without adding accountability."
        )
    if model == SHARED_SERVICE:
        return (
            f"Not needed: you said {a.said('operations')}; a shared service is for one process, tool or "
            "back office reused by several bodies."
        )
    text = (
        f"Not needed: you said {a.said('data')}; a data-sharing partnership is for the regular exchange of "
        "records between bodies, with the legal, technical and security work that brings."
    )
    if a.data == "definitions":
        text += f" Common definitions can be agreed within the {PROFILES[chosen].name.lower()}."
    return text


# What a chosen model needs from day one, beyond what particular answers add.
_DAY_ONE = {
    LIGHT: "Check regularly that separate delivery still adds up to the shared outcome, and re-run this "
    "checklist if delivery starts to depend on tight operational alignment.",
    LEAD: "Involve partners properly from day one: agree how they are consulted, which decisions they "
    "can challenge and how the benefits they receive are measured, so the lead body does not optimise "
    "for itself.",
    BOARD: "Make decision rights tight from day one: write down what the board decides, what the senior "
    "owner decides alone and what stays with each body, so the board does not slow delivery.",
    SHARED_SERVICE: "Plan migration and change management from day one: each body's move onto the shared "
    "platform, the old processes and contracts it retires, and support for staff who change how they work.",
    DATA_SHARING: "Before any records move: confirm the legal gateway for each exchange, sign a data sharing "
    "agreement between the bodies and complete a data protection impact assessment (DPIA). Start the "
    "technical and security work at once: secure transfer, access control, audit and retention.",
}


def warnings(model: str, a: Answers) -> list[str]:
    trade_off = PROFILES[model].trade_off
    warnings = [f"{PROFILES[model].name} trade-off: {trade_off[:1].lower()}{trade_off[1:]}."]
    if a.bodies == 1:
        warnings += _one_body_warnings(a)
    else:
        warnings.append(_DAY_ONE[model])
    if a.data != "none":
        warnings.append(
            "Agree common definitions, identifiers and formats from day one and name the body that masters "
            "each; definitions agreed late or left disputed are a common failure point."
        )
    if a.operations == "shared_platform" and model != SHARED_SERVICE:
        warnings.append(
            "Plan the shared platform's migration and change management from day one: each body's move onto "
            "it and the old processes it retires."
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
        if model == BOARD:
            warnings.append(
                "A board is too slow for a crisis: delegate emergency decisions in advance to a named lead."
            )
    if a.bodies > 1:
        warnings += _governance_warnings(model, a)
    return warnings


def _governance_warnings(model: str, a: Answers) -> list[str]:
    warnings = []
    if a.decisions == "joint" and model == LEAD:
        warnings.append(
            f"You said {a.said('decisions')}, but in a lead department model the lead body decides and "
            "partners are consulted. Agree that change with partners before you start, or choose a joint "
            "programme board if they must share every decision."
        )
    if a.decisions == "joint" and model in (SHARED_SERVICE, DATA_SHARING):
        warnings.append(
            "Write down tight decision rights for the joint board from day one, so shared decisions do "
            "not slow delivery."
        )
    if a.budget == "pooled":
        holder = "the lead body to hold it as accountable body" if model == LEAD else "who holds it"
        warnings.append(
            f"Agree in writing how the pooled budget works: {holder}, who approves spending, and how every "
            "body sees and challenges it."
        )
    if a.budget == "one_funds_others_benefit":
        warnings.append(
            "Agree how the benefits to bodies that do not pay are measured and reported, and count each "
            "benefit once, never in two bodies' figures."
        )
    if a.single_owner == "yes" and model == LIGHT:
        warnings.append(
            "One body could own the outcome alone: check whether it could simply deliver it and keep the "
            "others informed."
        )
    if a.single_owner == "no" and model == LIGHT:
        warnings.append(
            "No single body can own the outcome: agree who reports on it as a whole, so separate delivery "
            "still adds up."
        )
    if a.bodies >= 6 and model in (BOARD, SHARED_SERVICE, DATA_SHARING):
        warnings.append(
            f"With {a.bodies} bodies, a board of all of them will be slow: keep it to the bodies that decide "
            "or fund, and consult the rest."
        )
    return warnings


def _one_body_warnings(a: Answers) -> list[str]:
    warnings = [
        "Keep any body that benefits from or is affected by the work informed, so it does not optimise "
        "for one body alone."
    ]
    elsewhere = [
        key
        for key, light_values in (
            ("single_owner", ("yes", "partly")),
            ("decisions", ("separate", "one_body")),
            ("budget", ("separate",)),
            ("data", ("none", "definitions")),
            ("operations", ("none",)),
        )
        if getattr(a, key) not in light_values
    ]
    if elsewhere:
        warnings.append(
            f"You said only one body is involved, but also that {_said(a, elsewhere)}. Those answers point "
            "to other bodies: add them to the initiative and re-run the checklist, or this recommendation "
            "will be too light."
        )
    if a.data == "exchange":
        warnings.append(
            "If records come from or go to bodies outside the initiative, you still need a legal gateway, a "
            "data sharing agreement and a data protection impact assessment (DPIA) before any records move."
        )
    return warnings
