from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from collab.csv_export import csv_response
from collab.govuk_forms import posted
from collab.paging import paged
from collab.stale_edit import stale_edit_response
from collab.versions import StaleVersion
from governance.decisions import services
from governance.decisions import states as decision_states
from governance.decisions.changes.services import ChangesCannotApply
from governance.decisions.forms import (
    DecideForm,
    DecisionFilterForm,
    DecisionForm,
    EscalateForm,
    ResubmitForm,
    SupersedeForm,
)
from governance.decisions.notices import AlreadyResent, decision_email_resend
from governance.decisions.presenters import (
    DECISION_LOG_COLUMNS,
    decision_history,
    decision_log_rows,
    decision_page,
)
from governance.decisions.rules import (
    ADD_DECISION,
    CHANGE_DECISION,
    ESCALATE_DECISION,
    RESEND_DECISION_EMAIL,
    decide_allowed,
)
from governance.decisions.states import Action
from governance.forums.escalation import CannotEscalate, escalation_next_step, escalation_raise, sent_to
from initiatives.access import get_initiative_or_404


def _get_decision(request, slug, number, permission=None):
    """The decision, through the initiative the user may see (404 otherwise); 403 without `permission`."""
    initiative = get_initiative_or_404(request.user, slug)
    decision = get_object_or_404(
        initiative.decisions.select_related("initiative", "decider", "raci_row", "supersedes", "created_by"),
        number=number,
    )
    if permission and not request.user.has_perm(permission, decision):
        raise PermissionDenied
    return initiative, decision


def _filtered_log(request, initiative):
    filter_form = DecisionFilterForm(request.GET or None, initiative=initiative)
    return filter_form, filter_form.filter(initiative.decisions.select_related("decider")).order_by("-number")


@require_GET
def decisions(request, slug):
    initiative = get_initiative_or_404(request.user, slug)
    filter_form, log = _filtered_log(request, initiative)
    decisions = paged(log, request.GET)
    context = {
        "initiative": initiative,
        "decisions": decisions,
        "filter_form": filter_form,
        "export_query": decisions.query,
        "can_add": request.user.has_perm(ADD_DECISION, initiative),
    }
    return render(request, "governance/decisions/decisions.html", context)


@require_GET
def export(request, slug):
    """The log as the filters show it, as CSV; invalid filters export the whole current log, as the page
    lists it beside its error messages."""
    initiative = get_initiative_or_404(request.user, slug)
    _filter_form, log = _filtered_log(request, initiative)
    rows = decision_log_rows(log.select_related("created_by").prefetch_related("links"))
    return csv_response(f"{initiative.slug}-decision-log.csv", DECISION_LOG_COLUMNS, rows)


def decision_add(request, slug):
    initiative = get_initiative_or_404(request.user, slug, ADD_DECISION)
    form = DecisionForm(posted(request), initiative=initiative)
    if request.method == "POST" and form.is_valid():
        decision = services.decision_create(initiative=initiative, by=request.user, **form.as_fields())
        messages.success(request, f"{decision.reference} saved as a draft")
        return redirect("governance:decision", slug=slug, number=decision.number)
    context = {"initiative": initiative, "form": form, "back_url": _list_url(slug)}
    return render(request, "governance/decisions/decision_form.html", context)


def decision_detail(request, slug, number):
    initiative, decision = _get_decision(request, slug, number)
    services.decision_seen(decision=decision, by=request.user)
    context = {
        "initiative": initiative,
        "page": decision_page(decision, request.user),
        "history": decision_history(decision),
    }
    return render(request, "governance/decisions/decision.html", context)


def decision_edit(request, slug, number):
    initiative, decision = _get_decision(request, slug, number, CHANGE_DECISION)
    if not decision_states.is_editable(decision.status):
        messages.error(request, services.not_editable_message(decision))
        return redirect(decision)
    form = DecisionForm(posted(request), instance=decision, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        try:
            with form.versioned_save():
                services.decision_update(decision=decision, by=request.user, **form.as_fields())
        except StaleVersion as stale:
            return stale_edit_response(request, form, stale, noun="decision", back_url=_detail_url(decision))
        except services.DecisionChanged as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, f"{decision.reference} updated")
        return redirect("governance:decision", slug=slug, number=number)
    context = {
        "initiative": initiative,
        "form": form,
        "decision": decision,
        "back_url": _detail_url(decision),
    }
    return render(request, "governance/decisions/decision_form.html", context)


