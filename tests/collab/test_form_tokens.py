"""One submit, one record: a create form sent twice makes one record and says so."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from collab.confirm import CONFIRMED
from collab.form_tokens import ALREADY_SUBMITTED, TOKEN_FIELD
from collab.models import FormSubmission
from governance.models import DataDefinition, Measure, RaciRow, Risk
from tests.factories import InitiativeRoleFactory, UserFactory
from tests.governance.register_factories import DataDefinitionFactory
from tests.governance.test_register_views import MEASURE_FORM, RISK_FORM

pytestmark = pytest.mark.django_db

TOKEN = "a-one-time-token-0123456789"


def url(name, world, *args):
    return reverse(f"governance:{name}", args=[world.initiative.slug, *args])


def banner(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_create_form_carries_a_one_time_token(client, world):
    client.force_login(world.programme_manager)

    first = client.get(url("risk_create", world)).content.decode()
    second = client.get(url("risk_create", world)).content.decode()

    assert f'name="{TOKEN_FIELD}"' in first
    token = first.split(f'name="{TOKEN_FIELD}" value="')[1].split('"')[0]
    assert len(token) >= 16 and token not in second


def test_the_same_form_sent_twice_makes_one_risk_and_sends_the_second_to_the_first(client, world):
    client.force_login(world.programme_manager)
    form = {**RISK_FORM, TOKEN_FIELD: TOKEN}

    first = client.post(url("risk_create", world), form)
    second = client.post(url("risk_create", world), form)

    risk = Risk.objects.get(initiative=world.initiative)
    assert first.status_code == second.status_code == 302
    assert second.url == first.url == url("risk_detail", world, risk.pk)
    assert ALREADY_SUBMITTED in banner(second)


def test_the_back_button_with_a_fresh_token_and_the_same_answers_makes_nothing_new(client, world):
    client.force_login(world.programme_manager)

    client.post(url("risk_create", world), {**RISK_FORM, TOKEN_FIELD: TOKEN})
    again = client.post(url("risk_create", world), {**RISK_FORM, TOKEN_FIELD: "another-token-9876543210"})

    assert Risk.objects.filter(initiative=world.initiative).count() == 1
    assert ALREADY_SUBMITTED in banner(again)


def test_different_answers_make_a_second_risk(client, world):
    client.force_login(world.programme_manager)

    client.post(url("risk_create", world), {**RISK_FORM, TOKEN_FIELD: TOKEN})
    client.post(url("risk_create", world), {**RISK_FORM, "title": "Another risk", TOKEN_FIELD: "x" * 20})

    assert Risk.objects.filter(initiative=world.initiative).count() == 2


def test_a_form_with_errors_lets_its_token_be_sent_again_once_corrected(client, world):
    client.force_login(world.programme_manager)

    refused = client.post(url("risk_create", world), {**RISK_FORM, "title": "", TOKEN_FIELD: TOKEN})
    accepted = client.post(url("risk_create", world), {**RISK_FORM, TOKEN_FIELD: TOKEN})

    assert refused.status_code == 200 and f'value="{TOKEN}"' in refused.content.decode()
    assert accepted.status_code == 302
    assert Risk.objects.filter(initiative=world.initiative).count() == 1
    assert FormSubmission.objects.get(token=TOKEN).record_url == accepted.url


def test_another_person_sending_the_same_answers_makes_their_own_record(client, world):
    client.force_login(world.programme_manager)
    client.post(url("risk_create", world), {**RISK_FORM, TOKEN_FIELD: TOKEN})
    colleague = UserFactory(bodies=[world.lead_body])
    InitiativeRoleFactory(initiative=world.initiative, user=colleague)
    client.force_login(colleague)

    response = client.post(url("risk_create", world), {**RISK_FORM, TOKEN_FIELD: "y" * 20})

    assert response.status_code == 302
    assert Risk.objects.filter(initiative=world.initiative).count() == 2


@pytest.mark.parametrize(
    ("route", "form", "model"),
    [
        ("measure_create", MEASURE_FORM, Measure),
        ("definition_create", {"term": "Customer", "status": "proposed"}, DataDefinition),
        ("raci_row_add", {"activity": "Approve the budget", "kind": "decision"}, RaciRow),
    ],
)
def test_every_kind_of_create_form_makes_one_record_when_sent_twice(client, world, route, form, model):
    client.force_login(world.programme_manager)

    for _ in range(2):
        client.post(url(route, world), {**form, TOKEN_FIELD: TOKEN})

    assert model.objects.filter(initiative=world.initiative).count() == 1


def test_a_name_taken_since_the_form_was_checked_is_a_form_error_not_a_server_error(client, world):
    """Renaming to a taken name goes through the form's own check; a race goes through the constraint."""
    DataDefinitionFactory(initiative=world.initiative, term="Customer")
    other = DataDefinitionFactory(initiative=world.initiative, term="Client")
    client.force_login(world.programme_manager)

    response = client.post(
        url("definition_edit", world, other.pk), {"term": "Customer", "status": "proposed"}
    )

    assert response.status_code == 200
    assert "“Customer” is already in the glossary" in response.content.decode()


def test_removing_what_a_form_made_and_adding_it_again_is_not_taken_for_a_replay(client, world):
    client.force_login(world.programme_manager)
    row = {"activity": "Approve the budget", "kind": "decision"}
    client.post(url("raci_row_add", world), {**row, TOKEN_FIELD: TOKEN})
    client.post(url("raci_row_remove", world, RaciRow.objects.get().pk), {CONFIRMED: "yes"})

    again = client.post(url("raci_row_add", world), {**row, TOKEN_FIELD: "fresh-token-after-removing"})

    assert again.status_code == 302 and ALREADY_SUBMITTED not in banner(again)
    assert RaciRow.objects.filter(initiative=world.initiative, activity="Approve the budget").count() == 1
