"""Writes for invitations: send, resend, withdraw, accept. Views call these; nothing else does.

An invitation's link holds a random token that only the email ever carries: the database keeps
its SHA-256, so a copy of the database cannot be used to accept anyone's invitation. A link works
once, for INVITATION_DAYS, and resending replaces it (the old link stops working).
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from initiatives import services as initiative_services
from initiatives.models import Body, Initiative, InitiativeRole, Membership, User
from initiatives.roles import ASSURANCE_REVIEWERS_GROUP
from people import mail
from people.models import Invitation, token_hash

INVITATION_DAYS = 7

# Roles that come with a role on the initiative itself; the others are membership of the body.
INITIATIVE_ROLES = {
    Invitation.Role.PROGRAMME_MANAGER: InitiativeRole.Role.PROGRAMME_MANAGER,
    Invitation.Role.ASSURANCE_REVIEWER: InitiativeRole.Role.ASSURANCE_REVIEWER,
}


class InvitationRefused(Exception):
    """The invitation cannot be sent or taken up; `field` names the form field at fault, if one is."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class InvitationSent:
    invitation: Invitation
    # True when the address already had an account: the role was added at once, no link sent.
    added_at_once: bool


def invitation_check(
    *, initiative: Initiative, email: str, body: Body, role: str, by: User, override_domain: bool = False
) -> User | None:
    """Refuse (InvitationRefused) an invitation that may not be sent; return the existing account, if any."""
    email = email.strip().lower()
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None and not existing.is_active:
        raise InvitationRefused(
            f"{email} belongs to a deactivated account. An administrator or their body lead must "
            "reactivate it before they can be invited.",
            field="email",
        )
    if initiative.invitations.open().for_address(email).exists():
        raise InvitationRefused(
            f"{email} already has an invitation to this initiative. Resend it from the team page.",
            field="email",
        )
    taking_part = initiative.participations.filter(body=body).exists()
    if role != Invitation.Role.ASSURANCE_REVIEWER and not taking_part:
        raise InvitationRefused("Choose a body taking part in this initiative", field="body")
    if role == Invitation.Role.ASSURANCE_REVIEWER and not (
        by.is_superuser
        or (existing is not None and existing.groups.filter(name=ASSURANCE_REVIEWERS_GROUP).exists())
    ):
        raise InvitationRefused(
            "Only people in the Assurance reviewers group can be invited as assurance reviewers. "
            "Ask an administrator to invite them.",
            field="role",
        )
    if not body.allows_email(email) and not (override_domain and by.is_superuser):
        domains = ", ".join(body.email_domains) or "none set yet"
        raise InvitationRefused(
            f"Enter an address at one of {body.short_name}'s email domains ({domains})", field="email"
        )
    return existing


@transaction.atomic
def invitation_send(
    *, initiative: Initiative, email: str, body: Body, role: str, by: User, override_domain: bool = False
) -> InvitationSent:
    """Invite someone new by emailed link; someone with an account gets the role at once and an email."""
    email = email.strip().lower()
    existing = invitation_check(
        initiative=initiative, email=email, body=body, role=role, by=by, override_domain=override_domain
    )
    now = timezone.now()
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email,
        initiative=initiative,
        body=body,
        role=role,
        invited_by=by,
        domain_override_by=by if override_domain and not body.allows_email(email) else None,
        token_hash=token_hash(token),
        sent_at=now,
        expires_at=now + datetime.timedelta(days=INVITATION_DAYS),
    )
    if existing is not None:
        _take_up(invitation=invitation, person=existing)
        invitation.refresh_from_db()
        _email_added(invitation)
        return InvitationSent(invitation=invitation, added_at_once=True)
    _email_link(invitation, token)
    return InvitationSent(invitation=invitation, added_at_once=False)


