"""The set-up page: everything the operating model implies, ticked where certain, made in one go."""

from django.contrib import messages
from django.shortcuts import redirect, render

from collab.govuk_forms import posted
from governance.setup import services
from governance.setup.facts import gather_set_up_facts
from governance.setup.forms import SetUpForm
from governance.setup.plan import set_up_plan
from governance.setup.presenters import in_place_rows
from governance.setup.rules import SET_UP_INITIATIVE
from initiatives.access import get_initiative_or_404
from initiatives.operating_models import structure_name


def set_up(request, slug):
    initiative = get_initiative_or_404(request.user, slug, SET_UP_INITIATIVE)
    facts = gather_set_up_facts(initiative)
    plan = set_up_plan(facts) if facts else []
    form = SetUpForm(posted(request), plan=plan)
    if request.method == "POST" and form.is_valid():
        outcome = services.initiative_set_up(initiative=initiative, keys=form.chosen_keys, by=request.user)
        messages.success(request, outcome.summary)
        return redirect("governance:setup", slug=slug)
    context = {
        "initiative": initiative,
        "form": form,
        "structure": structure_name(initiative.operating_model, facts.components) if facts else "",
        "in_place": in_place_rows(initiative),
        "back_url": initiative.get_absolute_url(),
    }
    return render(request, "governance/setup/set_up.html", context)
