from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from collab.govuk_forms import GovukForm, posted
from collab.paging import paged
from collab.refusals import refused_or_done
from people.leavers import services
from people.leavers.presenters import people_visible_to, person_page, search
from people.leavers.services import LeaverRefused
from people.rules import DEACTIVATE_PERSON, UNLOCK_PERSON, VIEW_PEOPLE


class DeactivateForm(GovukForm):
    reason = forms.CharField(
        label="Why are they leaving? (optional)",
        required=False,
        max_length=300,
        help_text="For example: moved to another department. Kept with the record of the deactivation.",
    )


def people(request):
    if not request.user.has_perm(VIEW_PEOPLE):
        raise PermissionDenied
    query = request.GET.get("q", "")[:100]
    found = paged(search(people_visible_to(request.user), query), request.GET)
    return render(request, "people/leavers/people.html", {"paged": found, "query": query})


def _person(request, pk):
    """The person, if the viewer may see them: 404 for anyone outside the bodies they lead."""
    if not request.user.has_perm(VIEW_PEOPLE):
        raise PermissionDenied
    return get_object_or_404(people_visible_to(request.user), pk=pk)


def person(request, pk):
    shown = _person(request, pk)
    return render(request, "people/leavers/person.html", {"page": person_page(shown, request.user)})


def deactivate(request, pk):
    leaver = _person(request, pk)
    if not request.user.has_perm(DEACTIVATE_PERSON, leaver):
        raise PermissionDenied
    form = DeactivateForm(posted(request))
    if form.is_valid():
        deactivated = f"{leaver} has been deactivated and signed out everywhere"
        with refused_or_done(request, LeaverRefused, done=deactivated):
            services.person_deactivate(person=leaver, by=request.user, reason=form.cleaned_data["reason"])
        return redirect("people:person", pk=pk)
    back_url = reverse("people:person", kwargs={"pk": pk})
    context = {"form": form, "page": person_page(leaver, request.user), "back_url": back_url}
    return render(request, "people/leavers/deactivate.html", context)


@require_POST
def reactivate(request, pk):
    returner = _person(request, pk)
    if not request.user.has_perm(DEACTIVATE_PERSON, returner):
        raise PermissionDenied
    reactivated = f"{returner} can sign in again. Invite them to the roles they need."
    with refused_or_done(request, LeaverRefused, done=reactivated):
        services.person_reactivate(person=returner, by=request.user)
    return redirect("people:person", pk=pk)


@require_POST
def unlock(request, pk):
    locked = _person(request, pk)
    if not request.user.has_perm(UNLOCK_PERSON, locked):
        raise PermissionDenied
    if services.person_unlock(person=locked, by=request.user):
        messages.success(request, f"{locked} can try signing in again now")
    else:
        messages.info(request, f"{locked} was not locked out")
    return redirect("people:person", pk=pk)
