"""Two people asking for the same pack at the same moment get one job (PostgreSQL, two connections)."""

import threading

import pytest
from django.db import connection, connections

from governance.models import GovernancePack
from governance.packs import services
from tests.governance.pack_fixtures import fast_render, private_files  # noqa: F401

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.mark.usefixtures("private_files", "fast_render")
def test_simultaneous_requests_for_the_same_content_make_one_pack(world):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks need PostgreSQL; SQLite serialises writers anyway")
    start = threading.Barrier(4)
    outcomes, errors = [], []

    def ask(user):
        try:
            start.wait()
            outcomes.append(services.pack_request(initiative=world.initiative, by=user))
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    people = [world.programme_manager, world.assurance_reviewer, world.administrator, world.programme_manager]
    threads = [threading.Thread(target=ask, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert errors == []
    assert GovernancePack.objects.count() == 1
    assert {outcome.pack.pk for outcome in outcomes} == {GovernancePack.objects.get().pk}
    assert sum(outcome.created for outcome in outcomes) == 1
