"""Pack jobs: asked for in a request, built by a worker, found again by the reconciler.

The database row is the record of the job; a broker message is only a nudge to a worker.
States: queued -> building -> ready, or -> failed with a reason. A worker claims a pack with a
conditional UPDATE (queued -> building, counting the attempt), so two workers never build the
same pack; the attempt number is the claim's token, so a worker whose claim was taken over
cannot mark the pack afterwards.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import F, Max, Q
from django.utils import timezone

from collab.queue import enqueue_on_commit
from governance.models import GovernancePack
from governance.packs.content import content_fingerprint, gather_pack_content
from governance.packs.deadline import soft_deadline
from governance.packs.rendering import RenderedPack, build_pack_pdf
from governance.packs.storage import pack_relative_path, private_path, write_atomically
from initiatives.models import Initiative, User

logger = logging.getLogger(__name__)

Status = GovernancePack.Status


def _build_task():
    from governance.tasks import build_governance_pack

    return build_governance_pack


@dataclass
class PackRequest:
    pack: GovernancePack
    created: bool


@transaction.atomic
def pack_request(*, initiative: Initiative, requested_by: User) -> PackRequest:
    """A new numbered version if the records changed; otherwise the pack that already says the same."""
    # One request at a time per initiative, so version numbers never collide (PostgreSQL;
    # SQLite serialises writers anyway, and the unique constraints below are the backstop).
    Initiative.objects.select_for_update().filter(pk=initiative.pk).first()
    content = gather_pack_content(initiative.pk)
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
    version = (
        GovernancePack.objects.filter(initiative=initiative).aggregate(top=Max("version"))["top"] or 0
    ) + 1
    try:
        with transaction.atomic():
            pack = GovernancePack.objects.create(
                initiative=initiative,
                version=version,
                status=Status.QUEUED,
                content_fingerprint=fingerprint,
                content=content,
                requested_by=requested_by,
                enqueued_at=timezone.now(),
            )
    except IntegrityError:
        # Someone asked for the same content at the same moment: theirs is the pack.
        existing = _live_pack(initiative, fingerprint)
        if existing is None:
            raise
        return PackRequest(existing, created=False)
    enqueue_on_commit(_build_task(), pack.pk)
    return PackRequest(pack, created=True)


def _live_pack(initiative: Initiative, fingerprint: str) -> GovernancePack | None:
    return (
        GovernancePack.objects.filter(
            initiative=initiative, content_fingerprint=fingerprint, status__in=GovernancePack.LIVE_STATUSES
        )
        .defer("content")
        .first()
    )


def _file_exists(pack: GovernancePack) -> bool:
    try:
        return private_path(pack.file_path).is_file()
    except (OSError, SuspiciousFileOperation):
        return False


def pack_claim(*, pack_id: int, task_id: str | None = None) -> GovernancePack | None:
    """Take the pack for this worker: queued, or building so long that its worker must be gone.

    Or building under this very task id: with acks_late the broker delivers a message again only
    when its earlier run died (a pool child killed, requeued by reject_on_worker_lost) or after the
    visibility timeout, twice the hard time limit; a retry keeps the id too, but starts after the
    earlier run ended. Either way nobody is still building it, so there is no need to wait out
    the time limit.
    """
    now = timezone.now()
    abandoned = now - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    claimable = Q(status=Status.QUEUED) | Q(status=Status.BUILDING, started_at__lt=abandoned)
    if task_id:
        claimable |= Q(status=Status.BUILDING, claimed_by_task=task_id)
    claimed = (
        GovernancePack.objects.filter(pk=pack_id)
        .filter(claimable)
        .update(
            status=Status.BUILDING,
            started_at=now,
            attempts=F("attempts") + 1,
            failure_reason="",
            claimed_by_task=task_id or "",
        )
    )
    if not claimed:
        return None
    return GovernancePack.objects.select_related("initiative").get(pk=pack_id)


def pack_build(*, pack: GovernancePack) -> GovernancePack:
    """Render the stored content, write the file, mark the pack ready. The caller holds the claim."""
    with soft_deadline(settings.CELERY_TASK_SOFT_TIME_LIMIT):
        rendered = build_pack_pdf(
            pack.content,
            version_label=str(pack.version),
            generated_at=pack.started_at,
            fingerprint=pack.content_fingerprint,
        )
    relative = pack_relative_path(initiative_id=pack.initiative_id, pack_id=pack.pk, version=pack.version)
    write_atomically(relative, rendered.pdf)
    _finish(pack, rendered, relative)
    logger.info(
        "Built governance pack %s v%s: %s pages, %s bytes",
        pack.pk,
        pack.version,
        rendered.page_count,
        len(rendered.pdf),
    )
    return pack


def _finish(pack: GovernancePack, rendered: RenderedPack, relative: str) -> None:
    updated = GovernancePack.objects.filter(
        pk=pack.pk, status=Status.BUILDING, attempts=pack.attempts
    ).update(
        status=Status.READY,
        file_path=relative,
        file_size=len(rendered.pdf),
        page_count=rendered.page_count,
        finished_at=timezone.now(),
    )
    if updated:
        pack.status, pack.file_path = Status.READY, relative
    else:
        # Another attempt took the pack over; it writes the same file under the same name.
        logger.warning("Governance pack %s was taken over before attempt %s finished", pack.pk, pack.attempts)


def pack_release(*, pack: GovernancePack, retry_in: float) -> None:
    """Put a pack back in the queue after a transient failure; the task's retry will claim it again."""
    GovernancePack.objects.filter(pk=pack.pk, status=Status.BUILDING, attempts=pack.attempts).update(
        status=Status.QUEUED, enqueued_at=timezone.now() + datetime.timedelta(seconds=retry_in)
    )


