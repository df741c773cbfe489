"""Twenty people adding the same name at the same moment, on PostgreSQL with real threads.

One record is made; everyone else gets the form back with an error naming the field, and nobody
gets a server error. SQLite serialises every write, so the race needs PostgreSQL.
"""

from collections import Counter

import pytest
from django.test import Client
from django.urls import reverse

from governance.models import DataDefinition, Measure, RaciColumn, RaciRow
from initiatives.models import InitiativeRole
from tests.concurrency import all_at_once
from tests.factories import InitiativeRoleFactory, UserFactory
from tests.governance.test_register_views import MEASURE_FORM

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PEOPLE = 20


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
    """Each person posts `form` (or `form(n)`, for the nth person) from their own browser, all
    released at the same instant."""
    clients = []
    for person in people:
        client = Client(raise_request_exception=False)
        client.force_login(person)
        clients.append(client)

    def post(numbered_client) -> tuple[int, str]:
        number, client = numbered_client
        answers = form(number) if callable(form) else form
        response = client.post(path, {**answers, "form_token": f"token-of-person-{number:04d}"})
        return response.status_code, response.content.decode()

    outcomes = all_at_once(post, enumerate(clients))
    assert [outcome for outcome in outcomes if isinstance(outcome, Exception)] == []
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

    assert_one_made_and_the_rest_told(
        outcomes, model.objects.filter(initiative=world.initiative), error, route
    )


def assert_one_made_and_the_rest_told(outcomes, made, error, label):
    """One record, a form error naming the field for everyone else, and no server error."""
    statuses = Counter(status for status, _ in outcomes)
    errors = sum(1 for status, body in outcomes if status == 200 and error in body)
    created = made.count()
    print(
        f"\n{label}: {PEOPLE} simultaneous posts -> {created} created, {errors} form errors, "
        f"statuses {dict(statuses)}"
    )
    assert len(outcomes) == PEOPLE
    assert created == 1
    assert statuses[302] == 1
    assert errors == PEOPLE - 1
    assert not [status for status in statuses if status >= 500]


def case_variant(name: str, number: int) -> str:
    """The nth way of capitalising `name`: Customer, customer, cUstomer, CUstomer..."""
    letters = [
        letter.upper() if (number >> index) & 1 else letter.lower() for index, letter in enumerate(name)
    ]
    return "".join(letters)


CASE_CASES = [
    ("definition_create", {"status": "proposed"}, "term", DataDefinition, "is already in the glossary"),
    ("measure_create", MEASURE_FORM, "name", Measure, "There is already a measure called"),
    ("raci_row_add", {"kind": "decision"}, "activity", RaciRow, "The matrix already has a row called"),
    ("raci_column_add", {}, "role_name", RaciColumn, "already has a column called"),
]


@pytest.mark.parametrize(
    ("route", "form", "field", "model", "error"), CASE_CASES, ids=[case[0] for case in CASE_CASES]
)
def test_twenty_simultaneous_creates_of_case_variants_of_one_name_make_one_record(
    world, route, form, field, model, error
):
    """The database, not only the form, holds names unique whatever their capitals."""
    people = programme_managers(world, PEOPLE)
    path = reverse(f"governance:{route}", args=[world.initiative.slug])
    if field == "role_name":
        form = {"body": world.lead_body.pk}

    assert len({case_variant("customer", n + 1) for n in range(PEOPLE)}) == PEOPLE

    outcomes = post_all_at_once(people, path, lambda n: {**form, field: case_variant("customer", n + 1)})

    made = model.objects.filter(initiative=world.initiative)
    assert_one_made_and_the_rest_told(outcomes, made, error, f"{route} (case variants)")


def test_twenty_simultaneous_first_escalation_levels_are_numbered_one_to_twenty(world):
    """An empty route has no level to lock: adding to it must still take turns, not clash on level 1."""
    world.initiative.escalation_levels.all().delete()
    people = programme_managers(world, PEOPLE)
    path = reverse("governance:escalation_level_add", args=[world.initiative.slug])

    outcomes = post_all_at_once(
        people, path, lambda n: {"name": f"Level by person {n}", "who": "Board", "threshold": "Over budget"}
    )

    statuses = Counter(status for status, _ in outcomes)
    levels = sorted(world.initiative.escalation_levels.values_list("level", flat=True))
    print(
        f"\nescalation_level_add: {PEOPLE} simultaneous posts -> levels {levels}, statuses {dict(statuses)}"
    )
    assert statuses == {302: PEOPLE}
    assert levels == list(range(1, PEOPLE + 1))
