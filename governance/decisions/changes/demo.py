"""Demonstration: the draft decision about "date of death notified" proposes agreeing the disputed term.

Registered in seed_demo's FURTHER_SEEDERS after the glossary, whose term it changes; only the
initiatives the seed has just created, and only those with both the decision and the term, are touched.
"""

from __future__ import annotations

from governance.decisions.changes.kinds import KINDS
from governance.decisions.changes.services import decision_link_add
from initiatives.demo.world import DemoWorld

# (decision title, term, the values approving it gives the term)
PROPOSED_TERM_CHANGES = [
    (
        "Agree what “date of death notified” means",
        "date of death notification",
        {"status": "agreed", "agreed_meaning": "The date the registrar records the death."},
    ),
]


def seed_decision_changes(world: DemoWorld) -> None:
    for new in world.created:
        for title, term, proposed in PROPOSED_TERM_CHANGES:
            decision = new.initiative.decisions.filter(title=title, status="draft").first()
            definition = new.initiative.data_definitions.filter(term=term).first()
            if decision is None or definition is None:
                continue
            decision_link_add(
                decision=decision,
                kind=KINDS["term"],
                record=definition,
                proposed=proposed,
                by=new.programme_manager,
            )
