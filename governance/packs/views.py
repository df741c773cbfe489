from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from collab.paging import paged
from governance.packs import services
from governance.packs.downloads import pack_file_response
from governance.packs.forms import PackRequestForm
from governance.packs.models import GovernancePack
from governance.packs.presenters import pack_request_message, pack_status_payload, packs_page
from governance.packs.rules import REQUEST_GOVERNANCE_PACK, VIEW_GOVERNANCE_PACKS
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
