"""Demonstration assurance: the reviewers group, and each story's reviews with their recommendations.

Only initiatives the seed has just created get reviews, so running seed_demo again adds nothing.
No governance pack is built here: packs are built by a worker when someone asks for one.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from governance.assurance import services
from governance.assurance.models import AssuranceReview, Recommendation
from governance.assurance.rules import ASSURANCE_REVIEWERS_GROUP
from governance.assurance.states import Move
from initiatives.demo.story import in_days
from initiatives.demo.world import DemoWorld, NewInitiative
from initiatives.models import InitiativeRole, User


def seed_assurance(world: DemoWorld) -> None:
    _reviewers_group(world)
    for new in world.created:
        for review in new.story.reviews:
            _review_record(world, new, **review)


def _reviewers_group(world: DemoWorld) -> None:
    """Everyone assigned to review a new initiative, and the demo's reviewers, join the group."""
    group, _ = Group.objects.get_or_create(name=ASSURANCE_REVIEWERS_GROUP)
    assigned = (
        InitiativeRole.objects.assurance_reviewers()
        .filter(initiative__in=world.created_initiatives)
        .select_related("user")
    )
    for role in assigned:
        role.user.groups.add(group)
    for key in ("assurance_reviewer", "unassigned_reviewer"):
        if key in world.people:
            world.people[key].groups.add(group)


def _review_record(
    world: DemoWorld,
    new: NewInitiative,
    *,
    reviewer: str,
    review_type: str,
    days_ago: int,
    findings: str,
    scale: str,
    confidence: str,
    recommendations: tuple[dict, ...] = (),
) -> None:
    """`reviewer` is the cast key of the initiative's assigned reviewer, of the initiative's copy."""
    by = new.people[reviewer]
    review = services.assurance_review_record(
        initiative=new.initiative,
        reviewer=by,
        review_type=AssuranceReview.ReviewType(review_type),
        review_date=timezone.localdate() - datetime.timedelta(days=days_ago),
        findings=findings,
        scale=AssuranceReview.Scale(scale),
        confidence=AssuranceReview.Confidence(confidence),
    )
    for recommendation in recommendations:
        _recommendation_add(new, review, by, bodies=world.bodies, **recommendation)


def _recommendation_add(
    new: NewInitiative,
    review: AssuranceReview,
    by: User,
    *,
    text: str,
    owner_body: str,
    due_in_days: int,
    closure: dict | None = None,
    bodies: dict,
) -> None:
    recommendation = services.recommendation_add(
        review=review, text=text, owner_body=bodies[owner_body], due_date=in_days(due_in_days), by=by
    )
    if closure:
        _closure(new, recommendation, **closure)


def _closure(
    new: NewInitiative,
    recommendation: Recommendation,
    *,
    proposed_by: str,
    evidence: str,
    links: tuple[str, ...] = (),
    confirmed_by: str = "",
) -> None:
    """Proposed by the owning side, with evidence; confirmed by the reviewer when `confirmed_by` is given.
    Both are cast keys of the initiative's copy."""
    services.recommendation_propose_closure(
        recommendation=recommendation, by=new.people[proposed_by], evidence=evidence, links=links
    )
    if confirmed_by:
        services.recommendation_review_closure(
            recommendation=recommendation, by=new.people[confirmed_by], move=Move.CONFIRM
        )
