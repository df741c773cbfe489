"""Demonstration assurance: reviews of Tell Us Once and of the paused identity platform.

Only initiatives the seed has just created get reviews, so running seed_demo again adds nothing.
No governance pack is built here: packs are built by a worker when someone asks for one.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from governance.assurance import services
from governance.assurance.models import AssuranceReview
from governance.assurance.rules import ASSURANCE_REVIEWERS_GROUP
from initiatives.models import Initiative, InitiativeRole

TELL_US_ONCE = "tell-us-once-bereavement"
IDENTITY_PLATFORM = "shared-identity-checking-platform"


def seed_assurance(world) -> None:
    group, _ = Group.objects.get_or_create(name=ASSURANCE_REVIEWERS_GROUP)
    reviewer_roles = (
        InitiativeRole.objects.assurance_reviewers()
        .filter(initiative__in=world.created_initiatives)
        .select_related("user", "initiative")
    )
    for role in reviewer_roles:
        role.user.groups.add(group)
    for key in ("assurance_reviewer", "unassigned_reviewer"):
        if key in world.people:
            world.people[key].groups.add(group)
    first_reviewer = {role.initiative_id: role.user for role in reviewer_roles}
    today = timezone.localdate()
    for initiative in world.created_initiatives:
        reviewer = first_reviewer.get(initiative.pk)
        if reviewer is None:
            continue
        if _is(initiative, TELL_US_ONCE):
            _tell_us_once(initiative, reviewer, world, today)
        elif _is(initiative, IDENTITY_PLATFORM):
            _identity_platform(initiative, reviewer, world, today)


def _is(initiative: Initiative, slug: str) -> bool:
    return initiative.slug == slug or initiative.slug.startswith(f"{slug}-")


def _bodies(initiative: Initiative) -> dict:
    return {p.body.short_name: p.body for p in initiative.participations.select_related("body")}


def _tell_us_once(initiative, reviewer, world, today: datetime.date) -> None:
    bodies = _bodies(initiative)
    gateway = services.assurance_review_record(
        initiative=initiative,
        reviewer=reviewer,
        review_type=AssuranceReview.ReviewType.GATEWAY_0,
        review_date=today - datetime.timedelta(days=420),
        findings=(
            "The strategic case for a single bereavement notification is strong and partners support it.\n"
            "Benefits are not yet quantified by body, the data sharing gateway is unconfirmed and no senior "
            "accountable owner has been named for the joint outcome."
        ),
        scale=AssuranceReview.Scale.FIVE_POINT,
        confidence=AssuranceReview.Confidence.AMBER_RED,
    )
    done = services.recommendation_add(
        review=gateway,
        text="Name one senior accountable owner for the joint outcome, with written decision rights.",
        owner_body=bodies["DWP"],
        due_date=gateway.review_date + datetime.timedelta(days=60),
        by=reviewer,
    )
    services.recommendation_complete(recommendation=done, by=world.people["programme_manager"])
    services.recommendation_add(
        review=gateway,
        text="Confirm the legal gateway for sharing death notifications with councils.",
        owner_body=bodies["DWP"],
        due_date=gateway.review_date + datetime.timedelta(days=90),
        by=reviewer,
    )
    check = services.assurance_review_record(
        initiative=initiative,
        reviewer=reviewer,
        review_type=AssuranceReview.ReviewType.HEALTH_CHECK,
        review_date=today - datetime.timedelta(days=21),
        findings=(
            "Ownership is now clear and the programme board meets monthly with the right people.\n"
            "Partners still define 'date of death notification' differently, which delays benefit "
            "adjustments; two shared measures have no agreed baseline. Delivery is feasible but these "
            "issues need management attention now."
        ),
        scale=AssuranceReview.Scale.THREE_POINT,
        confidence=AssuranceReview.Confidence.AMBER,
    )
    for text, body, days in [
        ("Agree one definition of 'date of death notification' across all partners.", "HMRC", 45),
        ("Set baselines for the journey-time and repeat-contact measures before the next board.", "DWP", 30),
        ("Test the council notification route with a second local authority.", "MCC", 90),
    ]:
        services.recommendation_add(
            review=check,
            text=text,
            owner_body=bodies[body],
            due_date=today + datetime.timedelta(days=days),
            by=reviewer,
        )


def _identity_platform(initiative, reviewer, world, today: datetime.date) -> None:
    bodies = _bodies(initiative)
    review = services.assurance_review_record(
        initiative=initiative,
        reviewer=reviewer,
        review_type=AssuranceReview.ReviewType.HEALTH_CHECK,
        review_date=today - datetime.timedelta(days=40),
        findings=(
            "Work is paused while funding for the second year is unresolved. The platform's service "
            "assessment has lapsed and partners have started procuring their own identity checks.\n"
            "Successful delivery appears unachievable unless funding and the partners' commitment not to "
            "procure separately are settled."
        ),
        scale=AssuranceReview.Scale.THREE_POINT,
        confidence=AssuranceReview.Confidence.RED,
    )
    services.recommendation_add(
        review=review,
        text="Settle second-year funding, or agree to close the initiative in an orderly way.",
        owner_body=bodies["HMPO"],
        due_date=today + datetime.timedelta(days=30),
        by=reviewer,
    )
    services.recommendation_add(
        review=review,
        text="Pause separate procurement of identity checking until the funding decision is made.",
        owner_body=bodies["DWP"],
        due_date=today - datetime.timedelta(days=5),
        by=reviewer,
    )
