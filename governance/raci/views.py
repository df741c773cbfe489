from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from collab.confirm import Confirmation, confirm_page, confirmed
from collab.csv_export import csv_response
from collab.form_tokens import save_unique
from collab.govuk_forms import posted
from collab.refusals import refused_or_done
from collab.stale_edit import answers_stale_edits, saved_unless_stale
from governance.raci import services
from governance.raci.forms import RaciColumnForm, RaciMatrixForm, RaciRowForm, StarterRowsForm
from governance.raci.matrix import column_label, load_matrix
from governance.raci.presenters import (
    column_removal_consequences,
    raci_page,
    row_removal_consequences,
    saved_message,
    structure_history,
)
from governance.raci.rules import CHANGE_RACI
from governance.raci.slices import matrix_slice
from governance.raci.starter import starter_rows
from initiatives.access import get_initiative_or_404


def _matrix_url(slug: str) -> str:
    return reverse("governance:raci", kwargs={"slug": slug})


def _structure_url(slug: str) -> str:
    return reverse("governance:raci_structure", kwargs={"slug": slug})


def matrix(request, slug):
    initiative = get_initiative_or_404(request.user, slug)
    can_edit = request.user.has_perm(CHANGE_RACI, initiative)
    stored = load_matrix(initiative)
    # A large matrix is shown, and saved, a page of rows at a time (governance/raci/slices.py).
    shown = matrix_slice(stored.rows, columns=len(stored.columns), page=request.GET.get("page"))
    form = RaciMatrixForm(posted(request), matrix=stored, rows=shown.rows)
    result = None
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            result = services.raci_matrix_save_valid_rows(
                initiative=initiative,
                values=form.values(),
                by=request.user,
                read_at=form.read_at(),
                row_ids=form.row_ids,
            )
            messages.success(request, saved_message(result))
            if not result.refused_rows and not result.stale:
                return redirect(request.get_full_path())
            # The refused rows are shown with what was typed, beside the rows just saved.
            form.check = result.check
    page = raci_page(stored, form, can_edit=can_edit, result=result, shown=shown)
    history = structure_history(initiative)
    context = {"initiative": initiative, "page": page, "form": form, "history": history}
    # 409 Conflict, as the stale-edit page (collab/stale_edit.py), when someone else's change held rows back.
    status = 409 if result and result.stale else 200
    return render(request, "governance/raci/matrix.html", context, status=status)


def export_csv(request, slug):
    initiative = get_initiative_or_404(request.user, slug)
    stored = load_matrix(initiative)
    header = ["Activity or decision", "Kind", *(_csv_column(column) for column in stored.columns)]
    rows = [
        [row.activity, row.get_kind_display(), *(stored.value(row, column) for column in stored.columns)]
        for row in stored.rows
    ]
    return csv_response(f"{initiative.slug}-raci.csv", header, rows)


def _csv_column(column) -> str:
    return f"{column_label(column)} ({column.holder})" if column.holder else column_label(column)


def structure(request, slug):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_RACI)
    stored = load_matrix(initiative)
    missing_bodies = initiative.participations.exclude(body__in=[c.body for c in stored.columns])
    context = {
        "initiative": initiative,
        "rows": stored.rows,
        "columns": [(column, column_label(column)) for column in stored.columns],
        "missing_bodies": [p.body for p in missing_bodies.select_related("body")],
        "offered": starter_rows(initiative.operating_model, existing=[r.activity for r in stored.rows]),
        "back_url": _matrix_url(slug),
    }
    return render(request, "governance/raci/structure.html", context)


