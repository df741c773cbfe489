"""Celery's autodiscovery imports this module: it loads each domain's tasks.

Tasks keep the names they were first registered under (`governance.tasks.<name>`), so messages
already queued and the beat schedule still find them.
"""

from governance.assurance.tasks import notify_recommendation_moved
from governance.decisions.tasks import (
    notify_decision_awaiting,
    notify_decision_decided,
    notify_decision_returned,
)
from governance.packs.reconciler import reconcile_governance_packs
from governance.packs.tasks import build_governance_pack
from governance.reminders.tasks import send_due_reminders
from governance.spreadsheets.tasks import reconcile_import_jobs, run_import_job

__all__ = [
    "build_governance_pack",
    "notify_decision_awaiting",
    "notify_decision_decided",
    "notify_decision_returned",
    "notify_recommendation_moved",
    "reconcile_governance_packs",
    "reconcile_import_jobs",
    "run_import_job",
    "send_due_reminders",
]
