"""Writes to initiatives, bodies, team roles and assessments. Views call these; nothing else changes state."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.text import slugify

from collab.confirm import Consequence
from collab.unchanged import UNCHANGED, Unchanged, apply_changes
from initiatives.accountability import senior_owner_moved
from initiatives.departures import BodyStillNeeded, describe_departure, run_departure_steps
from initiatives.models import (
    Assessment,
    AssessmentDraft,
    Body,
    Initiative,
    InitiativeRole,
    Participation,
    User,
)
from initiatives.operating_models import OperatingModel
from initiatives.recommendation import recommend, validate_answers

SLUG_LENGTH = 60


def _unique_slug(title: str) -> str:
    base = slugify(title)[:SLUG_LENGTH].strip("-") or "initiative"
    slug, suffix = base, 2
    while Initiative.objects.filter(slug=slug).exists():
        slug = f"{base[: SLUG_LENGTH - 6]}-{suffix}"
        suffix += 1
    return slug


# Titles need not be unique; two initiatives of one title get "title" and "title-2".
SLUG_ATTEMPTS = 50


def _create_with_free_slug(**fields) -> Initiative:
    """Someone creating an initiative of the same title at the same moment may take the free slug
    between our looking and our insert: the database refuses it, and the next free one is taken."""
    for _attempt in range(SLUG_ATTEMPTS - 1):
        slug = _unique_slug(fields["title"])
        try:
            with transaction.atomic():
                return Initiative.objects.create(slug=slug, **fields)
        except IntegrityError:
            if not Initiative.objects.filter(slug=slug).exists():
                raise  # refused for another reason
    return Initiative.objects.create(slug=_unique_slug(fields["title"]), **fields)


@transaction.atomic
def initiative_create(
    *, by: User, title: str, outcome_statement: str, value_areas: list[str], lead_body: Body
) -> Initiative:
    """Create a draft initiative led by one of the creator's bodies; the creator manages it."""
    fields = {"title": title, "outcome_statement": outcome_statement, "value_areas": value_areas}
    initiative = _create_with_free_slug(**fields, lead_body=lead_body, created_by=by)
    Participation.objects.create(initiative=initiative, body=lead_body, role=Participation.Role.LEAD)
    InitiativeRole.objects.create(
        initiative=initiative,
        user=by,
        role=InitiativeRole.Role.PROGRAMME_MANAGER,
        assigned_by=by,
    )
    return initiative


@transaction.atomic
def initiative_update(
    *,
    initiative: Initiative,
    by: User,
    title: str | Unchanged = UNCHANGED,
    outcome_statement: str | Unchanged = UNCHANGED,
    value_areas: list[str] | Unchanged = UNCHANGED,
    status: str | Unchanged = UNCHANGED,
    senior_owner: User | Unchanged | None = UNCHANGED,
    senior_owner_decision_rights: list[str] | Unchanged = UNCHANGED,
    classification: str | Unchanged = UNCHANGED,
    operating_model: str | Unchanged = UNCHANGED,
    senior_owner_change_reason: str = "",
) -> Initiative:
    """Change the initiative's fields given; a new senior owner is told (initiatives.accountability)."""
    # Read the stored owner: a bound ModelForm has already changed the instance in memory.
    previous_owner_id = Initiative.objects.values_list("senior_owner_id", flat=True).get(pk=initiative.pk)
    apply_changes(
        initiative,
        {
            "title": title,
            "outcome_statement": outcome_statement,
            "value_areas": value_areas,
            "status": status,
            "senior_owner": senior_owner,
            "senior_owner_decision_rights": senior_owner_decision_rights,
            "classification": classification,
            "operating_model": operating_model,
        },
    )
    senior_owner_moved(
        initiative=initiative, previous_id=previous_owner_id, by=by, reason=senior_owner_change_reason
    )
    initiative._history_user = by
    initiative.save()
    return initiative


class LeadBodyNotTakingPart(Exception):
    pass


@transaction.atomic
def initiative_lead_body_change(*, initiative: Initiative, lead_body: Body, by: User) -> Initiative:
    """Hand the lead to another body already taking part: it takes the lead role, the old lead partners."""
    participations = {p.body_id: p for p in initiative.participations.select_for_update()}
    new_lead = participations.get(lead_body.pk)
    if new_lead is None:
        raise LeadBodyNotTakingPart(f"{lead_body.name} does not take part in {initiative}: add it first")
    old_lead = participations.get(initiative.lead_body_id)
    if old_lead is not None and old_lead.pk != new_lead.pk and old_lead.role == Participation.Role.LEAD:
        participation_update(
            participation=old_lead, role=Participation.Role.PARTNER, stop_doing=old_lead.stop_doing, by=by
        )
    if new_lead.role != Participation.Role.LEAD:
        participation_update(
            participation=new_lead, role=Participation.Role.LEAD, stop_doing=new_lead.stop_doing, by=by
        )
    initiative.lead_body = lead_body
    initiative._history_user = by
    initiative.save()
    return initiative


