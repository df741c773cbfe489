"""Demonstration RACI matrices, written through the services so every matrix saved is valid.

Registered in seed_demo's FURTHER_SEEDERS; only the initiatives the seed has just created are
touched, so seeding twice adds nothing.
"""

from __future__ import annotations

from governance.raci import services as raci
from initiatives.demo.world import DemoWorld, NewInitiative


def seed_raci(world: DemoWorld) -> None:
    for new in world.created:
        if new.story.raci_rows:
            _matrix_create(new, world)


def _matrix_create(new: NewInitiative, world: DemoWorld) -> None:
    initiative, by = new.initiative, new.programme_manager
    columns = [
        raci.raci_column_add(
            initiative=initiative,
            body=world.bodies[body],
            role_name=role_name,
            holder=new.people[holder] if holder else None,
            by=by,
        )
        for body, role_name, holder in new.story.raci_columns
    ]
    values = {}
    for activity, kind, letters in new.story.raci_rows:
        row = raci.raci_row_add(initiative=initiative, activity=activity, kind=kind, by=by)
        for column, letter in zip(columns, letters, strict=True):
            if letter != "-":
                values[(row.pk, column.pk)] = letter
    raci.raci_matrix_save(initiative=initiative, values=values, by=by)
    # Added as a programme manager adds a row before the bodies have agreed who answers for it.
    for activity, kind in new.story.raci_unfinished_rows:
        raci.raci_row_add(initiative=initiative, activity=activity, kind=kind, by=by)
