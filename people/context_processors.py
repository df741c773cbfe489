"""What every signed-in page needs: the timeout warning's timings (static/js/timeout-warning.mjs),
and whether to offer the People pages (administrators and body leads)."""

from django.conf import settings

from people.two_step import account_facts


def account(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "session_timeout": {
            "seconds": getattr(request, "idle_seconds_left", settings.SESSION_COOKIE_AGE),
            "warning_seconds": min(settings.SESSION_TIMEOUT_WARNING, settings.SESSION_COOKIE_AGE),
        },
        # The same as people.rules.VIEW_PEOPLE, from the facts already read for this request.
        "offer_people_pages": user.is_superuser or account_facts(user).leads_a_body,
    }
