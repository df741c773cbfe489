"""Admin for people's sign-in: single sign-on per body, invitations and leavers (read-only), and on
each person's own page their sign-in status with buttons to unlock or deactivate them.

Deactivating goes through the service page (people:deactivate), which ends sessions and roles;
the admin's own "active" box is read-only so it cannot be ticked off without that.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse

from initiatives.admin import UserAdmin
from initiatives.models import User
from people.leavers.services import person_unlock
from people.lockout import is_locked_out
from people.models import Deactivation, IdentityProvider, Invitation
from people.rules import UNLOCK_PERSON
from people.two_step import has_two_step


@admin.register(IdentityProvider)
class IdentityProviderAdmin(admin.ModelAdmin):
    list_display = ["body", "slug", "issuer", "client_id", "client_secret_variable", "enabled"]
    list_filter = ["enabled"]
    autocomplete_fields = ["body"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Written by the service's own pages, which check and record everything; readable here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ["email", "initiative", "body", "role", "status", "sent_at", "expires_at", "invited_by"]
    list_filter = ["status", "role"]
    search_fields = ["email", "initiative__title"]
    exclude = ["token_hash"]


@admin.register(Deactivation)
class DeactivationAdmin(ReadOnlyAdmin):
    list_display = ["person", "deactivated_at", "deactivated_by", "reason", "reactivated_at"]
    search_fields = ["person__email", "person__full_name"]


class PersonAdmin(UserAdmin):
    change_form_template = "admin/people/person_change_form.html"
    readonly_fields = ["is_active", "sign_in_status", "last_login", "date_joined"]
    actions = ["unlock_sign_in"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None:
            fieldsets.insert(1, ("Sign-in", {"fields": ["sign_in_status"]}))
        return fieldsets

    @admin.display(description="Sign-in status")
    def sign_in_status(self, person: User) -> str:
        parts = ["Deactivated" if not person.is_active else "Active"]
        if is_locked_out(person.email):
            parts.append("locked out after too many failed sign-ins")
        parts.append("two-step verification on" if has_two_step(person) else "no two-step verification")
        return ", ".join(parts)

    def get_urls(self):
        unlock = path("<int:pk>/unlock/", self.admin_site.admin_view(self.unlock_view), name="people_unlock")
        return [unlock, *super().get_urls()]

    def unlock_view(self, request, pk):
        if request.method != "POST":
            return redirect("admin:initiatives_user_change", pk)
        person = get_object_or_404(User, pk=pk)
        if not request.user.has_perm(UNLOCK_PERSON, person):
            raise PermissionDenied
        if person_unlock(person=person, by=request.user):
            self.message_user(request, f"{person} can try signing in again now", messages.SUCCESS)
        else:
            self.message_user(request, f"{person} was not locked out", messages.INFO)
        return redirect("admin:initiatives_user_change", pk)

    @admin.action(description="Unlock sign-in for the selected people")
    def unlock_sign_in(self, request, queryset):
        unlocked = sum(person_unlock(person=person, by=request.user) for person in queryset)
        self.message_user(request, f"{unlocked} locked-out people can try signing in again now")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "unlock_url": reverse("admin:people_unlock", args=[object_id]),
            "person_page_url": reverse("people:person", args=[object_id]),
        }
        return super().change_view(request, object_id, form_url, extra_context)


admin.site.unregister(User)
admin.site.register(User, PersonAdmin)
