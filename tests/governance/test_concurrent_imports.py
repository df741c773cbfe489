"""Six people importing the same CSV file into one initiative at the same moment, on PostgreSQL.

Imports for one initiative run one at a time (the initiative's row is locked), and each checks
the register only once it holds the lock, so the file's risks are added once, never six times.
"""

import threading

import pytest
from django.db import close_old_connections, connection

from governance.models import Risk
from governance.spreadsheets import services
from governance.spreadsheets.registers import REGISTERS
from initiatives.models import InitiativeRole
from tests.factories import InitiativeRoleFactory, UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

IMPORTS = 6
ROWS = [
    (
        number,
        {
            "title": title,
            "category": "Operations",
            "is_joint": "yes",
            "inherent_likelihood": "4",
            "inherent_impact": "4",
            "current_likelihood": "3",
            "current_impact": "3",
            "target_likelihood": "2",
            "target_impact": "2",
            "appetite": "Cautious",
            "treatment": "Treat",
        },
    )
    for number, title in enumerate(["Families asked twice", "Funding ends early", "Staff turnover"], start=2)
]


@pytest.fixture(autouse=True)
def _needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (real concurrent connections); CI runs it")


def importers(world):
    people = []
    for number in range(IMPORTS):
        person = UserFactory(email=f"importer{number}@dwp.example", bodies=[world.lead_body])
        InitiativeRoleFactory(
            initiative=world.initiative, user=person, role=InitiativeRole.Role.PROGRAMME_MANAGER
        )
        people.append(person)
    return people


def all_at_once(people, work):
    start = threading.Barrier(len(people))
    outcomes = []

    def run(person):
        try:
            start.wait(10)
            outcomes.append(work(person))
        except Exception as error:
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    close_old_connections()
    return outcomes


def test_six_simultaneous_imports_of_one_file_add_each_risk_once(world):
    people = importers(world)
    register = REGISTERS["risks"]

    outcomes = all_at_once(
        people,
        lambda person: services.import_rows(
            register=register, initiative=world.initiative, rows=ROWS, by=person
        ),
    )

    added = sorted(outcome.added for outcome in outcomes)
    print(
        f"\n{IMPORTS} simultaneous imports of {len(ROWS)} rows: added per import {added}, "
        f"risks {Risk.objects.count()}"
    )
    assert not [outcome for outcome in outcomes if isinstance(outcome, Exception)]
    assert added == [0] * (IMPORTS - 1) + [len(ROWS)]
    assert sorted(Risk.objects.values_list("title", flat=True)) == sorted(cells["title"] for _, cells in ROWS)
    assert sorted(Risk.objects.values_list("number", flat=True)) == [1, 2, 3]


def test_six_simultaneous_confirmations_of_one_preview_apply_it_once_and_refuse_the_rest(world):
    people = importers(world)
    register = REGISTERS["risks"]
    planned, _errors = services.import_plan(register=register, initiative=world.initiative, rows=ROWS)

    def confirm(person):
        return services.import_rows(
            register=register, initiative=world.initiative, rows=ROWS, by=person, previewed=planned.digest
        )

    outcomes = all_at_once(people, confirm)

    stale = [outcome for outcome in outcomes if isinstance(outcome, services.StalePreview)]
    applied = [outcome for outcome in outcomes if isinstance(outcome, services.ImportOutcome)]
    print(f"\n{IMPORTS} simultaneous confirmations: {len(applied)} applied, {len(stale)} refused as stale")
    assert (len(applied), len(stale)) == (1, IMPORTS - 1)
    assert Risk.objects.count() == len(ROWS)