@transaction.atomic
def invitation_resend(*, invitation: Invitation, by: User) -> Invitation:
    """A new link, valid for another INVITATION_DAYS; the old link stops working."""
    if invitation.status != Invitation.Status.PENDING:
        raise InvitationRefused(f"This invitation was {invitation.get_status_display().lower()}")
    now = timezone.now()
    token = secrets.token_urlsafe(32)
    invitation.token_hash = token_hash(token)
    invitation.sent_at = now
    invitation.expires_at = now + datetime.timedelta(days=INVITATION_DAYS)
    invitation.save(update_fields=["token_hash", "sent_at", "expires_at"])
    _email_link(invitation, token)
    return invitation


@transaction.atomic
def invitation_withdraw(*, invitation: Invitation, by: User) -> Invitation:
    withdrawn = Invitation.objects.filter(pk=invitation.pk, status=Invitation.Status.PENDING).update(
        status=Invitation.Status.WITHDRAWN, withdrawn_by=by, withdrawn_at=timezone.now()
    )
    if not withdrawn:
        raise InvitationRefused("This invitation has already been accepted or withdrawn")
    invitation.refresh_from_db()
    return invitation


def open_invitation(token: str) -> Invitation | None:
    """The invitation a link is for, while it can still be accepted."""
    return (
        Invitation.objects.open()
        .select_related("initiative", "body", "invited_by")
        .filter(token_hash=token_hash(token))
        .first()
    )


@transaction.atomic
def invitation_accept(*, token: str, full_name: str, password: str) -> User:
    """Make the invitee's account from the link, with the name and password they chose."""
    invitation = open_invitation(token)
    if invitation is None:
        raise InvitationRefused("This invitation link has expired, been used or been withdrawn")
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise InvitationRefused("There is already an account with this email address. Sign in instead.")
    person = User.objects.create_user(email=invitation.email, password=password, full_name=full_name)
    invitations_take_up(person=person)
    return person


@transaction.atomic
def invitations_take_up(*, person: User) -> list[Invitation]:
    """The person takes up every invitation still open for their address (a new account takes all)."""
    invitations = list(
        Invitation.objects.open().for_address(person.email).select_related("initiative", "body")
    )
    for invitation in invitations:
        _take_up(invitation=invitation, person=person)
    return invitations


def _take_up(*, invitation: Invitation, person: User) -> None:
    """Mark the invitation accepted, once only, and give the person its body and role."""
    claimed = Invitation.objects.filter(pk=invitation.pk, status=Invitation.Status.PENDING).update(
        status=Invitation.Status.ACCEPTED, accepted_by=person, accepted_at=timezone.now()
    )
    if not claimed:
        raise InvitationRefused("This invitation has already been accepted or withdrawn")
    Membership.objects.get_or_create(user=person, body=invitation.body)
    if initiative_role := INITIATIVE_ROLES.get(invitation.role):
        initiative_services.role_assign(
            initiative=invitation.initiative, user=person, role=initiative_role, by=invitation.invited_by
        )
    if invitation.role == Invitation.Role.ASSURANCE_REVIEWER:
        person.groups.add(Group.objects.get_or_create(name=ASSURANCE_REVIEWERS_GROUP)[0])


def accept_url(token: str) -> str:
    return reverse("people:invitation_accept", kwargs={"token": token})


def _email_link(invitation: Invitation, token: str) -> None:
    mail.send_template_later(
        kind="invitation",
        to=invitation.email,
        subject=f"You are invited to join {invitation.initiative.title} on Joined-up",
        template="invitation.txt",
        context={"invitation": invitation, "path": accept_url(token), "days": INVITATION_DAYS},
    )


def _email_added(invitation: Invitation) -> None:
    mail.send_template_later(
        kind="added_to_initiative",
        to=invitation.email,
        subject=f"You have been added to {invitation.initiative.title} on Joined-up",
        template="added_to_initiative.txt",
        context={"invitation": invitation, "path": invitation.initiative.get_absolute_url()},
    )
