"""Sign-in lockout (django-axes) around django-allauth: what is counted, who is told, who unlocks.

Five failed sign-ins for one email address lock it for the cool-off time (settings.AXES_*). The
moment it locks, the account with that address (if there is one, and it is active) is emailed a
link to reset its password; resetting the password unlocks the address at once. An administrator
or the person's body lead can also unlock it (people/leavers/).
"""

from __future__ import annotations

from allauth.account.forms import default_token_generator
from allauth.account.signals import password_reset
from allauth.account.utils import user_pk_to_url_str
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from axes.utils import reset
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from collab import audit
from initiatives.models import User
from people import mail


def attempted_email(request, credentials: dict | None = None) -> str:
    """The address a sign-in tried, as allauth passes it on or the form posts it, lower-cased."""
    credentials = credentials or {}
    tried = credentials.get("email") or credentials.get("username")
    if tried is None and request is not None:
        data = getattr(request, "POST", {})
        tried = data.get("username") or data.get("login")
    return str(tried or "").strip().lower()


def is_locked_out(email: str) -> bool:
    """Whether signing in with this address is paused now."""
    recent = timezone.now() - settings.AXES_COOLOFF_TIME
    return AccessAttempt.objects.filter(
        username=email.strip().lower(),
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
        attempt_time__gt=recent,
    ).exists()


def unlock(*, email: str, by: User | None, reason: str) -> bool:
    """Clear the address's failed attempts, so it can sign in again now. True if it was locked."""
    was_locked = is_locked_out(email)
    reset(username=email.strip().lower())
    audit.record("sign_in_unlocked", by=getattr(by, "pk", None), reason=reason, was_locked=was_locked)
    return was_locked


def password_reset_url(request, person: User) -> str:
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(person), "key": default_token_generator.make_token(person)},
    )
    return request.build_absolute_uri(path)


def _on_locked_out(sender, request, username, **kwargs) -> None:
    # Sent again for every attempt during the lockout: only the attempt that locked it sends email,
    # so an attacker cannot flood the person's inbox.
    if request is None or getattr(request, "axes_failures_since_start", None) != settings.AXES_FAILURE_LIMIT:
        return
    person = User.objects.filter(email__iexact=username, is_active=True).first()
    audit.record("sign_in_locked_out", user_id=getattr(person, "pk", None))
    if person is None:
        return
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    mail.send_template_later(
        kind="locked_out",
        to=person.email,
        subject="Signing in to Joined-up is paused for your account",
        template="locked_out.txt",
        context={"person": person, "minutes": minutes, "reset_url": password_reset_url(request, person)},
    )


def _on_password_reset(sender, request, user, **kwargs) -> None:
    unlock(email=user.email, by=user, reason="password_reset")


def connect_signals() -> None:
    user_locked_out.connect(_on_locked_out, dispatch_uid="people_email_on_lockout")
    password_reset.connect(_on_password_reset, dispatch_uid="people_unlock_on_password_reset")
