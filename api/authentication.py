"""Bearer personal access tokens: the API's only way in (no session, so no CSRF to think about)."""

from __future__ import annotations

from rest_framework import authentication, exceptions

from api.services import token_for_secret, token_used

REFUSED = "The token is unknown, revoked or expired, or its holder's account is deactivated"


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0].lower() != self.keyword.lower():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Send the header as: Authorization: Bearer <token>")
        token = token_for_secret(header[1])
        if token is None:
            raise exceptions.AuthenticationFailed(REFUSED)
        token_used(token)
        return token.person, token

    def authenticate_header(self, request) -> str:
        # A 401 says how to authenticate, so clients and people know a token is wanted.
        return 'Bearer realm="api"'
