from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from collab.confirm import Confirmation, confirm_page, confirmed
from collab.govuk_forms import posted
from collab.paging import CARDS_PER_PAGE, paged
from collab.refusals import refused_or_done
from collab.stale_edit import answers_stale_edits, saved_unless_stale
from governance.forums import services
from governance.forums.forms import EscalationLevelForm, ForumForm
from governance.forums.presenters import (
    escalation_history,
    forums_history,
    level_removal_consequences,
    too_many_forums,
)
from governance.forums.rules import CHANGE_FORUMS
from initiatives.access import get_initiative_or_404


def _forums_url(slug: str) -> str:
    return reverse("governance:forums", kwargs={"slug": slug})


def _escalation_url(slug: str) -> str:
    return reverse("governance:escalation", kwargs={"slug": slug})


def forums(request, slug):
    initiative = get_initiative_or_404(request.user, slug)
    listed = (
        initiative.forums.select_related("chair")
        .prefetch_related("member_bodies")
        .order_by("purpose", "name", "pk")
    )
    context = {
        "initiative": initiative,
        "forums": paged(listed, request.GET, per_page=CARDS_PER_PAGE),
        "crowded": too_many_forums(list(initiative.forums.all())),
        "history": forums_history(initiative),
        "can_edit": request.user.has_perm(CHANGE_FORUMS, initiative),
    }
    return render(request, "governance/forums/forums.html", context)


@answers_stale_edits
def forum_form(request, slug, pk=None):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_FORUMS)
    forum = get_object_or_404(initiative.forums, pk=pk) if pk else None
    form = ForumForm(posted(request), instance=forum, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        if forum:
            with saved_unless_stale(request, form, noun="forum", back_url=_forums_url(slug)):
                services.forum_update(forum=forum, by=request.user, **form.as_fields())
            messages.success(request, f"{forum.name} updated")
        else:
            forum = services.forum_create(initiative=initiative, by=request.user, **form.as_fields())
            messages.success(request, f"{forum.name} added")
        return redirect("governance:forums", slug=slug)
    context = {"initiative": initiative, "form": form, "forum": forum, "back_url": _forums_url(slug)}
    return render(request, "governance/forums/forum_form.html", context)


def escalation(request, slug):
    initiative = get_initiative_or_404(request.user, slug)
    context = {
        "initiative": initiative,
        "levels": list(initiative.escalation_levels.up_the_route().select_related("forum")),
        "history": escalation_history(initiative),
        "can_edit": request.user.has_perm(CHANGE_FORUMS, initiative),
    }
    return render(request, "governance/forums/escalation.html", context)


@answers_stale_edits
def level_form(request, slug, pk=None):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_FORUMS)
    level = get_object_or_404(initiative.escalation_levels, pk=pk) if pk else None
    form = EscalationLevelForm(posted(request), instance=level, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        if level:
            with saved_unless_stale(request, form, noun="escalation level", back_url=_escalation_url(slug)):
                services.escalation_level_update(level=level, by=request.user, **form.as_fields())
            messages.success(request, f"Level {level.level} updated")
        else:
            level = services.escalation_level_add(initiative=initiative, by=request.user, **form.as_fields())
            messages.success(request, f"Level {level.level}: {level.name} added")
        return redirect("governance:escalation", slug=slug)
    context = {"initiative": initiative, "form": form, "level": level, "back_url": _escalation_url(slug)}
    return render(request, "governance/forums/level_form.html", context)


@require_POST
def level_move(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_FORUMS)
    level = get_object_or_404(initiative.escalation_levels, pk=pk)
    services.escalation_level_move(level=level, direction=request.POST.get("direction", ""), by=request.user)
    return redirect("governance:escalation", slug=slug)


def level_remove(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_FORUMS)
    level = get_object_or_404(initiative.escalation_levels, pk=pk)
    if not confirmed(request):
        return confirm_page(
            request,
            Confirmation(
                caption=initiative.title,
                initiative=initiative,
                title=f"Remove {level} from the escalation route",
                warning="The level leaves the route; the levels above move down one. Its history is kept.",
                button="Remove level",
                back_url=_escalation_url(slug),
                consequences=level_removal_consequences(level),
            ),
        )
    removed = f"{level.name} removed from the escalation route"
    with refused_or_done(request, services.LevelInUse, done=removed):
        services.escalation_level_remove(level=level, by=request.user)
    return redirect("governance:escalation", slug=slug)
