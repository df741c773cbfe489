"""The operating-model checklist: question pages, check your answers, the recommendation, the history.

Only people who may change the initiative (its programme managers) run the checklist; anyone
who may read the initiative may read its assessment history.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from initiatives import services
from initiatives.access import get_initiative_or_404
from initiatives.operating_models import PROFILES
from initiatives.recommendation import recommend
from initiatives.rules import CHANGE_INITIATIVE
from initiatives.wizard import steps
from initiatives.wizard.forms import ModelChoiceForm
from initiatives.wizard.presenters import assessment_history, check_answer_rows, recommendation_page


def _question_url(initiative, step, *, changing: bool = False) -> str:
    url = reverse("initiatives:wizard_question", args=[initiative.slug, step.slug])
    return f"{url}?change=1" if changing else url


def _check_url(initiative) -> str:
    return reverse("initiatives:wizard_check", args=[initiative.slug])


def start(request, slug):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_INITIATIVE)
    steps.draft_values(request.session, initiative)
    return redirect(_question_url(initiative, steps.STEPS[0]))


def question(request, slug, step):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_INITIATIVE)
    step = steps.step_or_404(step)
    changing = request.GET.get("change") == "1"
    values = steps.draft_values(request.session, initiative)
    form = step.form(initiative, values, request.POST if request.method == "POST" else None)
    previous, following = steps.neighbours(step)
    if request.method == "POST" and form.is_valid():
        steps.draft_answer(request.session, initiative, step, form.draft_values())
        if changing:
            # A changed answer can make another one necessary (data to agree, say): ask it next.
            unanswered = steps.first_unanswered(request.session, initiative)
            return redirect(
                _question_url(initiative, unanswered, changing=True) if unanswered else _check_url(initiative)
            )
        return redirect(_question_url(initiative, following) if following else _check_url(initiative))
    if changing:
        back_url = _check_url(initiative)
    else:
        back_url = _question_url(initiative, previous) if previous else initiative.get_absolute_url()
    context = {"form": form, "initiative": initiative, "back_url": back_url, "caption": initiative.title}
    return render(request, form.page_template, context)


def check_answers(request, slug):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_INITIATIVE)
    values = steps.draft_values(request.session, initiative)
    if unanswered := steps.first_unanswered(request.session, initiative):
        return redirect(_question_url(initiative, unanswered))
    context = {
        "initiative": initiative,
        "rows": check_answer_rows(initiative, values),
        "back_url": _question_url(initiative, steps.STEPS[-1]),
    }
    return render(request, "initiatives/wizard/check_answers.html", context)


def result(request, slug):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_INITIATIVE)
    values = steps.draft_values(request.session, initiative)
    if unanswered := steps.first_unanswered(request.session, initiative):
        return redirect(_question_url(initiative, unanswered))
    answers, checklist = steps.completed_answers(initiative, values)
    recommendation = recommend(answers)
    form = ModelChoiceForm(
        request.POST if request.method == "POST" else None, recommended=recommendation["model"]
    )
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
        steps.draft_discard(request.session, initiative)
        messages.success(
            request, f"Operating model recorded: {PROFILES[form.cleaned_data['chosen_model']].name}"
        )
        return redirect(initiative)
    context = {
        "initiative": initiative,
        "form": form,
        "recommendation": recommendation_page(recommendation),
        "back_url": _check_url(initiative),
    }
    return render(request, "initiatives/wizard/result.html", context)


def history(request, slug):
    initiative = get_initiative_or_404(request.user, slug)
    context = {"initiative": initiative, "entries": assessment_history(initiative)}
    return render(request, "initiatives/wizard/history.html", context)
