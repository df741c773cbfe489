"""People who must use two-step verification set it up before they do anything else."""

from __future__ import annotations

from django.shortcuts import redirect

from people.two_step import account_facts, two_step_reasons

# What someone still without two-step verification may reach: setting it up (after confirming
# their password, which allauth asks for when the sign-in is not recent), and signing out.
ALLOWED_URL_NAMES = {
    "mfa_activate_totp",
    "mfa_view_recovery_codes",
    "account_reauthenticate",
    "mfa_reauthenticate",
    "logout",
    "account_logout",
    "people:keep_alive",
    "people:timed_out",
}
AFTER_SETUP = "people.after_two_step_setup"


class TwoStepRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if (
            not user.is_authenticated
            or request.resolver_match.view_name in ALLOWED_URL_NAMES
            or account_facts(user).has_two_step
            or not two_step_reasons(user)
        ):
            return None
        # The setup page says why; afterwards the person carries on where they were going.
        if request.method == "GET":
            request.session[AFTER_SETUP] = request.get_full_path()
        return redirect("mfa_activate_totp")
