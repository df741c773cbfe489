"""The page "What this decision changes": records linked to a draft, with the values approval gives them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from collab.confirm import Confirmation, confirm_page, confirmed
from collab.govuk_forms import posted
from governance.decisions.changes import services
from governance.decisions.changes.kinds import KINDS
from governance.decisions.changes.presenters import changes_editable, decision_about, kinds_offered
from governance.decisions.models import Decision
from governance.decisions.rules import CHANGE_DECISION
from initiatives.access import get_initiative_or_404


def _editable_decision(request, slug: str, number: int) -> Decision:
    """The decision, if the user may change it (404 if they cannot see it, 403 if they cannot change it)."""
    initiative = get_initiative_or_404(request.user, slug)
    decision = get_object_or_404(initiative.decisions.select_related("initiative"), number=number)
    if not request.user.has_perm(CHANGE_DECISION, decision):
        raise PermissionDenied
    return decision


def _changes_url(decision: Decision) -> str:
    return reverse("governance:decision_changes", args=[decision.initiative.slug, decision.number])


def decision_changes(request, slug, number):
    decision = _editable_decision(request, slug, number)
    context = {
        "initiative": decision.initiative,
        "decision": decision,
        "about": decision_about(decision),
        "editable": changes_editable(decision),
        "kinds": kinds_offered(),
    }
    return render(request, "governance/decisions/changes/changes.html", context)


def decision_link_add(request, slug, number, kind):
    decision = _editable_decision(request, slug, number)
    kind = KINDS.get(kind) or _not_found()
    initiative = decision.initiative
    if kind.is_the_initiative:
        form = kind.form(posted(request), record=initiative)
    else:
        form = kind.form(posted(request), records=kind.linkable(initiative), noun=kind.noun)
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_link_add(
                decision=decision, kind=kind, record=form.record, proposed=form.proposed(), by=request.user
            )
        except services.LinkRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, f"{decision.reference} is now about “{kind.name(form.record)}”")
        return redirect(_changes_url(decision))
    context = {
        "initiative": decision.initiative,
        "decision": decision,
        "kind": kind,
        "form": form,
        "back_url": _changes_url(decision),
    }
    return render(request, "governance/decisions/changes/link_form.html", context)


def decision_link_remove(request, slug, number, link_id):
    decision = _editable_decision(request, slug, number)
    link = get_object_or_404(decision.links, pk=link_id)
    kind = KINDS[link.kind]
    if not confirmed(request):
        return confirm_page(
            request,
            Confirmation(
                title=f"Take this {kind.noun} off {decision.reference}",
                caption=decision.title,
                initiative=decision.initiative,
                warning=f"{decision.reference} will no longer be about it, or change it once approved.",
                button="Take it off",
                back_url=_changes_url(decision),
                nothing_else=f"The {kind.noun} itself is not changed.",
            ),
        )
    try:
        services.decision_link_remove(link=link, by=request.user)
    except services.LinkRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"The {kind.noun} was taken off {decision.reference}")
    return redirect(_changes_url(decision))


def _not_found():
    raise Http404("No such kind of record")