@transaction.atomic
def participation_add(*, initiative: Initiative, body: Body, role: str, by: User) -> Participation:
    participation = Participation(initiative=initiative, body=body, role=role)
    participation._history_user = by
    participation.save()
    return participation


@transaction.atomic
def participation_update(
    *, participation: Participation, role: str, stop_doing: list[str], by: User
) -> Participation:
    participation.role = role
    participation.stop_doing = stop_doing
    participation._history_user = by
    participation.save()
    return participation


class CannotRemoveLeadBody(BodyStillNeeded):
    pass


def participation_check_removable(*, participation: Participation) -> None:
    if participation.body_id == participation.initiative.lead_body_id:
        raise CannotRemoveLeadBody("The lead body cannot be removed. Change the lead body first.")


def _roles_ending(participation: Participation) -> list[InitiativeRole]:
    # Programme managers manage through their body; an assurance reviewer is assigned independently.
    leaving = User.objects.leaving_with(participation)
    return list(
        participation.initiative.roles.programme_managers().filter(user__in=leaving).select_related("user")
    )


def participation_consequences(
    *, participation: Participation, successor: Body | None = None
) -> list[Consequence]:
    """Every record removing the body touches, for its confirmation page: what the other apps
    release, and the roles of the people who take part only through it."""
    roles = [f"{role.user}: {role.get_role_display().lower()}" for role in _roles_ending(participation)]
    return [
        *describe_departure(participation=participation, successor=successor),
        Consequence("Its people's roles in the initiative end, and with them its emails", roles),
    ]


def _check_departure(participation: Participation, successor: Body | None) -> None:
    consequences = participation_consequences(participation=participation, successor=successor)
    name = participation.body.name
    if blocking := [
        f"{each.heading}: {', '.join(each.items)}" for each in consequences if each.blocking and each.items
    ]:
        raise BodyStillNeeded(f"{name} cannot be removed yet. {'. '.join(blocking)}.")
    if successor is None and any(each.handed_on and each.items for each in consequences):
        raise BodyStillNeeded(f"Choose which body takes on what {name} owns")
    others = participation.initiative.participations.exclude(pk=participation.pk)
    if successor is not None and not others.filter(body=successor).exists():
        raise BodyStillNeeded(f"{successor.name} does not take part, so it cannot take on what {name} owns")


@transaction.atomic
def participation_remove(*, participation: Participation, by: User, successor: Body | None = None) -> None:
    """Take the body out of the initiative with everything its confirmation page listed: what it owns
    goes to `successor`, other apps' departure steps release the rest, and the roles of the people
    who took part only through it end.

    Refused (BodyStillNeeded), with nothing removed, for the lead body, while something must be
    dealt with first, when what it owns has no successor, or when a step refuses.
    """
    # The lead body is refused as the lead first: fixing what it holds would not let it leave.
    participation_check_removable(participation=participation)
    Initiative.objects.lock(participation.initiative)
    _check_departure(participation, successor)
    ending = _roles_ending(participation)
    run_departure_steps(participation=participation, by=by, successor=successor)
    for role in ending:
        role._history_user = by
        role.delete()
    participation._history_user = by
    participation.delete()


@transaction.atomic
def role_assign(*, initiative: Initiative, user: User, role: str, by: User) -> InitiativeRole:
    assignment, _ = InitiativeRole.objects.get_or_create(
        initiative=initiative, user=user, role=role, defaults={"assigned_by": by}
    )
    return assignment


@transaction.atomic
def role_remove(*, assignment: InitiativeRole, by: User) -> None:
    assignment._history_user = by
    assignment.delete()


@dataclass(frozen=True)
class Checklist:
    """The checklist answers that name things, each list already split into short items."""

    outcome_statement: str
    senior_owner: User
    decision_rights: list[str]
    data_items: list[str] = field(default_factory=list)
    joint_risks: list[str] = field(default_factory=list)
    single_body_risks: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    # Body id -> what that body will stop doing. Bodies left out keep their current list.
    stop_doing: dict[int, list[str]] = field(default_factory=dict)


class AssessmentRefused(Exception):
    pass


def _check_choice(*, chosen_model: str, recommended_model: str, reason: str) -> None:
    if chosen_model not in OperatingModel.values:
        raise AssessmentRefused("Choose one of the five operating models")
    if chosen_model != recommended_model and not reason:
        raise AssessmentRefused("Say why you are choosing a different model from the recommended one")


