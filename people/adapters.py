"""How django-allauth fits Joined-up: closed sign-up, GOV.UK wording, our email, sealed secrets.

The single sign-on adapter is in people/single_sign_on.py.
"""

from __future__ import annotations

import base64
import hashlib
import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context as allauth_context
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site

from people import mail
from people.two_step import must_use_two_step

INCORRECT_SIGN_IN = "Enter a correct email address and password"


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # One message whether the address is unknown, deactivated or the password wrong, so the form
        # never tells anyone which addresses have accounts.
        "email_password_mismatch": INCORRECT_SIGN_IN,
        "invalid_login": INCORRECT_SIGN_IN,
        "account_inactive": INCORRECT_SIGN_IN,
        "enter_current_password": "Enter your current password",
        "incorrect_password": "The password you entered is not your current password",
        "invalid_password_reset": "This link to reset your password does not work. Ask for a new one.",
        "same_as_current": "Enter a password different from your current one",
        "rate_limited": "You have tried this too many times. Wait a minute, then try again.",
        "too_many_login_attempts": "You have tried to sign in too many times. Wait a few minutes.",
    }

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """Changing two-step verification asks for the password again, unless the person has just
        signed in (within ACCOUNT_REAUTHENTICATION_TIMEOUT): right after signing in, or making their
        account, they have only just typed it."""
        required = super().is_reauthentication_required(app=app, **kwargs)
        request = allauth_context.request
        if not required or request is None or not request.user.is_authenticated:
            return required
        records = get_authentication_records(request, request.user)
        latest = max((record.get("at", 0) for record in records), default=0)
        return time.time() - latest >= account_settings.REAUTHENTICATION_TIMEOUT

    def is_open_for_signup(self, request) -> bool:
        """Nobody signs up: an account comes from accepting an invitation."""
        return False

    def format_email_subject(self, subject: str) -> str:
        return subject

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's emails (password reset, security notices) go the way all of ours go."""
        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {"request": request, "email": email, "current_site": get_current_site(request), **context},
        )
        mail.send_later(
            kind=template_prefix.rsplit("/", 1)[-1], to=email, subject=message.subject, body=message.body
        )


def _fernet(secret: str) -> Fernet:
    digest = hashlib.sha256(f"joined-up two-step secrets:{secret}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


class TwoStepAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": "Enter the code your authenticator app shows now, or one of your recovery codes",
        "cannot_delete_authenticator": (
            "You cannot turn off two-step verification: your roles in Joined-up need it"
        ),
        "cannot_generate_recovery_codes": "Set up an authenticator app before making recovery codes",
    }

    def _sealer(self) -> MultiFernet:
        # SECRET_KEY_FALLBACKS keep secrets sealed under an old key readable while the key is rotated.
        keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
        return MultiFernet([_fernet(key) for key in keys])

    def encrypt(self, text: str) -> str:
        """Authenticator secrets and recovery code seeds are never stored in the clear."""
        return self._sealer().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        return self._sealer().decrypt(encrypted_text.encode()).decode()

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        return not must_use_two_step(authenticator.user)