def pack_fail(*, pack_id: int, reason: str, attempt: int | None = None) -> None:
    packs = GovernancePack.objects.filter(pk=pack_id).exclude(status=Status.FAILED)
    if attempt is not None:
        packs = packs.filter(attempts=attempt)
    packs.update(status=Status.FAILED, failure_reason=reason, finished_at=timezone.now())
    logger.warning("Governance pack %s failed: %s", pack_id, reason)


# Failures worth another try: the database or the file store was briefly unavailable.
TRANSIENT_ERRORS = (OperationalError, OSError)


@dataclass
class JobOutcome:
    result: str  # built, not_claimed, retry or failed
    retry_in: float | None = None


def pack_job_run(*, pack_id: int, retries: int, task_id: str | None = None) -> JobOutcome:
    """One run of the build task: claim, build, and decide what a failure means.

    `task_id` is the Celery task's own id, so a redelivery of a message whose run died can
    claim the pack at once; called without a task (tests, scripts) it is None.

    A transient failure puts the pack back in the queue and asks for a retry with backoff,
    until PACK_MAX_ATTEMPTS; then, or on a time limit or any other error, the pack fails with
    a reason its readers can act on.
    """
    pack = None
    try:
        pack = pack_claim(pack_id=pack_id, task_id=task_id)
        if pack is None:
            return JobOutcome("not_claimed")
        pack_build(pack=pack)
        return JobOutcome("built")
    except SoftTimeLimitExceeded:
        reason = (
            f"Building the pack took longer than {settings.CELERY_TASK_SOFT_TIME_LIMIT} seconds, so it was "
            "stopped. Ask for it again; if that fails too, tell the service team."
        )
    except TRANSIENT_ERRORS as error:
        attempts = pack.attempts if pack else retries + 1
        if attempts < settings.PACK_MAX_ATTEMPTS:
            delay = retry_delay(retries)
            if pack is not None:
                pack_release(pack=pack, retry_in=delay)
            logger.warning("Governance pack %s: %s; retrying in %ss", pack_id, error, delay)
            return JobOutcome("retry", retry_in=delay)
        reason = (
            f"The pack could not be built after {attempts} attempts because the database or the file store "
            f"was unavailable ({type(error).__name__}). Ask for it again."
        )
    except Exception:
        logger.exception("Governance pack %s failed", pack_id)
        reason = (
            "An unexpected error stopped the build and has been logged for the service team. Ask again later."
        )
    pack_fail(pack_id=pack_id, reason=reason, attempt=pack.attempts if pack else None)
    return JobOutcome("failed")


