"""A rate limit per token (API_RATE_LIMIT), so one busy tool cannot crowd out the others."""

from rest_framework.throttling import SimpleRateThrottle


class PerToken(SimpleRateThrottle):
    scope = "token"

    def get_cache_key(self, request, view) -> str | None:
        if request.auth is None:
            return None  # refused anyway, as unauthenticated
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
