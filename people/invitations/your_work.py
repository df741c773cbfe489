"""Your work, invitations: those not yet accepted in initiatives the person is a programme
manager of, to chase, send again or withdraw from the team page. Registered in people's
AppConfig.ready."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from collab.govuk_forms import date_text
from initiatives.models import User
from initiatives.your_work import WorkItem, WorkKind
from people.models import Invitation


def _invited_as(invitation: Invitation) -> str:
    return f"{invitation.email}, {invitation.get_role_display().lower()} for {invitation.body.short_name}"


def invitations_pending(user: User) -> WorkKind:
    items = [
        WorkItem(
            title=_invited_as(invitation),
            context=invitation.initiative.title,
            href=reverse("initiatives:team", kwargs={"slug": invitation.initiative.slug}),
            hint=f"{invitation.initiative.title}. Sent {date_text(timezone.localdate(invitation.sent_at))}.",
            status=f"invitation_{invitation.state}",
            status_label=invitation.state_label,
        )
        for invitation in Invitation.objects.unanswered_for_manager(user)
    ]
    return WorkKind("invitations", "Invitations not yet accepted", items)
