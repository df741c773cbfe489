"""Administration of people, bodies, memberships and initiatives.

Bodies, people and memberships have no pages of their own: the admin is where they are managed.
Initiatives, the bodies taking part and the team are changed through initiatives.services, as on
the initiative's pages, or not at all here.
"""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from collab.govuk_forms import LinesField
from collab.service_admin import LabelledTabularInline, ReadOnlyAdmin, ReadOnlyInline, ServiceAdmin
from initiatives import services
from initiatives.accountability import SENIOR_OWNER, reason_field
from initiatives.departures import BodyStillNeeded
from initiatives.forms import InitiativeEditForm, ask_why_senior_owner_changes
from initiatives.models import (
    Assessment,
    Body,
    Initiative,
    InitiativeRole,
    Membership,
    Participation,
    User,
    ValueArea,
)
from initiatives.portfolio_offices import admin as portfolio_offices_admin  # noqa: F401  (registers the grants)


class MembershipInline(LabelledTabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["body"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """People are added and changed here; they are never deleted.

    Someone who leaves is made inactive (untick "Active"): they can no longer sign in, and every
    trail, history and register still says who did what. Deleting them would also quietly un-name
    them as senior owner, RACI holder or risk owner, without the services' checks.
    """

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

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Body)
class BodyAdmin(SimpleHistoryAdmin):
    """Managed here. A body taking part in an initiative, or named on its records, cannot be deleted."""

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


class ParticipationInline(ReadOnlyInline, admin.TabularInline):
    model = Participation
    fields = readonly_fields = ["body", "role", "stop_doing"]


class InitiativeRoleInline(ReadOnlyInline, admin.TabularInline):
    model = InitiativeRole
    fk_name = "initiative"
    fields = readonly_fields = ["user", "role", "assigned_by", "assigned_at"]


class InitiativeAdminForm(forms.ModelForm):
    value_areas = forms.MultipleChoiceField(choices=ValueArea.choices, widget=forms.CheckboxSelectMultiple)
    senior_owner_decision_rights = LinesField(
        label="Decisions the senior owner may take", help_text="One decision right per line."
    )

    class Meta:
        model = Initiative
        fields = [*InitiativeEditForm.Meta.fields, "lead_body"]
        help_texts = {
            "lead_body": "One of the bodies taking part. It takes the lead role; the previous lead becomes "
            "a partner.",
            "senior_owner": "An active member of a body taking part. They are emailed when named.",
        }

    senior_owner_change_reason = reason_field(SENIOR_OWNER)

    def clean(self):
        return ask_why_senior_owner_changes(self, super().clean())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_body"].queryset = Body.objects.taking_part_in(self.instance).order_by("name")
        self.fields["senior_owner"].queryset = (
            User.objects.working_on(self.instance).with_bodies().order_by("full_name")
        )


@admin.register(Initiative)
class InitiativeAdmin(ServiceAdmin):
    """Changes go through initiative_update, so a newly named senior owner is emailed as on the page.

    Initiatives are started on the service, where the creator's body leads and the creator
    manages; they are closed (status), never deleted, so their decision trail is kept. The bodies
    taking part and the team are changed on their own admin pages.
    """

    form = InitiativeAdminForm
    list_display = ["title", "lead_body", "status", "senior_owner", "operating_model"]
    list_filter = ["status", "operating_model", "lead_body"]
    search_fields = ["title", "slug"]
    readonly_fields = ["slug", "operating_model", "created_by", "created_at", "updated_at"]
    inlines = [ParticipationInline, InitiativeRoleInline]
    refusals = (services.LeadBodyNotTakingPart,)

    def update(self, *, record, form, by):
        data = form.cleaned_data
        initiative = services.initiative_update(
            initiative=record,
            by=by,
            **self.form_values(form, leave_out=("lead_body",)),
        )
        if data["lead_body"].pk != initiative.lead_body_id:
            services.initiative_lead_body_change(initiative=initiative, lead_body=data["lead_body"], by=by)
        return initiative


class ParticipationAdminForm(forms.ModelForm):
    stop_doing = LinesField(label="What this body will stop doing", help_text="One commitment per line.")

    class Meta:
        model = Participation
        fields = ["initiative", "body", "role", "stop_doing"]


@admin.register(Participation)
class ParticipationAdmin(ServiceAdmin):
    """A body taking part: added, changed and removed through the initiative's services.

    Removing runs participation_remove, with every departure step (its RACI columns go with it),
    and is refused with the reason, nothing removed, for the lead body or a body a step still needs.
    """

    form = ParticipationAdminForm
    list_display = ["initiative", "body", "role"]
    list_filter = ["role", "body"]
    search_fields = ["initiative__title", "body__name", "body__short_name"]
    autocomplete_fields = ["initiative", "body"]
    refusals = (BodyStillNeeded,)

    def get_fields(self, request, obj=None):
        return ["initiative", "body", "role", "stop_doing"] if obj else ["initiative", "body", "role"]

    def get_readonly_fields(self, request, obj=None):
        return ["initiative", "body"] if obj else []

    def create(self, *, form, by):
        data = form.cleaned_data
        return services.participation_add(
            initiative=data["initiative"], body=data["body"], role=data["role"], by=by
        )

    def update(self, *, record, form, by):
        data = form.cleaned_data
        return services.participation_update(
            participation=record, role=data["role"], stop_doing=data["stop_doing"], by=by
        )

    def remove(self, *, record, by):
        services.participation_remove(participation=record, by=by)


class InitiativeRoleAdminForm(forms.ModelForm):
    class Meta:
        model = InitiativeRole
        fields = ["initiative", "user"]
        labels = {"user": "Programme manager"}

    def clean(self):
        """Whom the team page offers: an active member of a body taking part, not already managing it."""
        cleaned = super().clean()
        initiative, user = cleaned.get("initiative"), cleaned.get("user")
        if initiative is None or user is None:
            return cleaned
        if not User.objects.working_on(initiative).filter(pk=user.pk).exists():
            self.add_error("user", f"Choose an active member of a body taking part in {initiative}")
        elif initiative.roles.filter(user=user, role=InitiativeRole.Role.PROGRAMME_MANAGER).exists():
            self.add_error("user", f"{user} is already a programme manager of {initiative}")
        return cleaned


@admin.register(InitiativeRole)
class InitiativeRoleAdmin(ServiceAdmin):
    """Programme managers are named here through role_assign and removed through role_remove.

    Assurance reviewers are assigned on the initiative's assurance page, which checks they are
    in the Assurance reviewers group; they can be removed here. An assignment is never changed
    in place: remove it and assign again, as on the team page.
    """

    form = InitiativeRoleAdminForm
    list_display = ["initiative", "user", "role", "assigned_at"]
    list_filter = ["role"]
    autocomplete_fields = ["initiative", "user"]

    def create(self, *, form, by):
        return services.role_assign(
            initiative=form.cleaned_data["initiative"],
            user=form.cleaned_data["user"],
            role=InitiativeRole.Role.PROGRAMME_MANAGER,
            by=by,
        )

    def remove(self, *, record, by):
        services.role_remove(assignment=record, by=by)


@admin.register(Assessment)
class AssessmentAdmin(ReadOnlyAdmin):
    """Assessments are an immutable record: readable here, never changed."""

    list_display = ["initiative", "number", "recommended_model", "chosen_model", "created_by", "created_at"]
    list_filter = ["recommended_model", "chosen_model"]
