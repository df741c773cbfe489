"""Why the structure was chosen: reasons quoting the answers, and each component's why.

Every sentence starts "You said" and quotes the answers that drove it. A sentence names only
the structures the recommendation chose, so nothing here contradicts the model.
"""

from __future__ import annotations

from initiatives.recommendation.answers import Answers
from initiatives.recommendation.structure import (
    BOARD,
    DATA_SHARING,
    LEAD,
    LIGHT,
    SHARED_SERVICE,
    Structure,
    joint_work,
    lead_ruled_out_by,
)
from initiatives.recommendation.wording import said

ONE_BODY = (
    "You said only one body is involved, so it can own the outcome on its own: a partnership structure is "
    "barely needed. Run it as that body's own work, with a named senior owner."
)


def reasons(a: Answers, structure: Structure) -> list[str]:
    if a.bodies == 1:
        return [ONE_BODY]
    primary = {
        LIGHT: _light,
        LEAD: _lead,
        BOARD: _board,
        SHARED_SERVICE: _shared_service,
    }[structure.primary](a, structure)
    return primary + [
        _component_reason(component, structure.primary, a) for component in structure.components
    ]


def _light(a: Answers, structure: Structure) -> list[str]:
    apart = "apart from the records they exchange, " if DATA_SHARING in structure.components else ""
    reasons = [
        f"You said {said(a, ['decisions', 'budget', 'operations', 'crisis'])}, so {apart}the bodies need a "
        "shared direction rather than shared management."
    ]
    if a.data == "definitions":
        reasons.append(
            f"You said {a.said('data')}: light coordination can agree those without exchanging records."
        )
    reasons.append(
        {
            "yes": f"You said {a.said('single_owner')}, so keep the partnership as light as possible.",
            "partly": f"You said {a.said('single_owner')}; the other bodies can deliver their parts "
            "alongside that body, each deciding for itself.",
            "no": f"You said {a.said('single_owner')}; because each body delivers its own part, coordinating "
            "them is enough.",
        }[a.single_owner]
    )
    return reasons


def _lead(a: Answers, structure: Structure) -> list[str]:
    if a.single_owner == "yes":
        first = (
            f"You said {a.said('single_owner')}, so let that body own delivery and keep the partnership as "
            "light as possible."
        )
    else:
        quoted = ["single_owner", *(["decisions"] if a.decisions == "one_body" else [])]
        first = (
            f"You said {said(a, quoted)}, so that body can lead delivery while the others contribute and "
            "benefit."
        )
    reasons = [
        first,
        f"You said {said(a, joint_work(a))}, so a shared direction is not enough: one body must answer for "
        "delivery.",
    ]
    if a.budget == "one_funds_others_benefit":
        reasons.append(f"You said {a.said('budget')}, which is what the lead department model is best for.")
    return reasons


def _board(a: Answers, structure: Structure) -> list[str]:
    return [
        f"You said {said(a, lead_ruled_out_by(a))}, so no one body can lead for everyone: decisions and risk "
        "have to be shared.",
        f"You said {said(a, joint_work(a))}, so the bodies need shared decisions, shared risk and shared "
        "milestones, which a joint programme board provides.",
    ]


def _shared_service(a: Answers, structure: Structure) -> list[str]:
    reasons = [
        f"You said {a.said('operations')}. Running it once for everyone brings scale, consistency and less "
        "duplication, which is what a shared service or platform is for."
    ]
    if a.decisions == "one_body":
        reasons.append(
            f"You said {said(a, ['single_owner', 'decisions'])}, so the deciding body can own the shared "
            "service and consult the bodies that use it, with no further structure above it."
        )
    else:
        reasons.append(
            f"You said {said(a, ['single_owner', 'decisions'])}, so the shared service is the one thing run "
            "jointly: each body decides how it uses the service, and the service's owner answers for "
            "running it."
        )
    reasons.append(
        f"You said {a.said('budget')}: that body funds the shared service and the others use it."
        if a.budget == "one_funds_others_benefit"
        else f"You said {a.said('budget')}: each body pays the shared service for what it uses."
    )
    if a.data == "definitions":
        reasons.append(f"You said {a.said('data')}: the platform applies them once, for everyone.")
    return reasons


_COMPONENT_REASONS = {
    (SHARED_SERVICE, LEAD): "the lead department runs it once for everyone as a shared service.",
    (SHARED_SERVICE, BOARD): "it runs once for everyone as a shared service that answers to the joint "
    "programme board.",
    (DATA_SHARING, LIGHT): "the exchange is the one thing the bodies run together, so it runs as a "
    "data-sharing partnership with its own agreement and DPIA, while everything else stays light.",
    (DATA_SHARING, LEAD): "the lead department keeps the exchange under a data-sharing partnership with the "
    "bodies that send or receive records, with its own agreement and DPIA.",
    (DATA_SHARING, BOARD): "the exchange runs as a data-sharing partnership under the joint programme board, "
    "with its own agreement and DPIA.",
    (DATA_SHARING, SHARED_SERVICE): "the exchange runs as a data-sharing partnership alongside the shared "
    "service, with its own agreement and DPIA; the service carries records once the agreement is signed.",
}
_COMPONENT_ANSWER = {SHARED_SERVICE: "operations", DATA_SHARING: "data"}


def _component_reason(component: str, primary: str, a: Answers) -> str:
    return f"You said {a.said(_COMPONENT_ANSWER[component])}: {_COMPONENT_REASONS[component, primary]}"


_WHY_UNDER = {
    (SHARED_SERVICE, LEAD): ", run by the lead department",
    (SHARED_SERVICE, BOARD): ", answering to the joint programme board",
    (DATA_SHARING, LIGHT): ", while the rest of the work stays light",
    (DATA_SHARING, LEAD): ", with the lead department answering for the exchange",
    (DATA_SHARING, BOARD): " as a workstream of the joint programme board",
    (DATA_SHARING, SHARED_SERVICE): ", alongside the shared service",
}


def component_why(component: str, primary: str, a: Answers) -> str:
    under = _WHY_UNDER[component, primary]
    if component == SHARED_SERVICE:
        return (
            f"You said {a.said('operations')}. A shared service runs it once for every body that uses it, "
            f"with a service level agreement for each and a planned migration onto it{under}."
        )
    return (
        f"You said {a.said('data')}. Exchanging records needs a legal gateway, a data sharing agreement, a "
        "data protection impact assessment (DPIA) and security work from the start, which a data-sharing "
        f"partnership of the bodies that send and receive records owns{under}."
    )
