"""Asking for governance packs: a database row first, then a nudge to a worker (see jobs.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import SuspiciousFileOperation
from django.db import IntegrityError, transaction
from django.utils import timezone

from collab.queue import enqueue_on_commit
from governance.packs.content import content_fingerprint, gather_pack_content
from governance.packs.jobs import pack_fail
from governance.packs.models import GovernancePack
from governance.packs.rendering import RenderedPack, build_pack_pdf
from governance.packs.storage import private_path
from governance.packs.tasks import build_governance_pack
from initiatives.models import Initiative, User

Status = GovernancePack.Status


@dataclass
class PackRequest:
    pack: GovernancePack
    created: bool


@transaction.atomic
def pack_request(*, initiative: Initiative, by: User, annex: bool = False) -> PackRequest:
    """A new numbered version if the records changed; otherwise the pack that already says the same.
    `annex`: print the complete registers at the end too (they are always attached as CSV files)."""
    # One request at a time per initiative, so version numbers never collide (PostgreSQL;
    # SQLite serialises writers anyway, and the unique constraints below are the backstop).
    Initiative.objects.lock(initiative)
    content = gather_pack_content(initiative.pk, annex=annex)
    fingerprint = content_fingerprint(content)
    existing = _live_pack(initiative, fingerprint)
    if existing is not None and existing.status == Status.READY and not _file_exists(existing):
        # The file was lost (a wiped volume): record that, and build the same content again.
        pack_fail(
            pack_id=existing.pk, reason="The stored file went missing, so this content was built again."
        )
        existing = None
    if existing is not None:
        return PackRequest(existing, created=False)
    version = initiative.packs.highest_version() + 1
    try:
        with transaction.atomic():
            pack = GovernancePack.objects.create(
                initiative=initiative,
                version=version,
                status=Status.QUEUED,
                content_fingerprint=fingerprint,
                content=content,
                requested_by=by,
                enqueued_at=timezone.now(),
            )
    except IntegrityError:
        # Someone asked for the same content at the same moment: theirs is the pack.
        existing = _live_pack(initiative, fingerprint)
        if existing is None:
            raise
        return PackRequest(existing, created=False)
    enqueue_on_commit(build_governance_pack, pack.pk)
    return PackRequest(pack, created=True)


def _live_pack(initiative: Initiative, fingerprint: str) -> GovernancePack | None:
    return initiative.packs.live().without_content().filter(content_fingerprint=fingerprint).first()


def _file_exists(pack: GovernancePack) -> bool:
    try:
        return private_path(pack.file_path).is_file()
    except (OSError, SuspiciousFileOperation):
        return False


def pack_preview_version(initiative: Initiative, fingerprint: str) -> str:
    """The version label build_pack prints: the recorded pack with this content, or the next number."""
    existing = _live_pack(initiative, fingerprint)
    if existing is not None:
        return str(existing.version)
    return f"{initiative.packs.highest_version() + 1} (draft, not recorded)"


def pack_build_to_file(*, initiative: Initiative, output: Path, annex: bool = False) -> RenderedPack:
    """What `manage.py build_pack` runs: the same gathering and rendering as the worker, synchronously."""
    content = gather_pack_content(initiative.pk, annex=annex)
    fingerprint = content_fingerprint(content)
    rendered = build_pack_pdf(
        content,
        version_label=pack_preview_version(initiative, fingerprint),
        generated_at=timezone.now(),
        fingerprint=fingerprint,
    )
    output.write_bytes(rendered.pdf)
    return rendered
