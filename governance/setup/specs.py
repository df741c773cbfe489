"""What each operating model sets up: the sections of the set-up page, forums and first decisions.

Plain data, read by the plan (plan.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from initiatives.operating_models import OperatingModel

LIGHT, LEAD, BOARD, SHARED, DATA = (model.value for model in OperatingModel)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    hint: str


FORUMS = Section(
    "forums", "Forums", "Where the bodies meet: each forum with its purpose and how often it meets."
)
ESCALATION = Section(
    "escalation", "Escalation route", "How an issue goes up, level by level, and what sends it up."
)
RACI = Section(
    "raci",
    "RACI matrix",
    "A column for each body taking part, and starter rows for the activities and decisions the model needs. "
    "You fill in who is responsible, accountable, consulted and informed afterwards.",
)
RECORDS = Section(
    "records",
    "Draft records from your checklist",
    "The risks, measures and terms to agree that you named in the checklist, added as drafts to complete.",
)
DATA_SHARING = Section(
    "data_sharing",
    "Data sharing",
    "Records are exchanged between bodies: a draft agreement, with its data protection impact assessment "
    "(DPIA), to complete before any records move.",
)
RIGHTS = Section(
    "rights",
    "The senior owner's decision rights",
    "What the senior owner may decide without going back to each body, added to the rights already stated.",
)
DECISIONS = Section(
    "decisions", "First decisions", "Decisions to take first, added to the decision log as drafts."
)
SECTIONS = (FORUMS, ESCALATION, RACI, RECORDS, DATA_SHARING, RIGHTS, DECISIONS)


@dataclass(frozen=True)
class ForumSpec:
    name: str
    purpose: str  # as Forum.Purpose
    cadence: str  # as Forum.Cadence
    why: str


@dataclass(frozen=True)
class DecisionSpec:
    title: str
    context: str
    options: str
    recommendation: str


@dataclass(frozen=True)
class Offer:
    key: str
    section: Section
    label: str
    hint: str
    certain: bool
    # What to create: a ForumSpec, a StarterRow, a ChecklistItem, a DecisionSpec, a right's text, or None.
    item: object = None
    kind: str = ""


PRIMARY_FORUMS = {
    LIGHT: ForumSpec(
        "Coordination group",
        "decisions",
        "quarterly",
        "Agrees the shared direction and checks that separate delivery still adds up to the outcome.",
    ),
    LEAD: ForumSpec(
        "Lead department steering group",
        "decisions",
        "monthly",
        "The lead department decides here, after consulting the partners, and answers to them for delivery.",
    ),
    BOARD: ForumSpec(
        "Programme board",
        "decisions",
        "monthly",
        "Takes the shared decisions and owns the shared risks and "
        "milestones, within written decision rights.",
    ),
    SHARED: ForumSpec(
        "Shared service steering group",
        "decisions",
        "monthly",
        "The bodies that use the shared service steer what it does and approve changes to it.",
    ),
    # Never recommended as the primary structure, but a team may choose it.
    DATA: ForumSpec(
        "Data sharing steering group",
        "decisions",
        "monthly",
        "The bodies that exchange records decide together about the exchange, its agreement and its DPIA.",
    ),
}
COMPONENT_FORUMS = {
    SHARED: ForumSpec(
        "Service management group",
        "delivery",
        "fortnightly",
        "Runs the shared service, its service levels and each body's migration onto it.",
    ),
    DATA: ForumSpec(
        "Data working group",
        "delivery",
        "fortnightly",
        "Owns the data sharing agreement, the DPIA and the "
        "exchange of records: formats, identifiers, security and retention.",
    ),
}
BOTH_COMPONENTS_FORUM = ForumSpec(
    "Service and data working group",
    "delivery",
    "fortnightly",
    "Runs the shared service and each body's migration onto it, and owns the data sharing agreement, the "
    "DPIA and the exchange of records.",
)
CRISIS_FORUM = ForumSpec(
    "Joint crisis response group",
    "risk",
    "as_needed",
    "Stands up a joint response in a crisis, with "
    "emergency decisions delegated in advance; rehearsed before it is needed.",
)
JOURNEY_FORUM = ForumSpec(
    "Citizen journey working group",
    "delivery",
    "fortnightly",
    "Maps the citizen journey across the bodies and agrees every handoff.",
)
DELIVERY_FORUM = ForumSpec(
    "Delivery group",
    "delivery",
    "fortnightly",
    "Brings the bodies' delivery leads together between board meetings.",
)
CADENCE_WORDS = {
    "weekly": "weekly",
    "fortnightly": "fortnightly",
    "monthly": "monthly",
    "quarterly": "quarterly",
}


# The decisions each structure or answer asks the bodies to take first, as drafts.
FIRST_DECISIONS = {
    "direction": DecisionSpec(
        "Agree the shared policy direction",
        "Under light coordination the one thing the bodies decide together is the direction each body's "
        "delivery follows.",
        "Agree a short written direction now\nLet each body plan its part first, then agree the direction",
        "Agree a short written direction now and review it at each meeting of the coordination group.",
    ),
    "consultation": DecisionSpec(
        "Agree how the lead department consults partners",
        "In a lead department model the lead body decides and the partners are consulted. Without an agreed "
        "way of consulting them, the lead body risks optimising for itself.",
        "Consult at the steering group before each decision\nConsult in writing with a set time to reply",
        "Consult at the steering group, with written consultation for decisions that cannot wait.",
    ),
    "board": DecisionSpec(
        "Agree the programme board's terms of reference and decision rights",
        "A joint programme board becomes slow when its decision rights are loose. Write down what the board "
        "decides, what the senior owner decides alone and what stays with each body.",
        "Adopt terms of reference at the first board\nDelegate more to the senior owner and meet less often",
        "Adopt written terms of reference, with the senior owner's decision rights, at the first board.",
    ),
    "migration": DecisionSpec(
        "Approve the migration plan for the shared service",
        "Migration and change management are where shared services slip: each body's move onto the service, "
        "the old processes and contracts it retires, and support for staff who change how they work.",
        "Move every body at once\nMove one body first, then the others in waves",
        "Move one body first and the others in waves, each with a date to retire its old process.",
    ),
    "pooled_budget": DecisionSpec(
        "Agree the pooled budget",
        "The bodies pool their budgets. Agree who holds the budget, who approves spending and how every body "
        "sees and challenges it, before any money moves.",
        "One body holds it as accountable body for all\nEach body holds its share and recharges the others",
        "One body holds it as accountable body, with spending over an agreed limit approved jointly.",
    ),
    "agreement": DecisionSpec(
        "Sign the data sharing agreement",
        "Records are exchanged between bodies. Before any records move the bodies need a legal gateway for "
        "each exchange, a signed data sharing agreement and a completed DPIA.",
        "Sign one agreement between all the bodies\nSign an agreement for each pair of bodies",
        "Sign one agreement between all the bodies that exchange records, once the DPIA is complete.",
    ),
    "crisis": DecisionSpec(
        "Agree who takes emergency decisions in a crisis",
        "The bodies must be able to respond together to a crisis. Emergency decisions need to be delegated "
        "in advance, with who is called and who decides out of hours.",
        "Delegate emergency decisions to the senior owner\nDelegate them to a duty lead in each body",
        "Delegate emergency decisions to the senior owner, reported to the bodies within a day.",
    ),
}
