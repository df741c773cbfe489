"""Importing a register from a CSV file: upload, preview what it would change, confirm, watch it done."""

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from governance.predicates import MANAGE_REGISTERS
from governance.spreadsheets import pending, services
from governance.spreadsheets.columns import importable
from governance.spreadsheets.forms import ImportForm
from governance.spreadsheets.presenters import import_job_page, import_job_payload
from governance.spreadsheets.preview import CHANGED, NEW, UNCHANGED
from governance.spreadsheets.registers import REGISTERS
from initiatives.access import get_initiative_or_404

GONE = "This import was already confirmed, or it has expired: upload the file again to import it"


def _register(kind):
    if kind not in REGISTERS:
        raise Http404
    return REGISTERS[kind]


def _url(kind, page, slug, **kwargs):
    return reverse(f"governance:{kind}_{page}", kwargs={"slug": slug, **kwargs})


def import_upload(request, slug, kind):
    register = _register(kind)
    initiative = get_initiative_or_404(request.user, slug, MANAGE_REGISTERS)
    posted = request.method == "POST"
    form = ImportForm(
        request.POST if posted else None, request.FILES if posted else None, columns=register.columns
    )
    if posted and form.is_valid():
        errors = register.check(initiative, form.rows).errors
        if not errors:
            upload = pending.keep(request.session, kind=kind, initiative_id=initiative.pk, rows=form.rows)
            return redirect(_url(kind, "import_preview", slug, token=upload.token))
        form.reject_rows(errors)
    context = {
        "form": form,
        "initiative": initiative,
        "columns": importable(register.columns),
        "noun": register.noun,
        "back_url": reverse(register.list_url_name, kwargs={"slug": slug}),
        "export_url": _url(kind, "export", slug),
    }
    return render(request, "governance/spreadsheets/import.html", context)


@require_GET
def import_preview(request, slug, kind, token):
    register = _register(kind)
    initiative = get_initiative_or_404(request.user, slug, MANAGE_REGISTERS)
    upload = pending.find(request.session, token, kind=kind, initiative_id=initiative.pk)
    if upload is None:
        messages.error(request, GONE)
        return redirect(_url(kind, "import", slug))
    planned, errors = services.import_plan(register=register, initiative=initiative, rows=upload.rows)
    pending.previewed(request.session, upload, planned.digest)
    context = {
        "initiative": initiative,
        "noun": register.noun,
        "errors": errors,
        "new": planned.of(NEW),
        "changed": planned.of(CHANGED),
        "unchanged": planned.of(UNCHANGED),
        "not_in_file": planned.not_in_file,
        "confirm_url": _url(kind, "import_confirm", slug, token=token),
        "back_url": _url(kind, "import", slug),
    }
    return render(request, "governance/spreadsheets/preview.html", context)


@require_POST
def import_confirm(request, slug, kind, token):
    register = _register(kind)
    initiative = get_initiative_or_404(request.user, slug, MANAGE_REGISTERS)
    upload = pending.find(request.session, token, kind=kind, initiative_id=initiative.pk)
    if upload is None or not upload.digest:
        messages.error(request, GONE)
        return redirect(register.list_url_name, slug=slug)
    job = services.import_job_start(
        kind=kind, initiative=initiative, rows=upload.rows, previewed=upload.digest, by=request.user
    )
    pending.drop(request.session, upload)
    return redirect("governance:import_job", slug=slug, job_id=job.pk)


def import_job(request, slug, job_id):
    """A confirmed import's progress: its script asks import_job_status until the job is finished."""
    initiative = get_initiative_or_404(request.user, slug, MANAGE_REGISTERS)
    job = get_object_or_404(initiative.import_jobs.without_rows(), pk=job_id)
    context = {"initiative": initiative, "page": import_job_page(job)}
    return render(request, "governance/spreadsheets/job.html", context)


def import_job_status(request, slug, job_id):
    initiative = get_initiative_or_404(request.user, slug, MANAGE_REGISTERS)
    job = get_object_or_404(initiative.import_jobs.without_rows(), pk=job_id)
    response = JsonResponse(import_job_payload(import_job_page(job)))
    response["Cache-Control"] = "no-store"
    return response
