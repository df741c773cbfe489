"""Writes of personal access tokens: made with a secret shown once, used, revoked."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from api.models import ApiToken
from initiatives.models import User

# A recognisable prefix lets secret scanners (and people) tell a leaked token for what it is.
TOKEN_PREFIX = "jup_"  # noqa: S105 - a label, not a secret
LONGEST_LIFE_DAYS = 365
# last_used_at is written at most this often for one token, not on every request.
LAST_USED_PRECISION = datetime.timedelta(minutes=1)


class TokenProblem(ValueError):
    """A token cannot be made as asked; the message says why."""


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def expiry_problem(days: int) -> str:
    if days < 1:
        return "A token must last at least 1 day"
    if days > LONGEST_LIFE_DAYS:
        return f"A token can last at most {LONGEST_LIFE_DAYS} days"
    return ""


@transaction.atomic
def token_create(*, person: User, name: str, scope: str, expires_in_days: int) -> tuple[ApiToken, str]:
    """A new token and its secret. The secret is returned once and only its hash is kept."""
    if problem := expiry_problem(expires_in_days):
        raise TokenProblem(problem)
    if not person.is_active:
        raise TokenProblem(f"{person.email} is deactivated: a token for them would never work")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    token = ApiToken.objects.create(
        person=person,
        name=name,
        scope=scope,
        prefix=secret[:12],
        secret_hash=secret_hash(secret),
        created_at=now,
        expires_at=now + datetime.timedelta(days=expires_in_days),
    )
    return token, secret


def token_for_secret(secret: str) -> ApiToken | None:
    """The live token with this secret, or None: unknown, revoked, expired or its holder deactivated."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    return ApiToken.objects.live().select_related("person").filter(secret_hash=secret_hash(secret)).first()


def token_used(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def token_revoke(*, token: ApiToken, by: User) -> ApiToken:
    """Revoke at once; revoking twice changes nothing. Only its holder revokes a token here."""
    if token.person_id != by.pk:
        raise TokenProblem("Only the token's holder can revoke it")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
