"""Emails about a decision that did not reach someone, and sending them again."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from collab.queue import enqueue_on_commit
from governance.decisions.models import Decision, DecisionEmailFailure
from governance.decisions.tasks import deliver_decision_email
from initiatives.models import User


class AlreadyResent(Exception):
    pass


def email_failures_open(decision: Decision) -> list[DecisionEmailFailure]:
    """Who was not told about this decision and has not been sent it again, oldest first."""
    return list(decision.email_failures.filter(resent_at=None).select_related("recipient"))


@transaction.atomic
def decision_email_resend(*, failure: DecisionEmailFailure, by: User) -> DecisionEmailFailure:
    """Send the email again, once: two programme managers pressing Resend together send it once.

    If it fails again, the worker records a new failure.
    """
    resent = DecisionEmailFailure.objects.filter(pk=failure.pk, resent_at=None).update(
        resent_at=timezone.now(), resent_by=by
    )
    if resent != 1:
        raise AlreadyResent(f"The email to {failure.address} has already been sent again.")
    failure.refresh_from_db()
    enqueue_on_commit(
        deliver_decision_email, failure.kind, failure.decision_id, failure.transition_id, failure.recipient_id
    )
    return failure
