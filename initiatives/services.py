"""Writes to initiatives, bodies and team roles. Views call these; nothing else changes state."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify

from collab.queue import enqueue_on_commit
from initiatives.models import Body, Initiative, InitiativeRole, Participation, User
from initiatives.tasks import notify_senior_owner_named

SLUG_LENGTH = 60


def _unique_slug(title: str) -> str:
    base = slugify(title)[:SLUG_LENGTH].strip("-") or "initiative"
    slug, suffix = base, 2
    while Initiative.objects.filter(slug=slug).exists():
        slug = f"{base[: SLUG_LENGTH - 6]}-{suffix}"
        suffix += 1
    return slug


@transaction.atomic
def initiative_create(
    *, created_by: User, title: str, outcome_statement: str, value_areas: list[str], lead_body: Body
) -> Initiative:
    """Create a draft initiative led by one of the creator's bodies; the creator manages it."""
    initiative = Initiative.objects.create(
        title=title,
        slug=_unique_slug(title),
        outcome_statement=outcome_statement,
        value_areas=value_areas,
        lead_body=lead_body,
        created_by=created_by,
    )
    Participation.objects.create(initiative=initiative, body=lead_body, role=Participation.Role.LEAD)
    InitiativeRole.objects.create(
        initiative=initiative,
        user=created_by,
        role=InitiativeRole.Role.PROGRAMME_MANAGER,
        assigned_by=created_by,
    )
    return initiative


@transaction.atomic
def initiative_update(*, initiative: Initiative, updated_by: User, **fields) -> Initiative:
    """Change an initiative's own fields; tell a newly named senior owner."""
    # Read the stored owner: a bound ModelForm has already changed the instance in memory.
    previous_owner_id = Initiative.objects.values_list("senior_owner_id", flat=True).get(pk=initiative.pk)
    for name, value in fields.items():
        setattr(initiative, name, value)
    initiative._history_user = updated_by
    initiative.save()
    if initiative.senior_owner_id and initiative.senior_owner_id != previous_owner_id:
        enqueue_on_commit(notify_senior_owner_named, initiative.pk, initiative.senior_owner_id)
    return initiative


@transaction.atomic
def participation_add(*, initiative: Initiative, body: Body, role: str, added_by: User) -> Participation:
    participation = Participation(initiative=initiative, body=body, role=role)
    participation._history_user = added_by
    participation.save()
    return participation


@transaction.atomic
def participation_update(
    *, participation: Participation, role: str, stop_doing: list[str], updated_by: User
) -> Participation:
    participation.role = role
    participation.stop_doing = stop_doing
    participation._history_user = updated_by
    participation.save()
    return participation


class CannotRemoveLeadBody(Exception):
    pass


@transaction.atomic
def participation_remove(*, participation: Participation, removed_by: User) -> None:
    if participation.body_id == participation.initiative.lead_body_id:
        raise CannotRemoveLeadBody("The lead body cannot be removed. Change the lead body first.")
    participation._history_user = removed_by
    participation.delete()


@transaction.atomic
def role_assign(*, initiative: Initiative, user: User, role: str, assigned_by: User) -> InitiativeRole:
    assignment, _ = InitiativeRole.objects.get_or_create(
        initiative=initiative, user=user, role=role, defaults={"assigned_by": assigned_by}
    )
    return assignment


@transaction.atomic
def role_remove(*, assignment: InitiativeRole, removed_by: User) -> None:
    assignment._history_user = removed_by
    assignment.delete()
