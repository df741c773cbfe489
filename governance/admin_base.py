"""Admin classes the governance domains share."""

from django.contrib import admin


class AppendOnlyAdmin(admin.ModelAdmin):
    """Trails and generated records: readable, never edited by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
