from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from collab.confirm import confirm_page, confirmed
from collab.paging import paged
from collab.refusals import refused_or_done
from collab.stale_edit import answers_stale_edits, saved_unless_stale
from initiatives import services
from initiatives.access import get_initiative_or_404
from initiatives.departures import BodyStillNeeded
from initiatives.forms import (
    BodyRemovalForm,
    InitiativeCreateForm,
    InitiativeEditForm,
    ParticipationAddForm,
    ParticipationEditForm,
    ProgrammeManagerForm,
)
from initiatives.models import InitiativeRole
from initiatives.presenters import (
    bodies_history,
    home_initiatives,
    initiative_overview,
    removal_confirmation,
    role_removal_confirmation,
    team_history,
)
from initiatives.rules import ADD_INITIATIVE, CHANGE_INITIATIVE, MANAGE_TEAM
from initiatives.your_work import work_of_kind, your_work


def home(request):
    return render(
        request,
        "initiatives/home.html",
        {
            "your_work": your_work(request.user),
            "initiatives": paged(home_initiatives(request.user), request.GET),
            "can_create": request.user.has_perm(ADD_INITIATIVE),
        },
    )


def your_work_kind(request, key):
    """All of one kind of the person's work, a page at a time: the home page shows the first few."""
    kind = work_of_kind(request.user, key)
    if kind is None:
        raise Http404("No such kind of work")
    context = {"kind": kind, "items": paged(kind.items, request.GET)}
    return render(request, "initiatives/your_work_kind.html", context)


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
    context = {"initiative": initiative, "overview": initiative_overview(initiative, request.user)}
    return render(request, "initiatives/overview.html", context)


@answers_stale_edits
def initiative_edit(request, slug):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_INITIATIVE)
    form = InitiativeEditForm(request.POST or None, instance=initiative)
    if request.method == "POST" and form.is_valid():
        with saved_unless_stale(request, form, noun="initiative", back_url=initiative.get_absolute_url()):
            services.initiative_update(initiative=initiative, by=request.user, **form.as_fields())
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
    context = {
        "initiative": initiative,
        "participations": paged(initiative.participations.in_role_order(), request.GET),
        "form": form,
        "can_edit": can_edit,
        "history": bodies_history(initiative),
    }
    return render(request, "initiatives/bodies.html", context)


@answers_stale_edits
def participation_edit(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_INITIATIVE)
    participation = get_object_or_404(initiative.participations.select_related("body"), pk=pk)
    form = ParticipationEditForm(request.POST or None, instance=participation)
    back_url = reverse("initiatives:bodies", kwargs={"slug": slug})
    if request.method == "POST" and form.is_valid():
        with saved_unless_stale(request, form, noun="participating body", back_url=back_url):
            services.participation_update(participation=participation, by=request.user, **form.as_fields())
        messages.success(request, f"{participation.body.name} updated")
        return redirect("initiatives:bodies", slug=slug)
    context = {"form": form, "initiative": initiative, "participation": participation, "back_url": back_url}
    return render(request, "initiatives/participation_form.html", context)


def participation_remove(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_INITIATIVE)
    participation = get_object_or_404(initiative.participations.select_related("body"), pk=pk)
    consequences = services.participation_consequences(participation=participation)
    hands_on = any(each.handed_on and each.items for each in consequences)
    form = BodyRemovalForm(request.POST if confirmed(request) else None, participation=participation)
    if confirmed(request) and (not hands_on or form.is_valid()):
        successor = form.cleaned_data["successor"] if hands_on else None
        with refused_or_done(request, BodyStillNeeded, done=f"{participation.body.name} removed"):
            services.participation_remove(participation=participation, by=request.user, successor=successor)
        return redirect("initiatives:bodies", slug=slug)
    return confirm_page(
        request, removal_confirmation(participation, consequences, form if hands_on else None)
    )


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
    roles = initiative.roles.select_related("user").order_by("role", "user__full_name", "pk")
    context = {
        "initiative": initiative,
        "roles": paged(roles, request.GET),
        "form": form,
        "can_manage": can_manage,
        "history": team_history(initiative),
    }
    return render(request, "initiatives/team.html", context)


def role_remove(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug, MANAGE_TEAM)
    assignment = get_object_or_404(initiative.roles.select_related("user"), pk=pk)
    if not confirmed(request):
        return confirm_page(request, role_removal_confirmation(assignment))
    if assignment.user_id == request.user.pk and assignment.role == InitiativeRole.Role.PROGRAMME_MANAGER:
        messages.error(request, "You cannot remove yourself. Ask another programme manager.")
    else:
        services.role_remove(assignment=assignment, by=request.user)
        messages.success(request, f"{assignment.user} removed as {assignment.get_role_display().lower()}")
    return redirect("initiatives:team", slug=slug)
