"""Pack jobs as the worker runs them: claim, build, and what a failure means.

The database row is the record of the job; a broker message is only a nudge to a worker.
States: queued -> building -> ready, or -> failed with a reason. A worker claims a pack with a
conditional UPDATE (queued -> building, counting the attempt), so two workers never build the
same pack; the attempt number is the claim's token, so a worker whose claim was taken over
cannot mark the pack afterwards.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import OperationalError
from django.utils import timezone

from governance.packs.deadline import soft_deadline
from governance.packs.models import GovernancePack
from governance.packs.rendering import RenderedPack, build_pack_pdf
from governance.packs.storage import pack_relative_path, write_atomically

logger = logging.getLogger(__name__)

Status = GovernancePack.Status


def pack_claim(*, pack_id: int, task_id: str | None = None) -> GovernancePack | None:
    """Take the pack for this worker: queued, or building so long that its worker must be gone.

    Or building under this very task id: with acks_late the broker delivers a message again only
    when its earlier run died (a pool child killed, requeued by reject_on_worker_lost) or after the
    visibility timeout, twice the hard time limit; a retry keeps the id too, but starts after the
    earlier run ended. Either way nobody is still building it, so there is no need to wait out
    the time limit.
    """
    claimed = GovernancePack.objects.claim(pack_id, now=timezone.now(), task_id=task_id)
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
    updated = (
        GovernancePack.objects.claimed_by_attempt(pack.attempts)
        .filter(pk=pack.pk)
        .update(
            status=Status.READY,
            file_path=relative,
            file_size=len(rendered.pdf),
            page_count=rendered.page_count,
            finished_at=timezone.now(),
        )
    )
    if updated:
        pack.status, pack.file_path = Status.READY, relative
    else:
        # Another attempt took the pack over; it writes the same file under the same name.
        logger.warning("Governance pack %s was taken over before attempt %s finished", pack.pk, pack.attempts)


def pack_release(*, pack: GovernancePack, retry_in: float) -> None:
    """Put a pack back in the queue after a transient failure; the task's retry will claim it again."""
    GovernancePack.objects.claimed_by_attempt(pack.attempts).filter(pk=pack.pk).update(
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
