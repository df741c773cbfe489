from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from collab.confirm import Confirmation, Consequence, confirm_page, confirmed
from collab.refusals import refused_or_done
from collab.stale_edit import answers_stale_edits, saved_unless_stale
from governance.assurance import services
from governance.assurance.forms import AssuranceReviewerForm, AssuranceReviewForm, RecommendationForm
from governance.assurance.presenters import (
    assurance_summary,
    recommendations_of,
    review_history,
    review_recommendations,
)
from governance.assurance.rules import (
    ASSIGN_ASSURANCE_REVIEWERS,
    CHANGE_ASSURANCE_REVIEW,
    COMPLETE_RECOMMENDATION,
    RECORD_ASSURANCE_REVIEW,
    VIEW_ASSURANCE,
)
from initiatives.access import get_initiative_or_404


def _assurance_url(slug: str) -> str:
    return reverse("governance:assurance", kwargs={"slug": slug})


def assurance(request, slug):
    initiative = get_initiative_or_404(request.user, slug, VIEW_ASSURANCE)
    summary = assurance_summary(initiative, request.user)
    return render(
        request, "governance/assurance/assurance.html", {"summary": summary, "initiative": initiative}
    )


def reviewers(request, slug):
    initiative = get_initiative_or_404(request.user, slug, ASSIGN_ASSURANCE_REVIEWERS)
    form = AssuranceReviewerForm(request.POST or None, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        reviewer = form.cleaned_data["reviewer"]
        try:
            services.assurance_reviewer_assign(initiative=initiative, reviewer=reviewer, by=request.user)
        except services.AssuranceRefusal as refusal:
            form.add_error("reviewer", str(refusal))
        else:
            messages.success(
                request, f"{reviewer.full_name} is now an assurance reviewer of {initiative.title}"
            )
            return redirect("governance:assurance_reviewers", slug=slug)
    assignments = initiative.roles.assurance_reviewers().select_related("user")
    context = {"initiative": initiative, "form": form, "assignments": assignments}
    return render(request, "governance/assurance/reviewers.html", context)


def reviewer_remove(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug, ASSIGN_ASSURANCE_REVIEWERS)
    assignment = get_object_or_404(initiative.roles.assurance_reviewers().select_related("user"), pk=pk)
    if not confirmed(request):
        reviews = [str(review) for review in initiative.assurance_reviews.filter(reviewer=assignment.user)]
        return confirm_page(
            request,
            Confirmation(
                caption=initiative.title,
                title=f"Stop {assignment.user} assuring {initiative.title}",
                warning="They lose access to the initiative unless a body taking part has them as a member.",
                button="Remove reviewer",
                back_url=reverse("governance:assurance_reviewers", kwargs={"slug": slug}),
                consequences=[
                    Consequence("Their role ends", [f"{assignment.user}: assurance reviewer"]),
                    Consequence("Reviews they recorded: kept, with their name", reviews),
                ],
            ),
        )
    services.assurance_reviewer_remove(assignment=assignment, by=request.user)
    messages.success(request, f"{assignment.user.full_name} is no longer an assurance reviewer")
    return redirect("governance:assurance_reviewers", slug=slug)


def review_create(request, slug):
    initiative = get_initiative_or_404(request.user, slug, RECORD_ASSURANCE_REVIEW)
    form = AssuranceReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            review = services.assurance_review_record(
                initiative=initiative, reviewer=request.user, **form.as_fields()
            )
        except services.AssuranceRefusal as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, "Review recorded. Add its recommendations below.")
            return redirect("governance:review_detail", slug=slug, pk=review.pk)
    back_url = _assurance_url(slug)
    context = {"form": form, "initiative": initiative, "back_url": back_url, "cancel_url": back_url}
    return render(request, "governance/assurance/review_form.html", context)


def review_detail(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug, VIEW_ASSURANCE)
    review = get_object_or_404(initiative.assurance_reviews.select_related("reviewer"), pk=pk)
    context = {
        "initiative": initiative,
        "review": review,
        "recommendations": review_recommendations(review, request.user),
        "history": review_history(review),
        "can_change": request.user.has_perm(CHANGE_ASSURANCE_REVIEW, review),
    }
    return render(request, "governance/assurance/review_detail.html", context)


@answers_stale_edits
def review_edit(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug, VIEW_ASSURANCE)
    review = get_object_or_404(initiative.assurance_reviews, pk=pk)
    if not request.user.has_perm(CHANGE_ASSURANCE_REVIEW, review):
        raise PermissionDenied
    form = AssuranceReviewForm(request.POST or None, instance=review)
    back_url = reverse("governance:review_detail", kwargs={"slug": slug, "pk": pk})
    if request.method == "POST" and form.is_valid():
        try:
            with saved_unless_stale(request, form, noun="review", back_url=back_url):
                services.assurance_review_update(review=review, by=request.user, **form.as_fields())
        except services.AssuranceRefusal as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, "Review updated")
            return redirect("governance:review_detail", slug=slug, pk=pk)
    context = {
        "form": form,
        "initiative": initiative,
        "back_url": back_url,
        "cancel_url": back_url,
        "review": review,
    }
    return render(request, "governance/assurance/review_form.html", context)


def recommendation_add(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug, VIEW_ASSURANCE)
    review = get_object_or_404(initiative.assurance_reviews, pk=pk)
    if not request.user.has_perm(CHANGE_ASSURANCE_REVIEW, review):
        raise PermissionDenied
    form = RecommendationForm(request.POST or None, review=review)
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_add(review=review, by=request.user, **form.as_fields())
        except services.AssuranceRefusal as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, "Recommendation added")
            return redirect("governance:review_detail", slug=slug, pk=pk)
    back_url = reverse("governance:review_detail", kwargs={"slug": slug, "pk": pk})
    context = {
        "form": form,
        "initiative": initiative,
        "review": review,
        "back_url": back_url,
        "cancel_url": back_url,
    }
    return render(request, "governance/assurance/recommendation_form.html", context)


@require_POST
def recommendation_complete(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug, VIEW_ASSURANCE)
    recommendation = get_object_or_404(recommendations_of(initiative), pk=pk)
    if not request.user.has_perm(COMPLETE_RECOMMENDATION, recommendation):
        raise PermissionDenied
    with refused_or_done(request, services.AssuranceRefusal, done="Recommendation marked as done"):
        services.recommendation_complete(recommendation=recommendation, by=request.user)
    if request.POST.get("return_to") == "review":
        return redirect("governance:review_detail", slug=slug, pk=recommendation.review_id)
    return redirect("governance:assurance", slug=slug)
