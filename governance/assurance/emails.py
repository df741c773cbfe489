"""Emails about closing recommendations, sent by governance.assurance.tasks.

Each is keyed on the step that caused it, so a message delayed in the queue is dropped once the
recommendation has moved on. Recipients are worked out at send time, from who still has the role.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from collab.outbox import safe_subject
from governance.assurance import states as closure
from governance.assurance.models import Recommendation, RecommendationStep
from governance.assurance.rules import is_owning_side_of
from initiatives.models import User
from people.account.services import email_frequency
from people.models import EmailFrequency, EmailKind
from people.notifications import notify


def review_path(recommendation: Recommendation) -> str:
    review = recommendation.review
    path = reverse("governance:review_detail", kwargs={"slug": review.initiative.slug, "pk": review.pk})
    return f"{path}#recommendation-{recommendation.pk}"


def review_url(recommendation: Recommendation) -> str:
    return f"{settings.SITE_URL}{review_path(recommendation)}"


def _load(recommendation_id: int, step_id: int) -> tuple[Recommendation, RecommendationStep] | None:
    recommendation = (
        Recommendation.objects.select_related("review__initiative", "owner_body")
        .filter(pk=recommendation_id)
        .first()
    )
    if recommendation is None:
        return None
    latest = recommendation.steps.newest_first().select_related("by", "decision").first()
    if latest is None or latest.pk != step_id:
        return None
    return recommendation, latest


def _reviewers(recommendation: Recommendation, step: RecommendationStep) -> list[User]:
    """The initiative's assurance reviewers now, but not the proposer, who knows already."""
    people = User.objects.reviewing(recommendation.initiative).filter(is_active=True).exclude(pk=step.by_id)
    return list(people.distinct())


def _owning_side(recommendation: Recommendation, step: RecommendationStep) -> list[User]:
    """Who proposed the closure, while they still may; else the owning body's people, while it takes part."""
    proposals = recommendation.steps.filter(to_status=closure.PROPOSED_CLOSED, pk__lt=step.pk)
    proposal = proposals.newest_first().select_related("by").first()
    proposer = proposal.by if proposal else None
    if proposer is not None and proposer.is_active and is_owning_side_of(proposer, recommendation):
        return [proposer]
    if not recommendation.initiative.participations.filter(body_id=recommendation.owner_body_id).exists():
        return []
    people = User.objects.filter(memberships__body_id=recommendation.owner_body_id, is_active=True)
    return list(people.distinct())


def send_recommendation_moved(*, recommendation_id: int, step_id: int) -> bool:
    """Tell the reviewers of a proposal, or the owning side of the reviewer's answer."""
    loaded = _load(recommendation_id, step_id)
    if loaded is None:
        return False
    recommendation, step = loaded
    proposed = step.to_status == closure.PROPOSED_CLOSED
    people = _reviewers(recommendation, step) if proposed else _owning_side(recommendation, step)
    heading = "Closure proposed" if proposed else f"Recommendation {step.done}"
    recipients = (
        _straight_away(people, recommendation, step, heading) if step.to_status != closure.CLOSED else people
    )
    if not recipients:
        return False
    context = {"recommendation": recommendation, "step": step, "url": review_url(recommendation)}
    template = "closure_proposed" if proposed else "closure_reviewed"
    send_mail(
        subject=safe_subject(f"{heading}: {recommendation.text}"),
        message=render_to_string(f"governance/assurance/email/{template}.txt", context),
        from_email=None,
        recipient_list=[person.email for person in recipients],
    )
    return True


def _straight_away(
    people: list[User], recommendation: Recommendation, step: RecommendationStep, heading: str
) -> list[User]:
    """A proposal awaits the reviewers' response, a reopened recommendation the owning side's: each
    person gets it as they chose for recommendations awaiting them. Returns who wants it now."""
    kind = EmailKind.RECOMMENDATIONS_AWAITING
    now = [
        person for person in people if email_frequency(person=person, kind=kind) == EmailFrequency.IMMEDIATE
    ]
    for person in people:
        if person not in now:
            notify(
                person=person,
                kind=kind,
                key=f"recommendation:{recommendation.pk}:step:{step.pk}",
                subject=f"{heading}: {recommendation.text}",
                message=f"{heading}, awaiting your response: {recommendation.text}",
                url=review_path(recommendation),
            )
    return now
