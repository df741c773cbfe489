"""Single sign-on: each body's own OpenID Connect identity provider, through django-allauth.

A body configured in the admin (people.IdentityProvider) becomes one of allauth's provider apps,
its client secret read from the environment variable the row names. People whose email address
is at one of the body's allowed domains sign in there instead of with a password.

A provider only speaks for its own body's domains: an identity it asserts for any other address
is refused, so one body's provider can never sign someone in as another body's person. On first
sign-in the identity is linked to the account with that address, or, for someone new, an account
is made only when an invitation to that address is waiting.
"""

from __future__ import annotations

import logging
import os
from functools import wraps
from urllib.parse import urlsplit

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp, SocialLogin
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest
from django.shortcuts import render
from requests import RequestException

from collab import audit
from initiatives.models import User
from people.models import IdentityProvider, Invitation

logger = logging.getLogger(__name__)

PROVIDER = "openid_connect"


def provider_for_email(email: str) -> IdentityProvider | None:
    """The enabled identity provider of the body whose email domains cover this address, while its
    secret is in the environment (without it, its people sign in with a password)."""
    for provider in IdentityProvider.objects.filter(enabled=True).select_related("body"):
        if provider.body.email_domains and provider.body.allows_email(email):
            return provider if social_app(provider) is not None else None
    return None


def identity_provider_origins() -> list[str]:
    """Where the enabled identity providers are, as scheme://host[:port].

    The sign-in page reads nothing else from the database, and still shows while the database
    restarts; so does this, without the providers (nobody can sign in through them just then).
    """
    try:
        issuers = list(IdentityProvider.objects.filter(enabled=True).values_list("issuer", flat=True))
    except (OperationalError, InterfaceError):
        return []
    return sorted({f"{urlsplit(issuer).scheme}://{urlsplit(issuer).netloc}" for issuer in issuers})


def forms_may_go_to_identity_providers(view):
    """Our Content Security Policy lets forms post only to us (form-action 'self'), and browsers apply
    that to where the post redirects too. A page whose form sends people on to their body's sign-in
    page (signing in, accepting an invitation) also allows the identity providers' addresses."""

    @wraps(view)
    def with_identity_providers(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if origins := identity_provider_origins():
            response._csp_update = {"form-action": origins}
        return response

    return with_identity_providers


def social_app(provider: IdentityProvider) -> SocialApp | None:
    """allauth's app for the provider, or None while its secret is missing from the environment."""
    secret = os.environ.get(provider.client_secret_variable, "")
    if not secret:
        logger.warning(
            "Single sign-on for %s is off: %s is not set", provider.body, provider.client_secret_variable
        )
        return None
    return SocialApp(
        provider=PROVIDER,
        provider_id=provider.slug,
        name=f"{provider.body.name} single sign-on",
        client_id=provider.client_id,
        secret=secret,
        settings={"server_url": provider.issuer, "oauth_pkce_enabled": True, "fetch_userinfo": True},
    )


def sign_in_redirect(request: HttpRequest, provider: IdentityProvider, *, email: str, next_url: str = ""):
    """Send the person to their body's provider, with their address as the hint."""
    from allauth.socialaccount.adapter import get_adapter

    allauth_provider = get_adapter(request).get_provider(request, provider=provider.slug)
    try:
        return allauth_provider.redirect(
            request, process="login", next_url=next_url or None, auth_params={"login_hint": email}
        )
    except RequestException:
        # Its /.well-known/openid-configuration did not answer: say so, rather than fail.
        logger.exception("Single sign-on for %s: the identity provider did not answer", provider.body)
        return render(request, "socialaccount/authentication_error.html", status=502)


def refuse(request: HttpRequest, reason: str, *, email: str = "") -> None:
    audit.record("single_sign_on_refused", reason=reason)
    raise ImmediateHttpResponse(
        render(request, "people/single_sign_on_refused.html", {"reason": reason, "email": email}, status=403)
    )


class SingleSignOnAdapter(DefaultSocialAccountAdapter):
    def list_apps(self, request, provider=None, client_id=None) -> list[SocialApp]:
        providers = IdentityProvider.objects.filter(enabled=True).select_related("body")
        if provider and provider != PROVIDER:
            providers = providers.filter(slug=provider)
        if client_id:
            providers = providers.filter(client_id=client_id)
        return [app for app in map(social_app, providers) if app is not None]

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        provider = IdentityProvider.objects.select_related("body").get(slug=sociallogin.account.provider)
        email = (sociallogin.user.email or "").strip().lower()
        if not email or not provider.body.allows_email(email):
            refuse(request, "not_this_bodys_address", email=email)
        if sociallogin.is_existing:
            if sociallogin.user.email.lower() != email:
                refuse(request, "address_changed", email=email)
            return
        person = User.objects.filter(email__iexact=email).first()
        if person is not None:
            if not person.is_active:
                refuse(request, "deactivated", email=email)
            # The provider speaks for this address's domain: link the identity to the account.
            sociallogin.connect(request, person)
        elif not Invitation.objects.open().for_address(email).filter(body=provider.body).exists():
            refuse(request, "no_invitation", email=email)

    def is_open_for_signup(self, request: HttpRequest, sociallogin: SocialLogin) -> bool:
        """Only for someone with an invitation waiting, checked in pre_social_login."""
        return True

    def populate_user(self, request: HttpRequest, sociallogin: SocialLogin, data):
        user = super().populate_user(request, sociallogin, data)
        user.email = (user.email or "").strip().lower()
        user.full_name = (data.get("name") or user.email.partition("@")[0])[:150]
        return user

    def save_user(self, request: HttpRequest, sociallogin: SocialLogin, form=None):
        """A new account from single sign-on takes up every invitation waiting for its address."""
        from people.invitations.services import invitations_take_up

        user = super().save_user(request, sociallogin, form)
        invitations_take_up(person=user)
        return user
