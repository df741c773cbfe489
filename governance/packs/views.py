from django.contrib import messages
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from collab import audit
from collab.paging import paged
from governance.packs import services
from governance.packs.forms import PackRequestForm
from governance.packs.models import GovernancePack
from governance.packs.presenters import pack_request_message, pack_status_payload, packs_page
from governance.packs.rules import REQUEST_GOVERNANCE_PACK, VIEW_GOVERNANCE_PACKS
from governance.packs.storage import download_filename, private_path
from initiatives.access import get_initiative_or_404


def packs(request, slug):
    initiative = get_initiative_or_404(request.user, slug, VIEW_GOVERNANCE_PACKS)
    page = packs_page(initiative, request.user)
    context = {
        "initiative": initiative,
        "page": page,
        "versions": paged(page.packs, request.GET),
        "form": PackRequestForm(),
    }
    return render(request, "governance/packs/packs.html", context)


@require_POST
def pack_request(request, slug):
    initiative = get_initiative_or_404(request.user, slug, REQUEST_GOVERNANCE_PACK)
    form = PackRequestForm(request.POST)
    form.is_valid()  # a single optional checkbox: any answer is a valid one
    outcome = services.pack_request(initiative=initiative, by=request.user, annex=form.cleaned_data["annex"])
    messages.success(request, pack_request_message(outcome))
    return redirect("governance:packs", slug=slug)


def pack_status(request, slug, version):
    """A small JSON answer for the page's script, which polls it until the pack is ready."""
    initiative = get_initiative_or_404(request.user, slug, VIEW_GOVERNANCE_PACKS)
    pack = get_object_or_404(initiative.packs.without_content(), version=version)
    download_url = reverse("governance:pack_download", kwargs={"slug": slug, "version": version})
    response = JsonResponse(pack_status_payload(pack, download_url))
    response["Cache-Control"] = "no-store"
    return response


def pack_download(request, slug, version):
    initiative = get_initiative_or_404(request.user, slug, VIEW_GOVERNANCE_PACKS)
    pack = get_object_or_404(
        initiative.packs.without_content(), version=version, status=GovernancePack.Status.READY
    )
    return pack_file_response(pack, by=request.user)


def pack_file_response(pack: GovernancePack, *, by) -> FileResponse:
    """A ready pack's PDF as a download, recorded in the audit log; 404 when its file is missing. The
    web's download and the API's serve it alike."""
    initiative = pack.initiative
    try:
        # The stored path is written by the worker, never by a user; still, refuse anything outside the root.
        handle = private_path(pack.file_path).open("rb")
    except (SuspiciousFileOperation, FileNotFoundError, IsADirectoryError):
        raise Http404("The file of this pack is missing") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=download_filename(slug=initiative.slug, version=pack.version),
        content_type="application/pdf",
    )
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    audit.record("pack_downloaded", user_id=by.pk, initiative_id=initiative.pk, version=pack.version)
    return response
