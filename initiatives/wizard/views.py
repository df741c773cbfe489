"""The operating-model checklist: question pages, check your answers, the recommendation, the history.

Only people who may change the initiative (its programme managers) run the checklist; anyone
who may read the initiative may read its assessment history. Each person's answers are kept as
their own draft, saved on every page, until they confirm a model; then they go on to set the
initiative up from it (a governance page, reached by its URL name).
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from collab.govuk_forms import posted
from collab.paging import paged
from initiatives import services
from initiatives.access import get_initiative_or_404
from initiatives.operating_models import PROFILES
from initiatives.recommendation import recommend
from initiatives.rules import CHANGE_INITIATIVE
from initiatives.wizard import steps
from initiatives.wizard.changes import changes_since
from initiatives.wizard.forms import ModelChoiceForm
from initiatives.wizard.presenters import assessment_history, check_answer_sections, recommendation_page
from initiatives.wizard.services import assessment_draft_save

SET_UP_URL_NAME = "governance:setup"


def _question_url(initiative, step, *, changing: bool = False) -> str:
    url = reverse("initiatives:wizard_question", args=[initiative.slug, step.slug])
    return f"{url}?change=1" if changing else url


def _check_url(initiative) -> str:
    return reverse("initiatives:wizard_check", args=[initiative.slug])


def _resume_url(initiative, draft) -> str:
    unanswered = steps.first_unanswered(initiative, draft)
    return _question_url(initiative, unanswered) if unanswered else _check_url(initiative)


def start(request, slug):
    """The first question, or for a person with a saved draft, where they left off."""
    initiative = get_initiative_or_404(request.user, slug, CHANGE_INITIATIVE)
    return redirect(_resume_url(initiative, steps.current_draft(initiative, request.user)))


def question(request, slug, step):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_INITIATIVE)
    step = steps.step_or_404(step)
    changing = request.GET.get("change") == "1"
    draft = steps.current_draft(initiative, request.user)
    form = step.form(initiative, draft.values, posted(request))
    previous, following = steps.neighbours(step)
    if request.method == "POST" and form.is_valid():
        draft = assessment_draft_save(
            initiative=initiative,
            by=request.user,
            step=step.slug,
            values=form.draft_values(),
            starting_values=draft.values,
        )
        if changing:
            # A changed answer can make another one necessary (data to agree, say): ask it next.
            unanswered = steps.first_unanswered(initiative, draft)
            return redirect(
                _question_url(initiative, unanswered, changing=True) if unanswered else _check_url(initiative)
            )
        return redirect(_question_url(initiative, following) if following else _check_url(initiative))
    if changing:
        back_url = _check_url(initiative)
    else:
        back_url = _question_url(initiative, previous) if previous else initiative.get_absolute_url()
    context = {"form": form, "initiative": initiative, "back_url": back_url, "caption": step.progress}
    return render(request, form.page_template, context)


def check_answers(request, slug):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_INITIATIVE)
    draft = steps.current_draft(initiative, request.user)
    if steps.first_unanswered(initiative, draft):
        return redirect(_resume_url(initiative, draft))
    context = {
        "initiative": initiative,
        "sections": check_answer_sections(initiative, draft.values),
        "back_url": _question_url(initiative, steps.STEPS[-1]),
    }
    return render(request, "initiatives/wizard/check_answers.html", context)


def result(request, slug):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_INITIATIVE)
    draft = steps.current_draft(initiative, request.user)
    if steps.first_unanswered(initiative, draft):
        return redirect(_resume_url(initiative, draft))
    answers, checklist = steps.completed_answers(initiative, draft.values)
    recommendation = recommend(answers)
    form = ModelChoiceForm(posted(request), recommended=recommendation["model"])
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_record(
                initiative=initiative,
                answers=answers,
                checklist=checklist,
                chosen_model=form.cleaned_data["chosen_model"],
                choice_reason=form.cleaned_data["choice_reason"],
                by=request.user,
            )
        except services.AssessmentRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(_check_url(initiative))
        chosen = PROFILES[form.cleaned_data["chosen_model"]].name
        messages.success(request, f"Operating model recorded: {chosen}. Now set up the initiative from it.")
        return redirect(SET_UP_URL_NAME, slug=initiative.slug)
    context = {
        "initiative": initiative,
        "form": form,
        "recommendation": recommendation_page(recommendation),
        "changes": changes_since(initiative.assessments.first(), answers, recommendation),
        "back_url": _check_url(initiative),
    }
    return render(request, "initiatives/wizard/result.html", context)


def history(request, slug):
    initiative = get_initiative_or_404(request.user, slug)
    # An assessment is a page of answers and reasons: ten of them make a long enough page.
    shown = paged(
        initiative.assessments.select_related("senior_owner", "created_by"), request.GET, per_page=10
    )
    context = {"initiative": initiative, "shown": shown, "entries": assessment_history(shown.rows)}
    return render(request, "initiatives/wizard/history.html", context)
