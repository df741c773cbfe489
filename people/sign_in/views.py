"""Where our pages differ from django-allauth's own views: the two-step setup and its recovery codes.

Setting up an authenticator says why it is required (or lets the person skip it when it is not),
and the recovery codes page leads on to wherever the person was going.
"""

from __future__ import annotations

from allauth.mfa.recovery_codes.views import ViewRecoveryCodesView
from allauth.mfa.totp.views import ActivateTOTPView
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from people.middleware import AFTER_SETUP
from people.two_step import two_step_reasons


def after_two_step_setup(request) -> str:
    """Where to go once two-step verification is on: where the person was heading, else home."""
    url = request.session.get(AFTER_SETUP) or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return url
    return reverse("home")


class SetUpAuthenticatorView(ActivateTOTPView):
    def get(self, request, *args, **kwargs):
        next_url = request.GET.get("next", "")
        if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            request.session[AFTER_SETUP] = next_url
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["required_because"] = two_step_reasons(self.request.user)
        context["skip_url"] = after_two_step_setup(self.request)
        return context


class RecoveryCodesView(ViewRecoveryCodesView):
    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["continue_url"] = after_two_step_setup(self.request)
        return context

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # The page's "Continue" already holds where the person was heading.
        request.session.pop(AFTER_SETUP, None)
        return response


def two_step_index(request):
    """allauth's overview of two-step verification is part of "Your account"."""
    return redirect("people:account")


@login_not_required
def sign_up_closed(request):
    """Nobody signs up: accounts come from invitations."""
    return render(request, "account/signup_closed.html")
