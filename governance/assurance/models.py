"""Independent assurance: reviews, their recommendations and delivery confidence."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from governance.assurance import states as closure
from governance.assurance.querysets import (
    AssuranceReviewQuerySet,
    RecommendationQuerySet,
    RecommendationStepQuerySet,
)


class AssuranceReview(models.Model):
    class ReviewType(models.TextChoices):
        EARLY_ASSURANCE = "early_assurance", "Early assurance review"
        HEALTH_CHECK = "health_check", "Health check"
        GATEWAY_0 = "gateway_0", "Gateway 0: strategic assessment"
        GATEWAY_1 = "gateway_1", "Gateway 1: business justification"
        GATEWAY_2 = "gateway_2", "Gateway 2: delivery strategy"
        GATEWAY_3 = "gateway_3", "Gateway 3: investment decision"
        GATEWAY_4 = "gateway_4", "Gateway 4: readiness for service"
        GATEWAY_5 = "gateway_5", "Gateway 5: operations review and benefits realisation"

    class Scale(models.TextChoices):
        THREE_POINT = "three_point", "Three-point (IPA, current)"
        FIVE_POINT = "five_point", "Five-point (earlier reviews)"

    class Confidence(models.TextChoices):
        GREEN = "green", "Green"
        AMBER_GREEN = "amber_green", "Amber/Green"
        AMBER = "amber", "Amber"
        AMBER_RED = "amber_red", "Amber/Red"
        RED = "red", "Red"

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="assurance_reviews"
    )
    review_type = models.CharField(max_length=20, choices=ReviewType.choices)
    review_date = models.DateField()
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    findings = models.TextField()
    scale = models.CharField(max_length=12, choices=Scale.choices, default=Scale.THREE_POINT)
    confidence = models.CharField("delivery confidence", max_length=12, choices=Confidence.choices)
    # Set when the confidence is Red: the date by which a follow-up review must happen.
    follow_up_due = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = AssuranceReviewQuerySet.as_manager()

    # The confidence levels each scale offers; the database refuses any other pairing.
    SCALE_LEVELS = {
        Scale.THREE_POINT: [Confidence.GREEN, Confidence.AMBER, Confidence.RED],
        Scale.FIVE_POINT: [
            Confidence.GREEN,
            Confidence.AMBER_GREEN,
            Confidence.AMBER,
            Confidence.AMBER_RED,
            Confidence.RED,
        ],
    }

    class Meta:
        ordering = ["initiative", "-review_date", "-pk"]
        get_latest_by = ["review_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scale="five_point") | models.Q(confidence__in=["green", "amber", "red"]),
                name="assurance_confidence_on_its_scale",
                violation_error_message="Choose a delivery confidence on the review's scale",
            ),
            models.CheckConstraint(
                condition=~models.Q(confidence="red") | models.Q(follow_up_due__isnull=False),
                name="assurance_red_schedules_a_follow_up",
                violation_error_message="A Red delivery confidence needs a follow-up review date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_review_type_display()} of {self.initiative} on {self.review_date}"


class Recommendation(models.Model):
    # States and the moves between them are declared in governance/assurance/states.py.
    class Status(models.TextChoices):
        OPEN = closure.OPEN, "Open"
        PROPOSED_CLOSED = closure.PROPOSED_CLOSED, "Proposed closed"
        CLOSED = closure.CLOSED, "Closed"

    review = models.ForeignKey(AssuranceReview, on_delete=models.CASCADE, related_name="recommendations")
    text = models.TextField()
    owner_body = models.ForeignKey("initiatives.Body", on_delete=models.PROTECT, related_name="+")
    due_date = models.DateField()
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.OPEN)
    # Who proposed the closure now awaiting a reviewer: they may not confirm it themselves.
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    proposed_at = models.DateTimeField(null=True, blank=True)
    # The reviewer who confirmed it closed (before evidence was asked for: who marked it done).
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()
    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["review", "due_date", "pk"]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def initiative(self):
        return self.review.initiative


class RecommendationStep(models.Model):
    """One move of a recommendation towards closure: who made it, when, and on what evidence.

    A proposal carries the owning body's evidence (text, links, a decision of the initiative);
    a reopening the reviewer's reason. Rows are only ever added.
    """

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="steps")
    from_status = models.CharField(max_length=15, choices=Recommendation.Status.choices)
    to_status = models.CharField(max_length=15, choices=Recommendation.Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    comment = models.TextField(blank=True)
    links = models.JSONField(default=list, blank=True)
    # RESTRICT: kept while the recommendation is, yet deleted with the initiative that holds both.
    decision = models.ForeignKey(
        "governance.Decision", on_delete=models.RESTRICT, null=True, blank=True, related_name="+"
    )

    objects = RecommendationStepQuerySet.as_manager()

    class Meta:
        ordering = ["recommendation", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.recommendation}: {self.from_status} -> {self.to_status}"

    @property
    def done(self) -> str:
        return closure.done_between(self.from_status, self.to_status) or self.get_to_status_display()
