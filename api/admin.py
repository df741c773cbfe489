"""Tokens in the admin: read-only. Each person makes and revokes their own on Your account."""

from django.contrib import admin

from api.models import ApiToken
from collab.service_admin import ReadOnlyAdmin


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = [
        "name",
        "person",
        "prefix",
        "scope",
        "created_at",
        "expires_at",
        "last_used_at",
        "revoked_at",
    ]
    list_filter = ["scope"]
    search_fields = ["name", "person__email", "prefix"]
    list_select_related = ["person"]
    exclude = ["secret_hash"]
