"""What an operating model and its components imply for an initiative, as offers to tick.

`set_up_plan(facts)` is a pure function of SetUpFacts (plain data, tested as tables). Each
offer is pre-ticked when the model, a component or an answer makes it certain, and left
unticked when it is a suggestion. Nothing already in place is offered, which is what makes
setting up twice add nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from governance.checklist.items import ChecklistItem, normalise_item
from governance.raci.starter import BY_MODEL, COMMON, StarterRow
from governance.setup.specs import (
    BOARD,
    BOTH_COMPONENTS_FORUM,
    CADENCE_WORDS,
    COMPONENT_FORUMS,
    CRISIS_FORUM,
    DATA,
    DATA_SHARING,
    DECISIONS,
    DELIVERY_FORUM,
    ESCALATION,
    FIRST_DECISIONS,
    FORUMS,
    JOURNEY_FORUM,
    LEAD,
    LIGHT,
    PRIMARY_FORUMS,
    RACI,
    RECORDS,
    RIGHTS,
    SHARED,
    DecisionSpec,
    ForumSpec,
    Offer,
)


@dataclass(frozen=True)
class SetUpFacts:
    """What the latest assessment chose and said, and what the initiative already holds."""

    model: str
    components: tuple[str, ...] = ()
    answers: dict = field(default_factory=dict)
    senior_owner: str = ""
    # Body short names taking part, lead first; and those without a RACI column yet.
    bodies: tuple[str, ...] = ()
    bodies_without_columns: tuple[str, ...] = ()
    forum_names: frozenset[str] = frozenset()
    forum_purposes: frozenset[str] = frozenset()
    has_escalation_route: bool = False
    raci_activities: frozenset[str] = frozenset()
    risks: tuple[ChecklistItem, ...] = ()
    measures: tuple[ChecklistItem, ...] = ()
    terms: tuple[ChecklistItem, ...] = ()
    has_agreement: bool = False
    decision_rights: frozenset[str] = frozenset()
    decision_titles: frozenset[str] = frozenset()

    @property
    def structure(self) -> tuple[str, ...]:
        return (self.model, *self.components)

    @property
    def exchanges_records(self) -> bool:
        return DATA in self.structure or self.answers.get("data") == "exchange"


def _forum_specs(facts: SetUpFacts) -> list[tuple[ForumSpec, bool]]:
    """Each forum the structure implies, and whether it is certain."""
    specs = [(PRIMARY_FORUMS[facts.model], True)] if facts.model in PRIMARY_FORUMS else []
    components = [c for c in facts.components if c in COMPONENT_FORUMS]
    if len(components) == 2:
        # One forum per purpose keeps the health check passing: the two delivery groups become one.
        specs.append((BOTH_COMPONENTS_FORUM, True))
    specs += [(COMPONENT_FORUMS[c], True) for c in components if len(components) == 1]
    if facts.answers.get("crisis"):
        specs.append((CRISIS_FORUM, True))
    if not components:
        if facts.answers.get("operations") == "handoffs":
            specs.append((JOURNEY_FORUM, False))
        elif facts.model == BOARD:
            specs.append((DELIVERY_FORUM, False))
    return specs


def _forum_offers(facts: SetUpFacts) -> list[Offer]:
    offers, purposes = [], set(facts.forum_purposes)
    for spec, certain in _forum_specs(facts):
        if spec.name.casefold() in facts.forum_names:
            continue
        meets = CADENCE_WORDS.get(spec.cadence, "as needed")
        hint = f"{spec.purpose.capitalize()}, meets {meets}. {spec.why}"
        if spec.purpose in purposes:
            certain = False
            hint += f" The initiative already has a {spec.purpose} forum: tick this only if both are needed."
        purposes.add(spec.purpose)
        offers.append(
            Offer(f"forum:{normalise_item(spec.name)}", FORUMS, spec.name, hint, certain, spec, "forum")
        )
    return offers


def escalation_levels(facts: SetUpFacts) -> list[tuple[str, str, str]]:
    """(name, who, threshold) for each level, lowest first. Level 2 meets in the primary forum."""
    forum = PRIMARY_FORUMS.get(facts.model, PRIMARY_FORUMS[LEAD]).name
    first = "It cannot be resolved within two weeks, or it needs another body to act."
    if facts.answers.get("crisis"):
        first += f" In a crisis it goes straight to the {CRISIS_FORUM.name.lower()}."
    owner = (
        f"The senior accountable owner, {facts.senior_owner}" if facts.senior_owner else "The senior owner"
    )
    return [
        ("Workstream", "The lead of the workstream the issue belongs to", first),
        (forum, forum, "It needs a change to scope, budget or a milestone beyond what the forum may agree."),
        (
            "Senior accountable owner",
            owner,
            "It is beyond the senior owner's decision rights: it goes to each body's own governance.",
        ),
    ]


def _escalation_offers(facts: SetUpFacts) -> list[Offer]:
    if facts.has_escalation_route:
        return []
    levels = escalation_levels(facts)
    hint = "; ".join(f"{number}. {name}" for number, (name, _who, _threshold) in enumerate(levels, start=1))
    return [
        Offer(
            "escalation",
            ESCALATION,
            f"An escalation route in {len(levels)} levels",
            hint,
            True,
            levels,
            "escalation",
        )
    ]


def _starter_rows(facts: SetUpFacts) -> list[tuple[StarterRow, bool]]:
    rows = [(row, _needed(row, facts)) for model in facts.structure for row in BY_MODEL.get(model, [])]
    return rows + [(row, False) for row in COMMON]


def _needed(row: StarterRow, facts: SetUpFacts) -> bool:
    # A board's pooled-budget row is certain only when the budget is pooled.
    return "pooled budget" not in row.activity or facts.answers.get("budget") == "pooled"


def _raci_offers(facts: SetUpFacts) -> list[Offer]:
    offers = []
    if facts.bodies_without_columns:
        names = ", ".join(facts.bodies_without_columns)
        offers.append(
            Offer("raci:columns", RACI, "A column for each body taking part", names, True, kind="columns")
        )
    taken = set(facts.raci_activities)
    for row, certain in _starter_rows(facts):
        key = row.activity.casefold()
        if key in taken:
            continue
        taken.add(key)
        kind = "Decision" if row.kind == "decision" else "Activity"
        offers.append(
            Offer(f"raci:{key}", RACI, row.activity, f"{kind}. {row.why}", certain, row, "raci_row")
        )
    return offers


def _record_offers(facts: SetUpFacts) -> list[Offer]:
    offers = [
        Offer(
            f"risk:{item.key}",
            RECORDS,
            item.text,
            "Draft risk, managed jointly." if item.is_joint else "Draft risk for one body.",
            True,
            item,
            "risk",
        )
        for item in facts.risks
    ]
    offers += [
        Offer(f"measure:{i.key}", RECORDS, i.text, "Draft measure.", True, i, "measure")
        for i in facts.measures
    ]
    offers += [
        Offer(f"term:{i.key}", RECORDS, i.text, "Proposed term to agree.", True, i, "term")
        for i in facts.terms
    ]
    return offers


def _data_sharing_offers(facts: SetUpFacts) -> list[Offer]:
    if not facts.exchanges_records or facts.has_agreement or len(facts.bodies) < 2:
        return []
    hint = (
        f"Between {', '.join(facts.bodies)}. Confirm the legal gateway, the retention period and who signs; "
        "the DPIA starts as not started."
    )
    label = "A draft data sharing agreement, with its DPIA"
    return [Offer("agreement", DATA_SHARING, label, hint, True, kind="agreement")]


def _rights(facts: SetUpFacts) -> list[tuple[str, bool]]:
    """Decision rights the structure and answers imply, and whether each is certain."""
    rights = []
    if facts.answers.get("crisis"):
        rights.append(
            ("Take emergency decisions in a crisis, out of hours if need be, reporting them after", True)
        )
    if facts.answers.get("budget") == "pooled":
        rights.append(("Approve spending from the pooled budget within limits the bodies agree", False))
    implied = {
        LEAD: "Decide on delivery after consulting the partners",
        BOARD: "Take urgent decisions between board meetings, reporting them to the next meeting",
        SHARED: "Approve a body joining the shared service",
        DATA: "Approve a new exchange of records under the signed data sharing agreement",
    }
    return rights + [(implied[model], False) for model in facts.structure if model in implied]


def _rights_offers(facts: SetUpFacts) -> list[Offer]:
    return [
        Offer(
            f"right:{normalise_item(right)}",
            RIGHTS,
            right,
            "Suggested." if not certain else "Needed.",
            certain,
            right,
            "right",
        )
        for right, certain in _rights(facts)
        if normalise_item(right) not in facts.decision_rights
    ]


def _decisions(facts: SetUpFacts) -> list[DecisionSpec]:
    first = {
        LIGHT: FIRST_DECISIONS["direction"],
        LEAD: FIRST_DECISIONS["consultation"],
        BOARD: FIRST_DECISIONS["board"],
        SHARED: FIRST_DECISIONS["migration"],
    }
    specs = [first[facts.model]] if facts.model in first else []
    if facts.answers.get("budget") == "pooled":
        specs.append(FIRST_DECISIONS["pooled_budget"])
    if SHARED in facts.components:
        specs.append(FIRST_DECISIONS["migration"])
    if facts.exchanges_records and len(facts.bodies) > 1:
        specs.append(FIRST_DECISIONS["agreement"])
    if facts.answers.get("crisis"):
        specs.append(FIRST_DECISIONS["crisis"])
    return specs


def _decision_offers(facts: SetUpFacts) -> list[Offer]:
    return [
        Offer(
            f"decision:{normalise_item(spec.title)}",
            DECISIONS,
            spec.title,
            spec.context,
            True,
            spec,
            "decision",
        )
        for spec in _decisions(facts)
        if normalise_item(spec.title) not in facts.decision_titles
    ]


def set_up_plan(facts: SetUpFacts) -> list[Offer]:
    """Everything the model, its components and the checklist imply that is not in place yet."""
    offers = [
        *_forum_offers(facts),
        *_escalation_offers(facts),
        *_raci_offers(facts),
        *_record_offers(facts),
        *_data_sharing_offers(facts),
        *_rights_offers(facts),
        *_decision_offers(facts),
    ]
    unique = {offer.key: offer for offer in offers}
    return list(unique.values())