@answers_stale_edits
def row_form(request, slug, pk=None):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_RACI)
    row = get_object_or_404(initiative.raci_rows, pk=pk) if pk else None
    form = RaciRowForm(posted(request), instance=row, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        if row:
            edited = row
            with saved_unless_stale(request, form, noun="RACI row", back_url=_structure_url(slug)):
                saved = save_unique(
                    form,
                    "activity",
                    lambda: services.raci_row_update(row=edited, by=request.user, **form.as_fields()),
                )
            message = "Row renamed to “{}”"
        else:
            saved = save_unique(
                form,
                "activity",
                lambda: services.raci_row_add(initiative=initiative, by=request.user, **form.as_fields()),
            )
            message = "Row “{}” added. Choose its A and R in the matrix"
        if saved is not None:
            messages.success(request, message.format(saved.activity))
            return redirect("governance:raci_structure", slug=slug)
    context = {"initiative": initiative, "form": form, "row": row, "back_url": _structure_url(slug)}
    return render(request, "governance/raci/row_form.html", context)


def starter(request, slug):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_RACI)
    existing = list(initiative.raci_rows.values_list("activity", flat=True))
    form = StarterRowsForm(
        posted(request), offered=starter_rows(initiative.operating_model, existing=existing)
    )
    if request.method == "POST" and form.is_valid():
        added = services.raci_rows_add_starter(initiative=initiative, rows=form.chosen(), by=request.user)
        messages.success(request, f"{len(added)} rows added. Choose an A and at least one R for each")
        return redirect("governance:raci", slug=slug)
    context = {"initiative": initiative, "form": form, "back_url": _structure_url(slug)}
    return render(request, "governance/raci/starter.html", context)


@require_POST
def row_move(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_RACI)
    row = get_object_or_404(initiative.raci_rows, pk=pk)
    services.raci_row_move(row=row, direction=request.POST.get("direction", ""), by=request.user)
    return redirect(f"{_structure_url(slug)}#rows")


def row_remove(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_RACI)
    row = get_object_or_404(initiative.raci_rows, pk=pk)
    if not confirmed(request):
        return confirm_page(
            request,
            Confirmation(
                caption=initiative.title,
                initiative=initiative,
                title=f"Remove the row “{row.activity}”",
                warning="The row and its letters are removed from the RACI matrix. Its history is kept.",
                button="Remove row",
                back_url=_structure_url(slug),
                consequences=row_removal_consequences(row),
            ),
        )
    services.raci_row_remove(row=row, by=request.user)
    messages.success(request, f"Row “{row.activity}” removed")
    return redirect("governance:raci_structure", slug=slug)


@answers_stale_edits
def column_form(request, slug, pk=None):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_RACI)
    column = get_object_or_404(initiative.raci_columns.select_related("body"), pk=pk) if pk else None
    form = RaciColumnForm(posted(request), instance=column, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if column:
            edited = column
            with saved_unless_stale(request, form, noun="RACI column", back_url=_structure_url(slug)):
                saved = save_unique(
                    form,
                    "role_name",
                    lambda: services.raci_column_update(
                        column=edited,
                        role_name=data["role_name"],
                        holder=data["holder"],
                        by=request.user,
                        change_reason=data.get("change_reason", ""),
                    ),
                )
            verb = "updated"
        else:
            saved = save_unique(
                form,
                "role_name",
                lambda: services.raci_column_add(initiative=initiative, by=request.user, **form.as_fields()),
            )
            verb = "added"
        if saved is not None:
            messages.success(request, f"Column “{column_label(saved)}” {verb}")
            return redirect("governance:raci_structure", slug=slug)
    context = {"initiative": initiative, "form": form, "column": column, "back_url": _structure_url(slug)}
    return render(request, "governance/raci/column_form.html", context)


@require_POST
def columns_from_bodies(request, slug):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_RACI)
    added = services.raci_columns_from_bodies(initiative=initiative, by=request.user)
    messages.success(request, f"{len(added)} columns added, one for each body taking part")
    return redirect("governance:raci_structure", slug=slug)


@require_POST
def column_move(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_RACI)
    column = get_object_or_404(initiative.raci_columns, pk=pk)
    services.raci_column_move(column=column, direction=request.POST.get("direction", ""), by=request.user)
    return redirect(f"{_structure_url(slug)}#columns")


def column_remove(request, slug, pk):
    initiative = get_initiative_or_404(request.user, slug, CHANGE_RACI)
    column = get_object_or_404(initiative.raci_columns.select_related("body"), pk=pk)
    if not confirmed(request):
        return confirm_page(
            request,
            Confirmation(
                caption=initiative.title,
                initiative=initiative,
                title=f"Remove the column “{column_label(column)}”",
                warning="The column and its letters are removed from the RACI matrix. Its history is kept.",
                button="Remove column",
                back_url=_structure_url(slug),
                consequences=column_removal_consequences(column),
            ),
        )
    removed = f"Column “{column_label(column)}” removed"
    with refused_or_done(request, services.RaciColumnsStillNeeded, done=removed):
        services.raci_column_remove(column=column, by=request.user)
    return redirect("governance:raci_structure", slug=slug)
