"""Invitations into initiatives, leavers, email preferences and each body's single sign-on."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from people.querysets import InvitationQuerySet


def token_hash(token: str) -> str:
    """What is stored of an invitation's token: the link itself is only ever in the email."""
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """An invitation to one person, by email, into an initiative with a body and a role."""

    class Role(models.TextChoices):
        MEMBER = "member", "Member"
        PROGRAMME_MANAGER = "programme_manager", "Programme manager"
        SENIOR_OWNER_CANDIDATE = "senior_owner_candidate", "Senior owner candidate"
        ASSURANCE_REVIEWER = "assurance_reviewer", "Assurance reviewer"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class State(models.TextChoices):
        """What people see: a pending invitation past its expiry is expired, without anyone storing it."""

        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        EXPIRED = "expired", "Expired"
        WITHDRAWN = "withdrawn", "Withdrawn"

    email = models.EmailField("email address")
    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="invitations"
    )
    body = models.ForeignKey("initiatives.Body", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=30, choices=Role.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The administrator who let an address outside the body's email domains be invited.
    domain_override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "email"],
                condition=models.Q(status="pending"),
                name="one_pending_invitation_per_address",
            )
        ]
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.email} to {self.initiative} ({self.get_role_display()})"

    @property
    def state(self) -> str:
        if self.status == self.Status.PENDING and self.expires_at <= timezone.now():
            return self.State.EXPIRED
        return self.status

    @property
    def state_label(self) -> str:
        return self.State(self.state).label

    @property
    def is_open(self) -> bool:
        """Can still be accepted."""
        return self.state == self.State.PENDING

    @property
    def can_be_resent(self) -> bool:
        return self.status == self.Status.PENDING


class EmailKind(models.TextChoices):
    """Kinds of email a person chooses how to receive. Invitations and security emails always go."""

    DECISIONS_AWAITING = "decisions_awaiting", "Decisions awaiting you"
    DECISIONS_RETURNED = "decisions_returned", "Decisions returned to you"
    RISKS_ESCALATED = "risks_escalated", "Risks escalated to you"
    RISKS_ASSIGNED = "risks_assigned", "Risks assigned to you"
    ACTIONS_ASSIGNED = "actions_assigned", "Actions assigned to you"
    REMINDERS = "reminders", "Reviews and readings coming due or overdue"
    RECOMMENDATIONS_AWAITING = "recommendations_awaiting", "Recommendations awaiting your response"


class EmailFrequency(models.TextChoices):
    IMMEDIATE = "immediate", "Straight away"
    DAILY_DIGEST = "daily_digest", "In one email a day"
    OFF = "off", "Do not email me"


class EmailPreference(models.Model):
    """How one person wants one kind of email. No row means straight away."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preferences"
    )
    kind = models.CharField(max_length=30, choices=EmailKind.choices)
    frequency = models.CharField(max_length=15, choices=EmailFrequency.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")]
        ordering = ["user", "kind"]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_kind_display()} {self.get_frequency_display().lower()}"


class Notification(models.Model):
    """One email to one person about one thing, recorded so it is sent once.

    `key` names the thing and its occurrence ("risk:12:review:2026-12-10:overdue"); the unique
    constraint makes a second attempt to tell the same person the same thing fail, whichever
    worker or beat run makes it. A daily digest is itself a notification, keyed on its day.
    """

    DIGEST = "digest"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for the daily digest"
        QUEUED = "queued", "Queued to send"
        DIGESTED = "digested", "Sent in a daily digest"
        SENT = "sent", "Sent"
        FAILED = "failed", "Could not be sent"

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # An EmailKind, or DIGEST for a daily digest.
    kind = models.CharField(max_length=30)
    key = models.CharField(max_length=200)
    subject = models.CharField(max_length=200)
    # One sentence: the email's opening, or its line in a digest.
    message = models.CharField(max_length=500)
    url = models.CharField(max_length=500, blank=True)
    body = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices)
    digest = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="items")
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    failure = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "kind", "key"], name="one_notification_per_occurrence")
        ]
        indexes = [models.Index(fields=["status", "person"], name="notification_status_person")]
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} to {self.person}"


class Deactivation(models.Model):
    """A person's access ended when they left; kept so their name and what happened stay on record."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deactivations"
    )
    deactivated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    deactivated_at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(max_length=300, blank=True)
    # The roles that ended, as they read at the time: [{"initiative": title, "role": label}].
    roles_ended = models.JSONField(default=list, blank=True)
    reactivated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reactivated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-deactivated_at"]
        get_latest_by = "deactivated_at"

    def __str__(self) -> str:
        return f"{self.person} deactivated {self.deactivated_at:%-d %B %Y}"


ENVIRONMENT_VARIABLE = re.compile(r"^[A-Z_][A-Z0-9_]*$")
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


def validate_environment_variable_name(name: str) -> None:
    if not ENVIRONMENT_VARIABLE.match(name):
        raise ValidationError("Enter the name of an environment variable, like DWP_SSO_CLIENT_SECRET")


def validate_issuer(url: str) -> None:
    """HTTPS, except for a provider on this machine (a test provider)."""
    parts = urlsplit(url)
    if parts.scheme != "https" and not (parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS):
        raise ValidationError("Enter the provider's https:// address")


class IdentityProvider(models.Model):
    """A body's own OpenID Connect identity provider: its people sign in there, not with a password.

    The client secret is never stored: the row names the environment variable that holds it.
    """

    body = models.OneToOneField(
        "initiatives.Body", on_delete=models.CASCADE, related_name="identity_provider"
    )
    slug = models.SlugField(
        "provider id",
        max_length=40,
        unique=True,
        help_text="Short and lower case, used in the sign-in address, for example dwp",
    )
    issuer = models.URLField(
        max_length=300,
        validators=[validate_issuer],
        help_text="The provider's issuer address, as in its /.well-known/openid-configuration",
    )
    client_id = models.CharField("client id", max_length=200)
    client_secret_variable = models.CharField(
        "environment variable holding the client secret",
        max_length=100,
        validators=[validate_environment_variable_name],
    )
    enabled = models.BooleanField(default=True, help_text="Untick to go back to passwords for this body.")

    class Meta:
        ordering = ["body__name"]

    def __str__(self) -> str:
        return f"Single sign-on for {self.body}"
