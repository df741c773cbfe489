"""Twenty people adding the same name at the same moment, on PostgreSQL with real threads.

One record is made; everyone else gets the form back with an error naming the field, and nobody
gets a server error. SQLite serialises every write, so the race needs PostgreSQL.
"""

import threading
from collections import Counter

import pytest
from django.db import close_old_connections, connection
from django.test import Client
from django.urls import reverse

from governance.models import DataDefinition, Measure, RaciRow
from initiatives.models import InitiativeRole
from tests.factories import InitiativeRoleFactory, UserFactory
from tests.governance.test_register_views import MEASURE_FORM

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PEOPLE = 20


@pytest.fixture(autouse=True)
def _needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (real concurrent connections); CI runs it")


def programme_managers(world, count):
    people = []
    for number in range(count):
        person = UserFactory(email=f"pm{number}@dwp.example", bodies=[world.lead_body])
        InitiativeRoleFactory(
            initiative=world.initiative, user=person, role=InitiativeRole.Role.PROGRAMME_MANAGER
        )
        people.append(person)
    return people


def post_all_at_once(people, path, form):
    """Each person posts `form` from their own browser, all released at the same instant."""
    clients = []
    for person in people:
        client = Client(raise_request_exception=False)
        client.force_login(person)
        clients.append(client)
    start = threading.Barrier(len(clients))
    outcomes: list[tuple[int, str]] = []

    def post(client, number):
        try:
            start.wait(10)
            response = client.post(path, {**form, "form_token": f"token-of-person-{number:04d}"})
            outcomes.append((response.status_code, response.content.decode()))
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(client, n)) for n, client in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    close_old_connections()
    return outcomes


CASES = [
    (
        "definition_create",
        {"term": "Customer", "status": "proposed"},
        DataDefinition,
        "is already in the glossary",
    ),
    ("measure_create", MEASURE_FORM, Measure, "There is already a measure called"),
    (
        "raci_row_add",
        {"activity": "Approve the budget", "kind": "decision"},
        RaciRow,
        "The matrix already has a row called",
    ),
]


@pytest.mark.parametrize(("route", "form", "model", "error"), CASES, ids=[case[0] for case in CASES])
def test_twenty_simultaneous_creates_of_one_name_make_one_record_and_nineteen_form_errors(
    world, route, form, model, error
):
    people = programme_managers(world, PEOPLE)
    path = reverse(f"governance:{route}", args=[world.initiative.slug])

    outcomes = post_all_at_once(people, path, form)

    statuses = Counter(status for status, _ in outcomes)
    errors = sum(1 for status, body in outcomes if status == 200 and error in body)
    created = model.objects.filter(initiative=world.initiative).count()
    print(
        f"\n{route}: {PEOPLE} simultaneous posts -> {created} created, {errors} form errors, "
        f"statuses {dict(statuses)}"
    )
    assert len(outcomes) == PEOPLE
    assert created == 1
    assert statuses[302] == 1
    assert errors == PEOPLE - 1
    assert not [status for status in statuses if status >= 500]
