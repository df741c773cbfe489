"""The shared glossary of data definitions, and data sharing agreement records."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from collab.csv_export import csv_response
from collab.form_tokens import save_unique
from collab.paging import CARDS_PER_PAGE, paged
from collab.stale_edit import answers_stale_edits, saved_unless_stale
from governance.checklist import items as checklist
from governance.checklist.adoption import adopt_from_checklist
from governance.checklist.forms import ChecklistAdoptForm
from governance.glossary import services
from governance.glossary.forms import AgreementForm, DefinitionForm, GlossaryFilterForm
from governance.glossary.presenters import (
    agreements_history,
    data_sharing,
    glossary,
    glossary_history,
    glossary_of,
    glossary_rows,
)
from governance.glossary.rules import ADD_DEFINITION, CHANGE_DEFINITION, RECORD_BODY_MEANING
from governance.list_filters import download_filters
from governance.predicates import MANAGE_REGISTERS
from initiatives.access import get_initiative_or_404
from initiatives.models import Body

# A term is a card with a row per body taking part (a dozen or more): fewer to a page than a table's rows.
TERMS_PER_PAGE = 10


def glossary_page(request, slug):
    return _glossary_page(request, get_initiative_or_404(request.user, slug))


def _checklist_form(initiative, data=None) -> ChecklistAdoptForm | None:
    offered = checklist.offered_terms(initiative)
    return ChecklistAdoptForm(data, offered=offered, noun="terms") if offered else None


def _glossary_page(request, initiative, checklist_form=None):
    """The glossary; after a checklist form sent with nothing ticked, that form with its error."""
    can_manage = request.user.has_perm(MANAGE_REGISTERS, initiative)
    filter_form = GlossaryFilterForm(request.GET or None, initiative=initiative)
    terms = glossary(initiative, list(Body.objects.taking_part_in(initiative)), filter_form.keeps)
    definitions = [entry.definition for entry in terms.entries]
    shown = paged(terms.entries, request.GET, per_page=TERMS_PER_PAGE)
    context = {
        "initiative": initiative,
        "glossary": terms,
        "shown": shown,
        "on_page": glossary_of(shown.rows),
        "filter_form": filter_form,
        "history": glossary_history(initiative),
        "sharing": data_sharing(initiative),
        "can_add": request.user.has_perm(ADD_DEFINITION, initiative),
        # Every participant may record their own bodies' meanings of any term (RECORD_BODY_MEANING);
        # checked once for the page rather than once per term.
        "can_record_meanings": request.user.has_perm(RECORD_BODY_MEANING, definitions[0])
        if definitions
        else False,
        "can_manage": can_manage,
        "checklist_form": checklist_form or (_checklist_form(initiative) if can_manage else None),
        "checklist_action": reverse(
            "governance:definitions_from_checklist", kwargs={"slug": initiative.slug}
        ),
    }
    return render(request, "governance/glossary/glossary.html", context)


@require_GET
def export(request, slug):
    initiative = get_initiative_or_404(request.user, slug)
    filter_form, back = download_filters(request, GlossaryFilterForm, initiative, _glossary_url(slug))
    if back:
        return back
    bodies = list(Body.objects.taking_part_in(initiative))
    header, rows = glossary_rows(glossary(initiative, bodies, filter_form.keeps), bodies)
    return csv_response(f"{initiative.slug}-glossary.csv", header, rows)


def _glossary_url(slug):
    return reverse("governance:glossary", kwargs={"slug": slug})


def _sharing_url(slug):
    return reverse("governance:data_sharing", kwargs={"slug": slug})


def definition_create(request, slug):
    initiative = get_initiative_or_404(request.user, slug, ADD_DEFINITION)
    form = DefinitionForm(
        request.POST or None, initiative=initiative, bodies=Body.objects.taking_part_in(initiative)
    )
    if request.method == "POST" and form.is_valid():
        try:
            definition = save_unique(
                form,
                "term",
                lambda: services.definition_create(
                    initiative=initiative, by=request.user, meanings=form.meanings, **form.as_fields()
                ),
            )
        except services.CannotAgree as refusal:
            form.add_error("agreed_meaning", str(refusal))
        else:
            if definition is not None:
                messages.success(request, f"“{definition.term}” added to the glossary")
                return redirect("governance:glossary", slug=slug)
    context = {"form": form, "initiative": initiative, "back_url": _glossary_url(slug)}
    return render(request, "governance/glossary/definition_form.html", context)


@answers_stale_edits
def definition_edit(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug)
    definition = get_object_or_404(initiative.data_definitions, pk=pk)
    bodies = Body.objects.taking_part_in(initiative)
    if request.user.has_perm(CHANGE_DEFINITION, definition):
        term_fields = True
    elif request.user.has_perm(RECORD_BODY_MEANING, definition):
        # Members of other bodies record only what the term means in their own bodies.
        bodies, term_fields = bodies.with_member(request.user), False
    else:
        raise PermissionDenied
    form = DefinitionForm(
        request.POST or None,
        instance=definition,
        initiative=initiative,
        bodies=bodies,
        term_fields=term_fields,
    )
    if request.method == "POST" and form.is_valid():
        try:
            with saved_unless_stale(request, form, noun="term", back_url=_glossary_url(slug)):
                saved = save_unique(
                    form,
                    "term",
                    lambda: services.definition_update(
                        definition=definition, by=request.user, meanings=form.meanings, **form.as_fields()
                    ),
                )
        except services.CannotAgree as refusal:
            form.add_error("agreed_meaning", str(refusal))
        else:
            if saved is not None:
                messages.success(request, f"“{definition.term}” updated")
                return redirect("governance:glossary", slug=slug)
    context = {
        "form": form,
        "initiative": initiative,
        "definition": definition,
        "back_url": _glossary_url(slug),
    }
    return render(request, "governance/glossary/definition_form.html", context)


@require_POST
def from_checklist(request, slug):
    initiative = get_initiative_or_404(request.user, slug, MANAGE_REGISTERS)
    return adopt_from_checklist(
        request,
        initiative,
        _checklist_form(initiative, request.POST),
        add=services.definitions_add_from_checklist,
        added="{count} terms added from the checklist: record what each body means",
        page=_glossary_page,
        list_url="governance:glossary",
    )


def data_sharing_page(request, slug):
    initiative = get_initiative_or_404(request.user, slug)
    sharing = data_sharing(initiative)
    context = {
        "initiative": initiative,
        "sharing": sharing,
        "agreements": paged(sharing.agreements, request.GET, per_page=CARDS_PER_PAGE),
        "history": agreements_history(initiative),
        "can_manage": request.user.has_perm(MANAGE_REGISTERS, initiative),
    }
    return render(request, "governance/glossary/data_sharing.html", context)


def agreement_create(request, slug):
    initiative = get_initiative_or_404(request.user, slug, MANAGE_REGISTERS)
    form = AgreementForm(request.POST or None, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        agreement = services.agreement_create(initiative=initiative, by=request.user, **form.as_fields())
        messages.success(request, f"Data sharing agreement “{agreement.title}” recorded")
        return redirect("governance:data_sharing", slug=slug)
    context = {"form": form, "initiative": initiative, "back_url": _sharing_url(slug)}
    return render(request, "governance/glossary/agreement_form.html", context)


@answers_stale_edits
def agreement_edit(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug, MANAGE_REGISTERS)
    agreement = get_object_or_404(initiative.data_sharing_agreements, pk=pk)
    form = AgreementForm(request.POST or None, instance=agreement, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        with saved_unless_stale(request, form, noun="data sharing agreement", back_url=_sharing_url(slug)):
            services.agreement_update(agreement=agreement, by=request.user, **form.as_fields())
        messages.success(request, f"Data sharing agreement “{agreement.title}” updated")
        return redirect("governance:data_sharing", slug=slug)
    context = {"form": form, "initiative": initiative, "agreement": agreement, "back_url": _sharing_url(slug)}
    return render(request, "governance/glossary/agreement_form.html", context)
