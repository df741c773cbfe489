"""Demonstration operating-model assessments, recorded through the same service as the wizard.

Each story's assessments are its honest answers, oldest first, and the engine's recommendation
follows from them. Only initiatives the seed has just created get assessments, so seeding twice
adds nothing.
"""

from __future__ import annotations

from initiatives.demo.world import DemoWorld, NewInitiative
from initiatives.services import Checklist, assessment_record


def seed_assessments(world: DemoWorld) -> None:
    for new in world.created:
        for run in new.story.assessments:
            _assessment_record(new, run)


def _assessment_record(new: NewInitiative, run: dict) -> None:
    initiative = new.initiative
    assessment_record(
        initiative=initiative,
        answers=run["answers"],
        checklist=Checklist(
            outcome_statement=initiative.outcome_statement,
            senior_owner=initiative.senior_owner,
            decision_rights=list(initiative.senior_owner_decision_rights),
            data_items=run["data_items"],
            joint_risks=run["joint_risks"],
            single_body_risks=run["single_body_risks"],
            measures=run["measures"],
            stop_doing={p.body_id: list(p.stop_doing) for p in initiative.participations.all()},
        ),
        chosen_model=run["chosen_model"],
        choice_reason=run["choice_reason"],
        by=new.programme_manager,
    )
