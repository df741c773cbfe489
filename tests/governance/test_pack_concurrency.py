"""Two people asking for the same pack at the same moment get one job (PostgreSQL, two connections)."""

import pytest

from governance.models import GovernancePack
from governance.packs import services
from tests.concurrency import all_at_once
from tests.governance.pack_fixtures import fast_render, private_files  # noqa: F401

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.mark.usefixtures("private_files", "fast_render")
def test_simultaneous_requests_for_the_same_content_make_one_pack(world):
    people = [world.programme_manager, world.assurance_reviewer, world.administrator, world.programme_manager]

    outcomes = all_at_once(lambda user: services.pack_request(initiative=world.initiative, by=user), people)

    assert [outcome for outcome in outcomes if isinstance(outcome, Exception)] == []
    assert GovernancePack.objects.count() == 1
    assert {outcome.pack.pk for outcome in outcomes} == {GovernancePack.objects.get().pk}
    assert sum(outcome.created for outcome in outcomes) == 1
