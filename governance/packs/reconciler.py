"""The reconciler: sends again what a lost message or a lost worker left behind (every minute, under beat)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from collab.queue import enqueue_on_commit
from governance.packs.jobs import pack_fail
from governance.packs.models import GovernancePack
from governance.packs.tasks import build_governance_pack

Status = GovernancePack.Status


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
    result = Reconciliation()
    abandoned = GovernancePack.objects.abandoned(now)
    for pack_id, attempts in abandoned.values_list("pk", "attempts"):
        if attempts >= settings.PACK_MAX_ATTEMPTS:
            pack_fail(
                pack_id=pack_id,
                attempt=attempts,
                reason=f"The worker building this pack stopped {attempts} times before it finished.",
            )
            result.failed.append(pack_id)
            continue
        reset = (
            abandoned.claimed_by_attempt(attempts)
            .filter(pk=pack_id)
            .update(status=Status.QUEUED, enqueued_at=now)
        )
        if reset:
            enqueue_on_commit(build_governance_pack, pack_id)
            result.reset.append(pack_id)
    stuck = GovernancePack.objects.filter(status=Status.QUEUED).filter(
        Q(enqueued_at__lt=queued_before) | Q(enqueued_at__isnull=True)
    )
    for pack_id in stuck.values_list("pk", flat=True):
        if GovernancePack.objects.filter(pk=pack_id, status=Status.QUEUED).update(enqueued_at=now):
            enqueue_on_commit(build_governance_pack, pack_id)
            result.requeued.append(pack_id)
    return result


# Registered under its first module's name, which the beat schedule carries.
@shared_task(name="governance.tasks.reconcile_governance_packs", acks_late=True)
def reconcile_governance_packs() -> str:
    """Periodic (celery beat): send again packs stuck in the queue or abandoned mid-build."""
    return str(packs_reconcile())
