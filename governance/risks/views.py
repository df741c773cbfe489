"""The shared risk register: list with heat map and filters, risk pages, controls and actions, escalation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from collab.confirm import Confirmation, Consequence, confirm_page, confirmed
from collab.csv_export import csv_response
from collab.paging import paged
from collab.refusals import refused_or_done
from collab.stale_edit import answers_stale_edits, saved_unless_stale
from governance.checklist import items as checklist
from governance.checklist.adoption import adopt_from_checklist
from governance.checklist.forms import ChecklistAdoptForm
from governance.forums.escalation import CannotEscalate, escalation_raise, sent_to
from governance.list_filters import download_filters
from governance.predicates import MANAGE_REGISTERS
from governance.risks import services
from governance.risks.forms import EscalateForm, RiskActionForm, RiskFilterForm, RiskForm
from governance.risks.presenters import risk_history, risk_page, risk_register
from governance.risks.rules import ADD_RISK, CHANGE_RISK, ESCALATE_RISK
from governance.spreadsheets import RISK_COLUMNS, risk_rows
from initiatives.access import get_initiative_or_404


def _risk(request, slug, pk, permission=None):
    initiative = get_initiative_or_404(request.user, slug)
    risks = initiative.risks.with_flags(today=timezone.localdate())
    risk = get_object_or_404(risks.select_related("owner_body", "owner", "escalation_level"), pk=pk)
    if permission and not request.user.has_perm(permission, risk):
        raise PermissionDenied
    if permission and risk.is_retired:
        # A closed risk is a record: it is restored from the closed view before anything changes.
        raise Http404("This risk is closed")
    return initiative, risk


def _register_url(slug):
    return reverse("governance:risk_register", kwargs={"slug": slug})


def register(request, slug):
    return _register_page(request, get_initiative_or_404(request.user, slug))


def _checklist_form(initiative, data=None) -> ChecklistAdoptForm | None:
    offered = checklist.offered_risks(initiative)
    return ChecklistAdoptForm(data, offered=offered, noun="risks", joint_labels=True) if offered else None


def _register_page(request, initiative, checklist_form=None):
    """The register; after a checklist form sent with nothing ticked, that form with its error."""
    filter_form = RiskFilterForm(request.GET or None, initiative=initiative)
    risks = filter_form.filter(initiative.risks.live())
    # The heat map and the flag counts sum up every risk matching the filters, in the database; the
    # table shows a page, the only risks read, and whose owners alone are read (after the page is cut,
    # not joined to every matching risk before).
    today = timezone.localdate()
    shown = paged(risks.with_flags(today=today), request.GET)
    prefetch_related_objects(shown.rows, "owner_body", "owner")
    register = risk_register(risks, shown.rows, today)
    can_manage = request.user.has_perm(MANAGE_REGISTERS, initiative)
    context = {
        "initiative": initiative,
        "register": register,
        "shown": shown,
        "filter_form": filter_form,
        "can_add": request.user.has_perm(ADD_RISK, initiative),
        "can_manage": can_manage,
        "checklist_form": checklist_form or (_checklist_form(initiative) if can_manage else None),
        "checklist_action": reverse("governance:risks_from_checklist", kwargs={"slug": initiative.slug}),
    }
    return render(request, "governance/risks/register.html", context)


def risk_create(request, slug):
    initiative = get_initiative_or_404(request.user, slug, ADD_RISK)
    manages_all = request.user.has_perm(MANAGE_REGISTERS, initiative)
    form = RiskForm(request.POST or None, initiative=initiative, user=request.user, manages_all=manages_all)
    if request.method == "POST" and form.is_valid():
        risk = services.risk_create(initiative=initiative, by=request.user, **form.as_fields())
        messages.success(request, f"Risk {risk.reference} added")
        return redirect("governance:risk_detail", slug=slug, pk=risk.pk)
    context = {"form": form, "initiative": initiative, "back_url": _register_url(slug)}
    return render(request, "governance/risks/risk_form.html", context)


def risk_detail(request, slug, pk):
    initiative, risk = _risk(request, slug, pk)
    context = {
        "initiative": initiative,
        "page": risk_page(risk),
        "history": risk_history(risk),
        "can_change": not risk.is_retired and request.user.has_perm(CHANGE_RISK, risk),
        "can_escalate": not risk.is_retired and request.user.has_perm(ESCALATE_RISK, risk),
    }
    return render(request, "governance/risks/risk_detail.html", context)


@answers_stale_edits
def risk_edit(request, slug, pk):
    initiative, risk = _risk(request, slug, pk, CHANGE_RISK)
    manages_all = request.user.has_perm(MANAGE_REGISTERS, initiative)
    form = RiskForm(
        request.POST or None, instance=risk, initiative=initiative, user=request.user, manages_all=manages_all
    )
    back_url = reverse("governance:risk_detail", kwargs={"slug": slug, "pk": pk})
    if request.method == "POST" and form.is_valid():
        typed_review_date = form.cleaned_data["review_date"]
        with saved_unless_stale(request, form, noun="risk", back_url=back_url):
            services.risk_update(risk=risk, by=request.user, **form.as_fields())
        review_date = risk.review_date
        moved = typed_review_date is not None and review_date and review_date != typed_review_date
        review = f": its next review comes forward to {review_date:%-d %B %Y}" if moved else ""
        messages.success(request, f"Risk {risk.reference} updated{review}")
        return redirect("governance:risk_detail", slug=slug, pk=risk.pk)
    context = {"form": form, "initiative": initiative, "risk": risk, "back_url": back_url}
    return render(request, "governance/risks/risk_form.html", context)


def risk_action_add(request, slug, pk):
    initiative, risk = _risk(request, slug, pk, CHANGE_RISK)
    form = RiskActionForm(request.POST or None, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        action = services.risk_action_add(risk=risk, by=request.user, **form.as_fields())
        messages.success(request, f"{action.get_kind_display()} added to {risk.reference}")
        return redirect("governance:risk_detail", slug=slug, pk=risk.pk)
    back_url = reverse("governance:risk_detail", kwargs={"slug": slug, "pk": pk})
    context = {"form": form, "initiative": initiative, "risk": risk, "back_url": back_url}
    return render(request, "governance/risks/action_form.html", context)


@require_POST
def risk_action_complete(request, slug, pk, action_pk):
    _initiative, risk = _risk(request, slug, pk, CHANGE_RISK)
    action = get_object_or_404(risk.actions, pk=action_pk)
    with refused_or_done(request, services.RiskActionNotOpen, done="Action marked as done"):
        services.risk_action_complete(action=action, by=request.user)
    return redirect("governance:risk_detail", slug=slug, pk=risk.pk)


def risk_action_remove(request, slug, pk, action_pk):
    initiative, risk = _risk(request, slug, pk, CHANGE_RISK)
    action = get_object_or_404(risk.actions.select_related("owner", "owner_body"), pk=action_pk)
    if not confirmed(request):
        owner = action.owner or action.owner_body or "no owner"
        due = f", due {action.due_date:%-d %B %Y}" if action.due_date else ""
        return confirm_page(
            request,
            Confirmation(
                caption=str(risk),
                initiative=initiative,
                title=f"Remove this {action.get_kind_display().lower()}",
                warning="It leaves the risk. If it was done, mark it done instead. Its history is kept.",
                button=f"Remove {action.get_kind_display().lower()}",
                back_url=reverse("governance:risk_detail", kwargs={"slug": slug, "pk": risk.pk}),
                consequences=[
                    Consequence(action.get_kind_display(), [f"{action.description} ({owner}{due})"])
                ],
            ),
        )
    services.risk_action_remove(action=action, by=request.user)
    messages.success(request, f"{action.get_kind_display()} removed")
    return redirect("governance:risk_detail", slug=slug, pk=risk.pk)


def escalate(request, slug, pk):
    initiative, risk = _risk(request, slug, pk, ESCALATE_RISK)
    form = EscalateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            escalation = escalation_raise(
                initiative=initiative, risk=risk, reason=form.cleaned_data["reason"], by=request.user
            )
        except CannotEscalate as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, f"{risk.reference} escalated to {sent_to(escalation)}")
        return redirect("governance:risk_detail", slug=slug, pk=risk.pk)
    back_url = reverse("governance:risk_detail", kwargs={"slug": slug, "pk": pk})
    context = {"form": form, "initiative": initiative, "page": risk_page(risk), "back_url": back_url}
    return render(request, "governance/risks/escalate.html", context)


@require_GET
def export(request, slug):
    initiative = get_initiative_or_404(request.user, slug)
    filter_form, back = download_filters(request, RiskFilterForm, initiative, _register_url(slug))
    if back:
        return back
    risks = filter_form.filter(initiative.risks.select_related("owner_body", "owner"))
    header = [column.header for column in RISK_COLUMNS]
    return csv_response(f"{initiative.slug}-risk-register.csv", header, risk_rows(risks))


@require_POST
def from_checklist(request, slug):
    initiative = get_initiative_or_404(request.user, slug, MANAGE_REGISTERS)
    return adopt_from_checklist(
        request,
        initiative,
        _checklist_form(initiative, request.POST),
        add=services.risks_add_from_checklist,
        added="{count} draft risks added from the checklist: assess and own each one",
        page=_register_page,
        list_url="governance:risk_register",
    )