@require_POST
def decision_submit(request, slug, number):
    _initiative, decision = _get_decision(request, slug, number, CHANGE_DECISION)
    try:
        services.decision_submit(decision=decision, by=request.user)
    except (services.DecisionChanged, services.NoDecider) as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"{decision.reference} sent to {decision.decider} for a decision")
    return redirect("governance:decision", slug=slug, number=number)


@require_POST
def decision_resubmit(request, slug, number):
    initiative, decision = _get_decision(request, slug, number, CHANGE_DECISION)
    form = ResubmitForm(request.POST)
    if not form.is_valid():
        page = decision_page(decision, request.user, resubmit_form=form)
        return render(request, "governance/decisions/decision.html", {"page": page, "initiative": initiative})
    try:
        services.decision_resubmit(decision=decision, by=request.user, comment=form.cleaned_data["comment"])
    except (services.DecisionChanged, services.NoDecider) as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"{decision.reference} sent back to {decision.decider} for a decision")
    return redirect("governance:decision", slug=slug, number=number)


@require_POST
def decision_decide(request, slug, number):
    initiative, decision = _get_decision(request, slug, number)
    # Deciding belongs to the named decider alone, administrators included: see governance.rules.
    if not decide_allowed(request.user, decision):
        raise PermissionDenied
    form = DecideForm(request.POST)
    if not form.is_valid():
        page = decision_page(decision, request.user, decide_form=form)
        return render(request, "governance/decisions/decision.html", {"page": page, "initiative": initiative})
    action = Action(form.cleaned_data["outcome"])
    try:
        services.decision_decide(
            decision=decision,
            by=request.user,
            action=action,
            comment=form.cleaned_data["comment"],
            deferred_until=form.cleaned_data["deferred_until"],
        )
    except (services.DecisionChanged, services.NotTheDecider, ChangesCannotApply) as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"{decision.reference} {decision.get_status_display().lower()}")
    return redirect("governance:decision", slug=slug, number=number)


def decision_change(request, slug, number):
    initiative, decision = _get_decision(request, slug, number, CHANGE_DECISION)
    form = SupersedeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            new = services.decision_supersede(
                decision=decision, by=request.user, reason=form.cleaned_data["reason"]
            )
        except services.DecisionChanged as refusal:
            messages.error(request, str(refusal))
            return redirect("governance:decision", slug=slug, number=number)
        messages.success(
            request, f"{new.reference} drafted to replace {decision.reference}. Change it, then submit it"
        )
        return redirect("governance:decision_edit", slug=slug, number=new.number)
    context = {
        "initiative": initiative,
        "decision": decision,
        "form": form,
        "back_url": _detail_url(decision),
    }
    return render(request, "governance/decisions/change_form.html", context)


def decision_escalate(request, slug, number):
    initiative, decision = _get_decision(request, slug, number, ESCALATE_DECISION)
    try:
        step = escalation_next_step(initiative=initiative, item=decision)
    except CannotEscalate as refusal:
        messages.error(request, str(refusal))
        return redirect("governance:decision", slug=slug, number=number)
    form = EscalateForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            escalation = escalation_raise(
                initiative=initiative, decision=decision, reason=form.cleaned_data["reason"], by=request.user
            )
        except CannotEscalate as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, f"{decision.reference} escalated to {sent_to(escalation)}")
        return redirect("governance:decision", slug=slug, number=number)
    context = {
        "initiative": initiative,
        "decision": decision,
        "step": step,
        "form": form,
        "back_url": _detail_url(decision),
    }
    return render(request, "governance/decisions/escalate_form.html", context)


@require_POST
def decision_email_resend_view(request, slug, number, pk):
    _initiative, decision = _get_decision(request, slug, number, RESEND_DECISION_EMAIL)
    failure = get_object_or_404(decision.email_failures.select_related("recipient"), pk=pk)
    try:
        decision_email_resend(failure=failure, by=request.user)
    except AlreadyResent as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"Email to {failure.recipient.full_name} sent again")
    return redirect(decision)


def _list_url(slug: str) -> str:
    return reverse("governance:decisions", kwargs={"slug": slug})


def _detail_url(decision) -> str:
    return decision.get_absolute_url()
