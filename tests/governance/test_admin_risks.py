"""Risk scores changed in Django admin are kept in the score history, as on the register pages."""

import pytest
from django.urls import reverse

from governance.models import Risk
from tests.governance.register_factories import RiskFactory

pytestmark = pytest.mark.django_db


def change_form_data(client, risk: Risk) -> dict:
    """What the admin change page would post back untouched."""
    form = client.get(reverse("admin:governance_risk_change", args=[risk.pk])).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    return {name: "" if value is None else value for name, value in data.items() if value is not False}


def current_history(risk: Risk) -> list:
    return list(
        risk.score_changes.filter(position="current").values_list(
            "old_likelihood", "old_impact", "new_likelihood", "new_impact", "changed_by__email"
        )
    )


def test_a_score_changed_in_admin_is_kept_in_the_history_with_who_changed_it(client, world):
    risk = RiskFactory(initiative=world.initiative, created_by=world.programme_manager)  # current 3 x 3
    client.force_login(world.administrator)

    response = client.post(
        reverse("admin:governance_risk_change", args=[risk.pk]),
        {**change_form_data(client, risk), "current_likelihood": "4"},
    )

    assert response.status_code == 302
    risk.refresh_from_db()
    assert risk.current_likelihood == 4
    assert current_history(risk) == [(3, 3, 4, 3, "admin@joined-up.example")]


def test_reverting_a_risk_from_its_admin_history_keeps_the_score_change_too(client, world):
    risk = RiskFactory(initiative=world.initiative, created_by=world.programme_manager)
    first_version = risk.history.earliest()
    client.force_login(world.administrator)
    client.post(
        reverse("admin:governance_risk_change", args=[risk.pk]),
        {**change_form_data(client, risk), "current_likelihood": "4"},
    )

    revert_url = reverse("admin:governance_risk_simple_history", args=[risk.pk, first_version.history_id])
    form = client.get(revert_url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    client.post(revert_url, {k: "" if v is None else v for k, v in data.items() if v is not False})

    risk.refresh_from_db()
    assert risk.current_likelihood == 3
    assert [row[:4] for row in current_history(risk)] == [(3, 3, 4, 3), (4, 3, 3, 3)]


def test_risks_are_not_added_in_admin_but_on_the_register(client, world):
    client.force_login(world.administrator)

    assert client.get(reverse("admin:governance_risk_add")).status_code == 403
