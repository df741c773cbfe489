from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from collab.stale_edit import stale_edit_response
from collab.versions import StaleVersion
from initiatives import services
from initiatives.access import get_initiative_or_404
from initiatives.departures import BodyStillNeeded
from initiatives.forms import (
    InitiativeCreateForm,
    InitiativeEditForm,
    ParticipationAddForm,
    ParticipationEditForm,
    ProgrammeManagerForm,
)
from initiatives.models import InitiativeRole
from initiatives.presenters import bodies_history, home_initiatives, initiative_overview, team_history
from initiatives.rules import ADD_INITIATIVE, CHANGE_INITIATIVE, MANAGE_TEAM


def home(request):
    return render(
        request,
        "initiatives/home.html",
        {"initiatives": home_initiatives(request.user), "can_create": request.user.has_perm(ADD_INITIATIVE)},
    )


def initiative_create(request):
    if not request.user.has_perm(ADD_INITIATIVE):
        raise PermissionDenied
    form = InitiativeCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        initiative = services.initiative_create(by=request.user, **form.as_fields())
        messages.success(request, f"Initiative “{initiative.title}” created")
        return redirect(initiative)
    return render(request, "initiatives/initiative_form.html", {"form": form, "back_url": reverse("home")})


def overview(request, slug):
    initiative = get_initiative_or_404(request.user, slug)
    return render(
        request, "initiatives/overview.html", {"overview": initiative_overview(initiative, request.user)}
    )


def initiative_edit(request, slug):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_INITIATIVE)
    form = InitiativeEditForm(request.POST or None, instance=initiative)
    if request.method == "POST" and form.is_valid():
        try:
            with form.versioned_save():
                services.initiative_update(initiative=initiative, by=request.user, **form.as_fields())
        except StaleVersion as stale:
            return stale_edit_response(
                request, form, stale, noun="initiative", back_url=initiative.get_absolute_url()
            )
        messages.success(request, "Initiative updated")
        return redirect(initiative)
    return render(
        request,
        "initiatives/initiative_edit.html",
        {"form": form, "initiative": initiative, "back_url": initiative.get_absolute_url()},
    )


def bodies(request, slug):
    initiative = get_initiative_or_404(request.user, slug)
    can_edit = request.user.has_perm(CHANGE_INITIATIVE, initiative)
    form = ParticipationAddForm(request.POST or None, initiative=initiative)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            participation = services.participation_add(
                initiative=initiative,
                body=form.cleaned_data["body"],
                role=form.cleaned_data["role"],
                by=request.user,
            )
            messages.success(request, f"{participation.body.name} added")
            return redirect("initiatives:bodies", slug=slug)
    participations = initiative.participations.in_role_order()
    context = {
        "initiative": initiative,
        "participations": participations,
        "form": form,
        "can_edit": can_edit,
        "history": bodies_history(initiative),
    }
    return render(request, "initiatives/bodies.html", context)


def participation_edit(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_INITIATIVE)
    participation = get_object_or_404(initiative.participations.select_related("body"), pk=pk)
    form = ParticipationEditForm(request.POST or None, instance=participation)
    if request.method == "POST" and form.is_valid():
        try:
            with form.versioned_save():
                services.participation_update(
                    participation=participation, by=request.user, **form.as_fields()
                )
        except StaleVersion as stale:
            return stale_edit_response(
                request,
                form,
                stale,
                noun="participating body",
                back_url=reverse("initiatives:bodies", kwargs={"slug": slug}),
            )
        messages.success(request, f"{participation.body.name} updated")
        return redirect("initiatives:bodies", slug=slug)
    back_url = reverse("initiatives:bodies", kwargs={"slug": slug})
    context = {"form": form, "initiative": initiative, "participation": participation, "back_url": back_url}
    return render(request, "initiatives/participation_form.html", context)


@require_POST
def participation_remove(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_INITIATIVE)
    participation = get_object_or_404(initiative.participations.select_related("body"), pk=pk)
    try:
        services.participation_remove(participation=participation, by=request.user)
    except BodyStillNeeded as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"{participation.body.name} removed")
    return redirect("initiatives:bodies", slug=slug)


def team(request, slug):
    initiative = get_initiative_or_404(request.user, slug)
    can_manage = request.user.has_perm(MANAGE_TEAM, initiative)
    form = ProgrammeManagerForm(request.POST or None, initiative=initiative)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            services.role_assign(
                initiative=initiative,
                user=form.cleaned_data["user"],
                role=InitiativeRole.Role.PROGRAMME_MANAGER,
                by=request.user,
            )
            messages.success(request, f"{form.cleaned_data['user']} is now a programme manager")
            return redirect("initiatives:team", slug=slug)
    roles = initiative.roles.select_related("user").order_by("role", "user__full_name")
    context = {
        "initiative": initiative,
        "roles": roles,
        "form": form,
        "can_manage": can_manage,
        "history": team_history(initiative),
    }
    return render(request, "initiatives/team.html", context)


@require_POST
def role_remove(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug, MANAGE_TEAM)
    assignment = get_object_or_404(initiative.roles.select_related("user"), pk=pk)
    if assignment.user_id == request.user.pk and assignment.role == InitiativeRole.Role.PROGRAMME_MANAGER:
        messages.error(request, "You cannot remove yourself. Ask another programme manager.")
    else:
        services.role_remove(assignment=assignment, by=request.user)
        messages.success(request, f"{assignment.user} removed as {assignment.get_role_display().lower()}")
    return redirect("initiatives:team", slug=slug)
