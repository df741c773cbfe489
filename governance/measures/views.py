"""Shared measures: the list with each latest position, measure pages with readings and a trend chart."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from collab.confirm import Confirmation, Consequence, confirm_page, confirmed
from collab.csv_export import csv_response
from collab.form_tokens import save_unique
from collab.paging import paged
from collab.stale_edit import answers_stale_edits, saved_unless_stale
from governance.checklist import items as checklist
from governance.checklist.adoption import adopt_from_checklist
from governance.checklist.forms import ChecklistAdoptForm
from governance.list_filters import download_filters
from governance.measures import services
from governance.measures.forms import MeasureFilterForm, MeasureForm, ReadingForm
from governance.measures.models import Measure, MeasureReading
from governance.measures.presenters import measure_history, measure_page, summarise
from governance.measures.rules import ADD_MEASURE, CHANGE_MEASURE
from governance.predicates import MANAGE_REGISTERS
from governance.spreadsheets import MEASURE_COLUMNS, measure_rows
from initiatives.access import get_initiative_or_404


def _measures_of(initiative, manager="objects"):
    return (
        getattr(Measure, manager)
        .filter(initiative=initiative)
        .select_related("owner_body", "investing_body")
        .prefetch_related(
            Prefetch("readings", queryset=MeasureReading.objects.order_by("taken_on")), "benefiting_bodies"
        )
    )


def _measure(request, slug, pk, permission=None, manager="objects"):
    initiative = get_initiative_or_404(request.user, slug)
    measure = get_object_or_404(_measures_of(initiative, manager), pk=pk)
    if permission and not request.user.has_perm(permission, measure):
        raise PermissionDenied
    return initiative, measure


def measure_list(request, slug):
    return _list_page(request, get_initiative_or_404(request.user, slug))


def _checklist_form(initiative, data=None) -> ChecklistAdoptForm | None:
    offered = checklist.offered_measures(initiative)
    return ChecklistAdoptForm(data, offered=offered, noun="measures") if offered else None


def _list_page(request, initiative, checklist_form=None):
    """The measures; after a checklist form sent with nothing ticked, that form with its error."""
    can_manage = request.user.has_perm(MANAGE_REGISTERS, initiative)
    filter_form = MeasureFilterForm(request.GET or None, initiative=initiative)
    measures = paged(filter_form.filter(_measures_of(initiative)), request.GET)
    context = {
        "initiative": initiative,
        "measures": measures,
        "summaries": [summarise(measure) for measure in measures.rows],
        "filter_form": filter_form,
        "can_add": request.user.has_perm(ADD_MEASURE, initiative),
        "can_manage": can_manage,
        "checklist_form": checklist_form or (_checklist_form(initiative) if can_manage else None),
        "checklist_action": reverse("governance:measures_from_checklist", kwargs={"slug": initiative.slug}),
    }
    return render(request, "governance/measures/list.html", context)


def measure_create(request, slug):
    initiative = get_initiative_or_404(request.user, slug, ADD_MEASURE)
    manages_all = request.user.has_perm(MANAGE_REGISTERS, initiative)
    form = MeasureForm(
        request.POST or None, initiative=initiative, user=request.user, manages_all=manages_all
    )
    if request.method == "POST" and form.is_valid():
        measure = save_unique(
            form,
            "name",
            lambda: services.measure_create(initiative=initiative, by=request.user, **form.as_fields()),
        )
        if measure is not None:
            messages.success(request, f"Measure “{measure.name}” added")
            return redirect("governance:measure_detail", slug=slug, pk=measure.pk)
    back_url = reverse("governance:measures", kwargs={"slug": slug})
    return render(
        request,
        "governance/measures/measure_form.html",
        {"form": form, "initiative": initiative, "back_url": back_url},
    )


def _render_measure(request, initiative, measure, reading_form):
    context = {
        "initiative": initiative,
        "page": measure_page(measure),
        "history": measure_history(measure),
        # A retired measure's page is its record: readable, not changed until it is restored.
        "can_change": not measure.is_retired and request.user.has_perm(CHANGE_MEASURE, measure),
        "reading_form": reading_form,
    }
    return render(request, "governance/measures/measure_detail.html", context)


def measure_detail(request, slug, pk):
    initiative, measure = _measure(request, slug, pk, manager="all_records")
    return _render_measure(request, initiative, measure, ReadingForm(measure=measure))


@answers_stale_edits
def measure_edit(request, slug, pk):
    initiative, measure = _measure(request, slug, pk, CHANGE_MEASURE)
    manages_all = request.user.has_perm(MANAGE_REGISTERS, initiative)
    form = MeasureForm(
        request.POST or None,
        instance=measure,
        initiative=initiative,
        user=request.user,
        manages_all=manages_all,
    )
    back_url = reverse("governance:measure_detail", kwargs={"slug": slug, "pk": pk})
    if request.method == "POST" and form.is_valid():
        with saved_unless_stale(request, form, noun="measure", back_url=back_url):
            saved = save_unique(
                form,
                "name",
                lambda: services.measure_update(measure=measure, by=request.user, **form.as_fields()),
            )
        if saved is not None:
            messages.success(request, f"Measure “{measure.name}” updated")
            return redirect("governance:measure_detail", slug=slug, pk=measure.pk)
    context = {"form": form, "initiative": initiative, "measure": measure, "back_url": back_url}
    return render(request, "governance/measures/measure_form.html", context)


@require_POST
def reading_add(request, slug, pk):
    initiative, measure = _measure(request, slug, pk, CHANGE_MEASURE)
    form = ReadingForm(request.POST, measure=measure)
    if not form.is_valid():
        return _render_measure(request, initiative, measure, form)
    try:
        services.reading_add(measure=measure, by=request.user, **form.as_fields())
    except services.DuplicateReading as refusal:
        form.add_error("taken_on", str(refusal))
        return _render_measure(request, initiative, measure, form)
    messages.success(request, "Reading added")
    return redirect("governance:measure_detail", slug=slug, pk=measure.pk)


def reading_remove(request, slug, pk, reading_pk):
    initiative, measure = _measure(request, slug, pk, CHANGE_MEASURE)
    reading = get_object_or_404(measure.readings, pk=reading_pk)
    if not confirmed(request):
        return confirm_page(
            request,
            Confirmation(
                caption=measure.name,
                initiative=initiative,
                title=f"Remove the reading for {reading.taken_on:%-d %B %Y}",
                warning="The reading leaves the measure, its chart and its standing. Its history is kept.",
                button="Remove reading",
                back_url=reverse("governance:measure_detail", kwargs={"slug": slug, "pk": measure.pk}),
                consequences=[
                    Consequence(
                        "The reading", [f"{reading.taken_on:%-d %B %Y}: {reading.value} {measure.unit}"]
                    )
                ],
            ),
        )
    services.reading_remove(reading=reading, by=request.user)
    messages.success(request, f"Reading for {reading.taken_on:%-d %B %Y} removed")
    return redirect("governance:measure_detail", slug=slug, pk=measure.pk)


@require_GET
def export(request, slug):
    initiative = get_initiative_or_404(request.user, slug)
    filter_form, back = download_filters(
        request, MeasureFilterForm, initiative, reverse("governance:measures", kwargs={"slug": slug})
    )
    if back:
        return back
    # Retired measures too, as the download always held them; the filters narrow it as they do the list.
    measures = filter_form.filter(_measures_of(initiative, "all_records"))
    header = [column.header for column in MEASURE_COLUMNS]
    return csv_response(f"{initiative.slug}-measures.csv", header, measure_rows(measures))


@require_POST
def from_checklist(request, slug):
    initiative = get_initiative_or_404(request.user, slug, MANAGE_REGISTERS)
    return adopt_from_checklist(
        request,
        initiative,
        _checklist_form(initiative, request.POST),
        add=services.measures_add_from_checklist,
        added="{count} draft measures added from the checklist: define each one",
        page=_list_page,
        list_url="governance:measures",
    )
