from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from initiatives.models import Assessment, Body, Initiative, InitiativeRole, Membership, Participation, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["body"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_active", "is_staff", "is_superuser", "last_login"]
    search_fields = ["email", "full_name"]
    list_filter = ["is_active", "is_staff", "is_superuser", "memberships__body"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Person", {"fields": ["full_name"]}),
        ("Access", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]})
    ]


@admin.register(Body)
class BodyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "nation"]
    list_filter = ["kind", "nation"]
    search_fields = ["name", "short_name"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "body", "job_title"]
    list_filter = ["body"]
    search_fields = ["user__email", "user__full_name", "body__name"]
    autocomplete_fields = ["user", "body"]


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 1
    autocomplete_fields = ["body"]


class InitiativeRoleInline(admin.TabularInline):
    model = InitiativeRole
    fk_name = "initiative"
    extra = 1
    autocomplete_fields = ["user"]
    exclude = ["assigned_by"]


@admin.register(Initiative)
class InitiativeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "lead_body", "status", "senior_owner", "operating_model"]
    list_filter = ["status", "operating_model", "lead_body"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["lead_body", "senior_owner"]
    readonly_fields = ["created_by", "created_at", "updated_at"]
    inlines = [ParticipationInline, InitiativeRoleInline]


@admin.register(InitiativeRole)
class InitiativeRoleAdmin(SimpleHistoryAdmin):
    list_display = ["initiative", "user", "role", "assigned_at"]
    list_filter = ["role"]
    autocomplete_fields = ["initiative", "user"]
    exclude = ["assigned_by"]


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    """Assessments are an immutable record: readable here, never changed."""

    list_display = ["initiative", "number", "recommended_model", "chosen_model", "created_by", "created_at"]
    list_filter = ["recommended_model", "chosen_model"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
