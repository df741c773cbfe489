"""Rules for every signed-in request: pages are never cached, and sessions have a hard end."""

import time

from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control

from collab import audit
from collab.sessions import SIGNED_IN_AT, refresh_idle_timeout


class SignedInSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        if request.user.is_authenticated:
            signed_in_at = request.session.setdefault(SIGNED_IN_AT, time.time())
            if time.time() - signed_in_at > settings.SESSION_ABSOLUTE_AGE:
                logout(request)
                messages.info(request, "You were signed out after 12 hours. Sign in again to carry on.")
                return redirect(f"{reverse('login')}?next={request.path}")
            # Read by the timeout warning on the page (people.context_processors.account).
            request.idle_seconds_left = refresh_idle_timeout(request.session)
        response = self.get_response(request)
        if request.user.is_authenticated:
            # Signed-in pages and downloads may hold OFFICIAL information: never store them.
            patch_cache_control(response, no_store=True, private=True)
            if response.status_code in (403, 404):
                audit.record(
                    "refused",
                    user_id=request.user.pk,
                    path=request.path,
                    method=request.method,
                    status=response.status_code,
                )
        return response
