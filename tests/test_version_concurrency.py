"""Twenty people save the same record from the same version at the same moment, on PostgreSQL.

Each save runs in its own thread, on its own connection, through the edit page as a browser
posts it. Exactly one is saved; the other nineteen are refused with the stale-edit page, and
the record holds the one saved change. SQLite writes one at a time, so only PostgreSQL shows
that the version check holds when saves really interleave.
"""

import pytest

from governance.models import RaciCell
from tests.concurrency import all_at_once
from tests.edit_versions import RECORD_TYPES
from tests.governance.factories import complete_two_row_matrix
from tests.governance.test_raci_matrix_versions import cell, opened
from tests.governance.test_raci_matrix_versions import url as matrix_url
from tests.test_edit_versions import edit_form, signed_in

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
SAVES = 20


def save_all_at_once(posts) -> list[int | str]:
    """Post each (client, url, data) in its own thread, released together; their status codes."""
    outcomes = all_at_once(lambda post: post[0].post(post[1], post[2]).status_code, posts, timeout=120)
    # An error is reported in the assertion, not lost with the thread.
    return [repr(outcome) if isinstance(outcome, Exception) else outcome for outcome in outcomes]


@pytest.mark.parametrize("kind", RECORD_TYPES, ids=lambda kind: kind.name)
def test_twenty_saves_from_one_version_save_one_and_refuse_nineteen(world, kind):
    record = kind.make(world)
    url = kind.edit_url(world, record)
    person = kind.people(world)[0]
    # Each person types a different text, so the saved one is known.
    field, value = kind.second if kind.first[1].isdigit() else kind.first
    posts = []
    for index in range(SAVES):
        client = signed_in(person)
        form = edit_form(client, url)
        posts.append((client, url, {**form, field: [f"{value} {index}"]}))
    assert len({tuple(data["version"]) for _, _, data in posts}) == 1

    statuses = save_all_at_once(posts)

    print(
        f"\n{kind.name}: {SAVES} simultaneous saves from one version: "
        f"{statuses.count(302)} saved, {statuses.count(409)} refused as stale"
    )
    assert sorted(statuses, key=str) == [302] + [409] * (SAVES - 1)
    record.refresh_from_db()
    assert value in str(getattr(record, field))


def test_twenty_saves_of_one_raci_cell_from_one_version_save_one_and_refuse_nineteen(world):
    """The RACI matrix is versioned per row (governance/raci/versions.py): the same swap of one row's
    letters, posted twenty times from one version, is saved once; the others see that row changed."""
    first, _, dwp, hmrc = complete_two_row_matrix(world)
    url = matrix_url(world)
    posts = []
    for _ in range(SAVES):
        client, form = opened(world, world.programme_manager)
        posts.append((client, url, {**form, cell(first, dwp): "R", cell(first, hmrc): "A"}))
    assert len({data[f"version-{first.pk}"] for _, _, data in posts}) == 1

    statuses = save_all_at_once(posts)

    print(
        f"\nRACI matrix: {SAVES} simultaneous saves of one row from one version: "
        f"{statuses.count(302)} saved, {statuses.count(409)} refused as stale"
    )
    assert sorted(statuses, key=str) == [302] + [409] * (SAVES - 1)
    assert RaciCell.objects.get(row=first, column=dwp).value == "R"
