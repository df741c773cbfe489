"""A ready pack's PDF as a download: the web's and the API's, served alike."""

from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404

from collab import audit
from governance.packs.models import GovernancePack
from governance.packs.storage import download_filename, private_path


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
