"""Names are unique whatever their capitals, in the database as in the forms.

The forms refuse "customer" when "Customer" is there; the constraints refuse it too, so two
people adding both at once cannot each succeed (tests/governance/test_concurrent_creates.py
races them on PostgreSQL). The migration stops, naming them, if case-duplicates are already stored.
"""

import importlib

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, transaction

from governance.models import DataDefinition, Measure, RaciColumn, RaciRow
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("governance.migrations.0014_case_insensitive_unique_names")


def make(model, world, name):
    initiative = world.initiative
    if model is DataDefinition:
        return DataDefinition.objects.create(initiative=initiative, term=name)
    if model is Measure:
        return Measure.objects.create(initiative=initiative, name=name)
    if model is RaciRow:
        return RaciRow.objects.create(initiative=initiative, activity=name)
    return RaciColumn.objects.create(initiative=initiative, body=world.lead_body, role_name=name)


@pytest.mark.parametrize("model", [DataDefinition, Measure, RaciRow, RaciColumn])
def test_the_database_refuses_a_name_that_differs_only_in_capitals(world, model):
    make(model, world, "Customer")

    with pytest.raises(IntegrityError), transaction.atomic():
        make(model, world, "customer")

    assert model._base_manager.filter(initiative=world.initiative).count() == 1


def test_the_same_name_in_another_initiative_is_allowed(world):
    other = InitiativeFactory()
    DataDefinition.objects.create(initiative=world.initiative, term="Customer")
    DataDefinition.objects.create(initiative=other, term="customer")


def test_the_migration_stops_naming_names_already_stored_in_two_cases(world):
    with connection.cursor() as cursor:
        # As the database stood before this migration: unique only as spelt.
        cursor.execute('DROP INDEX "glossary_terms_unique"')
    customer = make(DataDefinition, world, "Customer")
    lower = make(DataDefinition, world, "customer")
    make(DataDefinition, world, "Claimant")

    with pytest.raises(RuntimeError) as refused:
        migration.refuse_case_duplicates(apps, None)

    message = str(refused.value)
    assert "Rename or withdraw one of each" in message
    assert f"“Customer” (id {customer.pk}), “customer” (id {lower.pk})" in message
    assert "Claimant" not in message


def test_the_migration_passes_a_database_without_case_duplicates(world):
    make(DataDefinition, world, "Customer")
    make(Measure, world, "customer")

    migration.refuse_case_duplicates(apps, None)
