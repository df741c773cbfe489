"""What a token's scope allows: a read-only token reads, whatever its holder may do on the web."""

from rest_framework import permissions


class TokenScope(permissions.BasePermission):
    message = "This token may only read: create a read-write token to make changes"

    def has_permission(self, request, view) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        return bool(request.auth and request.auth.can_write)
