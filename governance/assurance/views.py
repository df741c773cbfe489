from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from collab.confirm import Confirmation, Consequence, confirm_page, confirmed
from collab.govuk_forms import posted
from collab.paging import paged
from collab.stale_edit import answers_stale_edits, saved_unless_stale
from governance.assurance import services
from governance.assurance.forms import (
    AssuranceReviewerForm,
    AssuranceReviewForm,
    ClosureProposalForm,
    ClosureReviewForm,
    RecommendationForm,
)
from governance.assurance.presenters import (
    assurance_summary,
    closure_trail,
    recommendations_of,
    review_history,
    review_recommendations,
)
from governance.assurance.rules import (
    ASSIGN_ASSURANCE_REVIEWERS,
    CHANGE_ASSURANCE_REVIEW,
    PROPOSE_RECOMMENDATION_CLOSURE,
    RECORD_ASSURANCE_REVIEW,
    REVIEW_RECOMMENDATION_CLOSURE,
    VIEW_ASSURANCE,
    closure_allowed,
)
from governance.assurance.states import TRANSITIONS, Move
from initiatives.access import get_initiative_or_404


def _assurance_url(slug: str) -> str:
    return reverse("governance:assurance", kwargs={"slug": slug})


def assurance(request, slug):
    initiative = get_initiative_or_404(request.user, slug, VIEW_ASSURANCE)
    summary = assurance_summary(initiative, request.user)
    context = {
        "summary": summary,
        "initiative": initiative,
        # Three lists on one page, each paged by its own parameter.
        "open_recommendations": paged(summary.open_recommendations, request.GET, param="open_page"),
        "proposed_closures": paged(summary.proposed_closures, request.GET, param="proposed_page"),
        "reviews": paged(summary.reviews, request.GET, param="reviews_page"),
    }
    return render(request, "governance/assurance/assurance.html", context)


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
                initiative=initiative,
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


def _recommendation(request, slug: str, pk: int, permission: str):
    """The initiative's recommendation `pk`, if the user may make this move on it (else 403)."""
    initiative = get_initiative_or_404(request.user, slug, VIEW_ASSURANCE)
    recommendation = get_object_or_404(recommendations_of(initiative), pk=pk)
    if not closure_allowed(request.user, permission, recommendation):
        raise PermissionDenied
    return initiative, recommendation


def _closure_page(request, template: str, initiative, recommendation, form):
    back_url = reverse(
        "governance:review_detail", kwargs={"slug": initiative.slug, "pk": recommendation.review_id}
    )
    context = {
        "initiative": initiative,
        "recommendation": recommendation,
        "trail": closure_trail(recommendation),
        "form": form,
        "back_url": back_url,
        "cancel_url": back_url,
    }
    return render(request, f"governance/assurance/{template}", context)


def recommendation_propose_closure(request, slug, pk):
    initiative, recommendation = _recommendation(request, slug, pk, PROPOSE_RECOMMENDATION_CLOSURE)
    form = ClosureProposalForm(posted(request), initiative=initiative)
    if request.method == "POST" and form.is_valid():
        evidence = form.cleaned_data
        try:
            services.recommendation_propose_closure(
                recommendation=recommendation,
                by=request.user,
                evidence=evidence["evidence"],
                links=evidence["links"],
                decision=evidence["decision"],
            )
        except services.AssuranceRefusal as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request, "Closure proposed. The assurance reviewers have been emailed to confirm it."
            )
            return redirect("governance:review_detail", slug=slug, pk=recommendation.review_id)
    return _closure_page(request, "closure_proposal_form.html", initiative, recommendation, form)


def recommendation_review_closure(request, slug, pk):
    initiative, recommendation = _recommendation(request, slug, pk, REVIEW_RECOMMENDATION_CLOSURE)
    form = ClosureReviewForm(posted(request))
    if request.method == "POST" and form.is_valid():
        move = Move(form.cleaned_data["outcome"])
        try:
            services.recommendation_review_closure(
                recommendation=recommendation,
                by=request.user,
                move=move,
                comment=form.cleaned_data["comment"],
            )
        except services.AssuranceRefusal as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, f"Recommendation {TRANSITIONS[move].done}")
            return redirect("governance:review_detail", slug=slug, pk=recommendation.review_id)
    return _closure_page(request, "closure_review_form.html", initiative, recommendation, form)