def _check_checklist(
    *, initiative: Initiative, checklist: Checklist, participations: dict[int, Participation]
) -> None:
    if (
        not checklist.senior_owner.is_active
        or not initiative.participations.with_member(checklist.senior_owner).exists()
    ):
        raise AssessmentRefused(
            f"{checklist.senior_owner} cannot be the senior owner: they are not in a body taking part"
        )
    if unknown := set(checklist.stop_doing) - set(participations):
        raise AssessmentRefused(f"Bodies {sorted(unknown)} do not take part in this initiative")


def _assessment_create(
    *,
    initiative: Initiative,
    answers: dict,
    result: dict,
    chosen_model: str,
    choice_reason: str,
    checklist: Checklist,
    by: User,
) -> Assessment:
    """The next numbered assessment, keeping copies of the checklist's lists as they were answered."""
    latest = initiative.assessments.aggregate(latest=Max("number"))["latest"] or 0
    return Assessment.objects.create(
        initiative=initiative,
        number=latest + 1,
        answers=answers,
        result=result,
        recommended_model=result["model"],
        chosen_model=chosen_model,
        choice_reason=choice_reason,
        components=[c["model"] for c in result["components"] if c["model"] != chosen_model],
        outcome_statement=checklist.outcome_statement,
        senior_owner=checklist.senior_owner,
        decision_rights=list(checklist.decision_rights),
        data_items=list(checklist.data_items),
        joint_risks=list(checklist.joint_risks),
        single_body_risks=list(checklist.single_body_risks),
        measures=list(checklist.measures),
        stop_doing={str(body_id): list(items) for body_id, items in checklist.stop_doing.items()},
        created_by=by,
    )


def _put_to_work(
    *,
    initiative: Initiative,
    checklist: Checklist,
    chosen_model: str,
    participations: dict[int, Participation],
    by: User,
) -> None:
    # The same write as editing the initiative, so a newly named senior owner is told.
    initiative_update(
        initiative=initiative,
        by=by,
        operating_model=chosen_model,
        outcome_statement=checklist.outcome_statement,
        senior_owner=checklist.senior_owner,
        senior_owner_decision_rights=list(checklist.decision_rights),
        senior_owner_change_reason="Named in a new operating model assessment",
    )
    for body_id, items in checklist.stop_doing.items():
        participation = participations[body_id]
        if participation.stop_doing != list(items):
            participation_update(
                participation=participation,
                role=participation.role,
                stop_doing=list(items),
                by=by,
            )


@transaction.atomic
def assessment_record(
    *,
    initiative: Initiative,
    answers: Mapping[str, object],
    checklist: Checklist,
    chosen_model: str,
    choice_reason: str,
    by: User,
) -> Assessment:
    """Keep one run of the checklist as it was, and put its answers to work on the initiative at once.

    The recommendation is worked out here from the answers, never taken from the caller, so a
    stored assessment always says what the engine said. The components adopted are the
    recommended ones, less the chosen model if it is one of them. Assessments are only ever
    added: a re-run gets the next number and earlier ones stay as they were. The person's draft
    of the answers goes once the assessment is kept.
    """
    engine_answers = validate_answers(answers).as_dict()
    result = recommend(engine_answers)
    reason = choice_reason.strip()
    _check_choice(chosen_model=chosen_model, recommended_model=result["model"], reason=reason)
    # Lock the initiative row so two people confirming at once get numbers one after the other.
    Initiative.objects.lock(initiative)
    participations = {p.body_id: p for p in initiative.participations.select_related("body")}
    _check_checklist(initiative=initiative, checklist=checklist, participations=participations)

    assessment = _assessment_create(
        initiative=initiative,
        answers=engine_answers,
        result=result,
        chosen_model=chosen_model,
        choice_reason=reason,
        checklist=checklist,
        by=by,
    )
    _put_to_work(
        initiative=initiative,
        checklist=checklist,
        chosen_model=chosen_model,
        participations=participations,
        by=by,
    )
    AssessmentDraft.objects.filter(initiative=initiative, person=by).delete()
    return assessment


@transaction.atomic
def senior_owner_rights_add(*, initiative: Initiative, rights: list[str], by: User) -> list[str]:
    """Add decision rights the senior owner does not hold yet; returns the ones added."""
    held = {right.strip().casefold() for right in initiative.senior_owner_decision_rights}
    added = [
        right for right in dict.fromkeys(r.strip() for r in rights) if right and right.casefold() not in held
    ]
    if added:
        initiative.senior_owner_decision_rights = [*initiative.senior_owner_decision_rights, *added]
        initiative._history_user = by
        initiative.save(update_fields=["senior_owner_decision_rights", "updated_at"])
    return added