def retry_delay(retries: int) -> float:
    """Exponential backoff: 5, 10, 20, 40... seconds, capped."""
    return min(settings.PACK_RETRY_BACKOFF * 2**retries, settings.PACK_RETRY_BACKOFF_MAX)


@dataclass
class Reconciliation:
    requeued: list[int] = field(default_factory=list)
    reset: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{len(self.requeued)} queued pack(s) sent again, "
            f"{len(self.reset)} abandoned build(s) queued again, {len(self.failed)} given up"
        )


@transaction.atomic
def packs_reconcile(*, queued_for: int | None = None, now: datetime.datetime | None = None) -> Reconciliation:
    """Send again what a lost message or a lost worker left behind. Safe to run at any time, twice.

    Queued longer than `queued_for` seconds: its message was probably lost (an emptied broker).
    Building longer than the hard time limit: its worker died, since a live one is stopped by then.
    A duplicate message does no harm: only one worker can claim the pack.
    """
    now = now or timezone.now()
    waited = settings.PACK_REQUEUE_AFTER if queued_for is None else queued_for
    queued_before = now - datetime.timedelta(seconds=waited)
    building_before = now - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    result = Reconciliation()
    task = _build_task()
    abandoned = GovernancePack.objects.filter(status=Status.BUILDING, started_at__lt=building_before)
    for pack_id, attempts in abandoned.values_list("pk", "attempts"):
        if attempts >= settings.PACK_MAX_ATTEMPTS:
            pack_fail(
                pack_id=pack_id,
                attempt=attempts,
                reason=f"The worker building this pack stopped {attempts} times before it finished.",
            )
            result.failed.append(pack_id)
            continue
        reset = GovernancePack.objects.filter(
            pk=pack_id, status=Status.BUILDING, attempts=attempts, started_at__lt=building_before
        ).update(status=Status.QUEUED, enqueued_at=now)
        if reset:
            enqueue_on_commit(task, pack_id)
            result.reset.append(pack_id)
    stuck = GovernancePack.objects.filter(status=Status.QUEUED).filter(
        Q(enqueued_at__lt=queued_before) | Q(enqueued_at__isnull=True)
    )
    for pack_id in stuck.values_list("pk", flat=True):
        if GovernancePack.objects.filter(pk=pack_id, status=Status.QUEUED).update(enqueued_at=now):
            enqueue_on_commit(task, pack_id)
            result.requeued.append(pack_id)
    return result


def pack_preview_version(initiative: Initiative, fingerprint: str) -> str:
    """The version label build_pack prints: the recorded pack with this content, or the next number."""
    existing = _live_pack(initiative, fingerprint)
    if existing is not None:
        return str(existing.version)
    top = GovernancePack.objects.filter(initiative=initiative).aggregate(top=Max("version"))["top"] or 0
    return f"{top + 1} (draft, not recorded)"


def pack_build_to_file(*, initiative: Initiative, output: Path) -> RenderedPack:
    """What `manage.py build_pack` runs: the same gathering and rendering as the worker, synchronously."""
    content = gather_pack_content(initiative.pk)
    fingerprint = content_fingerprint(content)
    rendered = build_pack_pdf(
        content,
        version_label=pack_preview_version(initiative, fingerprint),
        generated_at=timezone.now(),
        fingerprint=fingerprint,
    )
    output.write_bytes(rendered.pdf)
    return rendered
