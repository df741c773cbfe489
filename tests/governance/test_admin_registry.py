"""Every model in the admin keeps the service's rules: its writes go through a service, or it is read-only.

Walks the admin site's registry, so a model registered later must take a side to pass.
"""

import pytest
from django.contrib import admin
from django.test import RequestFactory

from collab.service_admin import ReadOnlyInline, ServiceAdmin
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# No pages of their own: the admin is where the administrator manages them (people are not deleted).
MANAGED_IN_THE_ADMIN = {"initiatives.User", "initiatives.Body", "initiatives.Membership"}
# Trails, generated records and records only their author changes, on the service.
READ_ONLY = {
    "governance.AssuranceReview",
    "governance.BodyMeaning",
    "governance.Decision",
    "governance.DecisionTransition",
    "governance.Escalation",
    "governance.GovernancePack",
    "governance.RaciCell",
    "governance.Recommendation",
    "governance.RiskScoreChange",
    "initiatives.Assessment",
}
# The writes each offers, every one through the service the pages use.
THROUGH_SERVICES = {
    "governance.DataDefinition": {"add", "change"},
    "governance.DataSharingAgreement": {"add", "change"},
    "governance.EscalationLevel": {"add", "change", "delete"},
    "governance.Forum": {"add", "change"},
    "governance.Measure": {"add", "change"},
    "governance.MeasureReading": {"add", "delete"},
    "governance.RaciColumn": {"add", "change", "delete"},
    "governance.RaciRow": {"add", "change", "delete"},
    "governance.Risk": {"change"},
    "governance.RiskAction": {"add", "delete"},
    "initiatives.Initiative": {"change"},
    "initiatives.InitiativeRole": {"add", "delete"},
    "initiatives.Participation": {"add", "change", "delete"},
    "initiatives.PortfolioGrant": {"add", "change"},
}


def writes_offered(model_admin, request) -> set[str]:
    offered = {
        "add": model_admin.has_add_permission(request),
        "change": model_admin.has_change_permission(request),
        "delete": model_admin.has_delete_permission(request),
    }
    return {write for write, allowed in offered.items() if allowed}


@pytest.fixture
def administrator_request():
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    return request


def test_each_model_is_read_only_goes_through_its_services_or_is_managed_in_the_admin(administrator_request):
    registered = {model._meta.label: model_admin for model, model_admin in admin.site._registry.items()}
    ours = {
        label: model_admin
        for label, model_admin in registered.items()
        if label.split(".")[0] in ("governance", "initiatives")
    }

    read_only = {
        label for label, model_admin in ours.items() if not writes_offered(model_admin, administrator_request)
    }
    through_services = {
        label: writes_offered(model_admin, administrator_request)
        for label, model_admin in ours.items()
        if isinstance(model_admin, ServiceAdmin) and label not in read_only
    }

    assert read_only == READ_ONLY
    assert through_services == THROUGH_SERVICES
    assert set(ours) == READ_ONLY | set(THROUGH_SERVICES) | MANAGED_IN_THE_ADMIN


def test_inlines_on_an_admin_that_writes_through_services_only_list_their_records():
    service_admins = [
        model_admin for model_admin in admin.site._registry.values() if isinstance(model_admin, ServiceAdmin)
    ]

    inlines = [inline for model_admin in service_admins for inline in model_admin.inlines]

    assert inlines
    assert all(issubclass(inline, ReadOnlyInline) for inline in inlines)


def test_no_admin_that_writes_through_services_offers_bulk_delete(administrator_request):
    service_admins = [
        model_admin for model_admin in admin.site._registry.values() if isinstance(model_admin, ServiceAdmin)
    ]

    offering = [
        type(model_admin).__name__
        for model_admin in service_admins
        if "delete_selected" in model_admin.get_actions(administrator_request)
    ]

    assert offering == []
