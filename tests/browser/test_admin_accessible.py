"""The Django admin pages administrators use, checked with axe as a superuser: no critical or serious
WCAG 2.2 AA violation on the index, each app's index, or any registered model's list, add and change
pages. One browser page visits them all, so the check stays quick."""

import json

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.browser.conftest import axe_violations, sign_in, watch_for_errors
from tests.governance.pack_records import fill_initiative

pytestmark = pytest.mark.django_db(transaction=True)

BLOCKING = ("critical", "serious")


def admin_pages() -> list[str]:
    """The index, each app's index, and for each registered model its list, its add form and the change
    form of its first record (when it has one)."""
    pages = [reverse("admin:index")]
    apps = sorted({model._meta.app_label for model in admin.site._registry})
    pages += [reverse("admin:app_list", args=[app]) for app in apps]
    for model in sorted(admin.site._registry, key=lambda model: model._meta.label):
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages += [reverse(f"{name}_changelist"), reverse(f"{name}_add")]
        first = model._base_manager.order_by("pk").first()
        if first is not None:
            pages.append(reverse(f"{name}_change", args=[first.pk]))
    return pages


def test_the_admin_pages_have_no_critical_or_serious_violations(browser, live_server, world):
    fill_initiative(world)
    # A page of its own rather than the checked `page` fixture: axe adds a <style> element, which the
    # admin's Content Security Policy refuses (harmlessly), so errors are checked before axe runs.
    page = browser.new_context().new_page()
    page.set_default_timeout(10_000)
    errors = watch_for_errors(page)
    sign_in(page, live_server, world.administrator)
    visited, offenders = 0, {}
    for path in admin_pages():
        response = page.goto(f"{live_server.url}{path}")
        if response.status == 403:
            continue  # an add form for records only the service makes: the admin offers none
        assert response.status == 200, f"{path} answered {response.status}"
        assert errors == [], f"{path}: {errors}"
        visited += 1
        blocking = [violation for violation in axe_violations(page) if violation["impact"] in BLOCKING]
        errors.clear()
        if blocking:
            offenders[path] = blocking
    assert visited > 60, f"only {visited} admin pages answered"
    assert offenders == {}, json.dumps(offenders, indent=2)
