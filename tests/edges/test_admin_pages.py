"""The administrator manages bodies, people and memberships in Django's admin: every admin page opens.

Walks the admin site's own registry, so a model registered later is checked without being named here.
"""

import pytest
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse

from initiatives.models import User

ADMINISTRATOR_EMAIL = "admin@joined-up.example"
REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


@pytest.fixture
def administrator(seed) -> User:
    return User.objects.get(email=ADMINISTRATOR_EMAIL)


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=[m._meta.label for m, _ in REGISTERED])
def test_every_admin_page_of_every_model_opens_for_the_administrator(administrator, model, model_admin):
    client = Client()
    client.force_login(administrator)
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    request = RequestFactory().get("/admin/")
    request.user = administrator
    pages = [reverse(f"{prefix}_changelist")]
    if model_admin.has_add_permission(request):
        pages.append(reverse(f"{prefix}_add"))
    record = model._default_manager.order_by("pk").first()
    if record is not None:
        pages += [
            reverse(f"{prefix}_change", args=[record.pk]),
            reverse(f"{prefix}_history", args=[record.pk]),
        ]

    answers = {page: client.get(page).status_code for page in pages}

    assert answers == dict.fromkeys(pages, 200)


@pytest.mark.parametrize("label", ["initiatives.Body", "initiatives.User", "initiatives.Membership"])
def test_bodies_people_and_memberships_are_managed_in_the_admin_with_demo_records_to_show(seed, label):
    model = next(m for m, _ in REGISTERED if m._meta.label == label)

    assert model._default_manager.exists()
