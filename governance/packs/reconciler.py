"""The reconciler: sends again what a lost message or a lost worker left behind (every minute, under beat)."""

from __future__ import annotations

import datetime

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from collab.job_rows import Reconciliation, jobs_reconcile
from governance.packs.jobs import pack_fail
from governance.packs.models import GovernancePack
from governance.packs.tasks import build_governance_pack


def _give_up(pack_id: int, attempts: int) -> None:
    pack_fail(
        pack_id=pack_id,
        attempt=attempts,
        reason=f"The worker building this pack stopped {attempts} times before it finished.",
    )


@transaction.atomic
def packs_reconcile(*, queued_for: int | None = None, now: datetime.datetime | None = None) -> Reconciliation:
    """Send again packs queued longer than `queued_for` seconds or abandoned mid-build (collab/job_rows.py).

    Safe to run at any time, twice.
    """
    now = now or timezone.now()
    waited = settings.PACK_REQUEUE_AFTER if queued_for is None else queued_for
    return jobs_reconcile(
        jobs=GovernancePack.objects.all(),
        task=build_governance_pack,
        noun="pack",
        give_up=_give_up,
        max_attempts=settings.PACK_MAX_ATTEMPTS,
        queued_before=now - datetime.timedelta(seconds=waited),
        now=now,
    )


# Registered under its first module's name, which the beat schedule carries.
@shared_task(name="governance.tasks.reconcile_governance_packs", acks_late=True)
def reconcile_governance_packs() -> str:
    """Periodic (celery beat): send again packs stuck in the queue or abandoned mid-build."""
    return str(packs_reconcile())
