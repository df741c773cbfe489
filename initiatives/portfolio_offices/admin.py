"""Portfolio office grants in Django admin: given and ended through the services, never deleted."""

from django import forms
from django.contrib import admin

from collab.service_admin import ServiceAdmin
from initiatives.portfolio_offices import services
from initiatives.portfolio_offices.models import PortfolioGrant


@admin.register(PortfolioGrant)
class PortfolioGrantAdmin(ServiceAdmin):
    """A grant is given here (leave the body empty for all bodies) and ended here; it is kept."""

    list_display = ["person", "scope", "granted_by", "granted_at", "ended_at"]
    list_filter = ["body"]
    search_fields = ["person__email", "person__full_name", "body__name", "body__short_name"]
    autocomplete_fields = ["person", "body"]
    refusals = (services.GrantRefused,)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["person", "body"]
        return ["person", "body", "granted_by", "granted_at", *(["end"] if obj.is_current else [])]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else ["person", "body", "granted_by", "granted_at"]

    def service_fields(self, obj):
        if obj is None or not obj.is_current:
            return {}
        return {"end": forms.BooleanField(label="End this grant", required=False)}

    def create(self, *, form, by):
        data = form.cleaned_data
        return services.portfolio_grant_give(person=data["person"], body=data["body"], by=by)

    def update(self, *, record, form, by):
        if form.cleaned_data.get("end"):
            return services.portfolio_grant_end(grant=record, by=by)
        return record
