"""Administration of assurance records: shown here, recorded only by the reviewers on the service."""

from django.contrib import admin

from collab.service_admin import ReadOnlyHistoryAdmin, ReadOnlyInline
from governance.assurance.models import AssuranceReview, Recommendation, RecommendationStep


@admin.register(AssuranceReview)
class AssuranceReviewAdmin(ReadOnlyHistoryAdmin):
    """Read-only: a review is its reviewer's own judgement.

    Only the reviewer assigned to the initiative records a review or changes it (the services
    refuse anyone else, administrators included), and recording it is what gives a Red result
    its follow-up date. Administrators decide who may review, through the Assurance reviewers group.
    """

    list_display = ["__str__", "reviewer", "confidence", "follow_up_due"]
    list_filter = ["confidence", "review_type", "initiative"]


class RecommendationStepInline(ReadOnlyInline, admin.TabularInline):
    """The recommendation's moves towards closure, with their evidence or reasons."""

    model = RecommendationStep
    fields = ("at", "by", "from_status", "to_status", "comment", "links", "decision")
    readonly_fields = fields
    show_change_link = False


@admin.register(Recommendation)
class RecommendationAdmin(ReadOnlyHistoryAdmin):
    """Read-only: the review's reviewer adds recommendations; the owning body or a programme manager
    proposes closing one with evidence, and another of the initiative's reviewers confirms or reopens
    it (governance/assurance/states.py), on the service, each move kept as a RecommendationStep."""

    list_display = ["__str__", "review", "owner_body", "due_date", "status"]
    inlines = [RecommendationStepInline]
    list_filter = ["status", "owner_body"]
