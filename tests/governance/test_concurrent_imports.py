"""Six people importing the same CSV file into one initiative at the same moment, on PostgreSQL.

Imports for one initiative run one at a time (the initiative's row is locked), and each checks
the register only once it holds the lock, so the file's risks are added once, never six times.
"""

import pytest

from governance.models import Risk
from governance.spreadsheets import services
from governance.spreadsheets.registers import REGISTERS
from initiatives.models import InitiativeRole
from tests.concurrency import all_at_once
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


def importers(world):
    people = []
    for number in range(IMPORTS):
        person = UserFactory(email=f"importer{number}@dwp.example", bodies=[world.lead_body])
        InitiativeRoleFactory(
            initiative=world.initiative, user=person, role=InitiativeRole.Role.PROGRAMME_MANAGER
        )
        people.append(person)
    return people


def test_six_simultaneous_imports_of_one_file_add_each_risk_once(world):
    people = importers(world)
    register = REGISTERS["risks"]

    outcomes = all_at_once(
        lambda person: services.import_rows(
            register=register, initiative=world.initiative, rows=ROWS, by=person
        ),
        people,
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

    outcomes = all_at_once(confirm, people)

    stale = [outcome for outcome in outcomes if isinstance(outcome, services.StalePreview)]
    applied = [outcome for outcome in outcomes if isinstance(outcome, services.ImportOutcome)]
    print(f"\n{IMPORTS} simultaneous confirmations: {len(applied)} applied, {len(stale)} refused as stale")
    assert (len(applied), len(stale)) == (1, IMPORTS - 1)
    assert Risk.objects.count() == len(ROWS)
