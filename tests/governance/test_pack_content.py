"""Gathering a pack's content: a fixed number of queries, and a fingerprint of the records alone."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.models import Recommendation, Risk
from governance.packs.benchmark import LARGE, SMALL, seed_bench_initiative
from governance.packs.content import content_fingerprint, gather_pack_content
from initiatives.models import Initiative
from tests.governance.pack_records import fill_initiative

pytestmark = pytest.mark.django_db


def queries_to_gather(initiative) -> int:
    with CaptureQueriesContext(connection) as queries:
        gather_pack_content(initiative.pk)
    return len(queries)


def test_a_small_and_a_large_initiative_take_the_same_number_of_queries():
    small = seed_bench_initiative(SMALL, label="Small")
    large = seed_bench_initiative(LARGE, label="Large")

    assert len(gather_pack_content(large.pk)["risks"]) == 300
    # 41 for the sections (one of them the evidence closing recommendations), one per register
    # for the annex of closed and retired records, and six for the complete registers attached as CSV
    # (risks; measures with their readings and benefiting bodies; decisions with their links).
    assert queries_to_gather(small) == queries_to_gather(large) <= 53


def test_an_initiative_with_few_records_takes_no_more_queries_than_a_large_one(world):
    large = seed_bench_initiative(LARGE, label="Large")

    # Fewer when a register is empty: Django skips the prefetches of no records (the measures'
    # readings, the decisions' links) for the complete registers.
    assert queries_to_gather(large) - 3 <= queries_to_gather(world.initiative) <= queries_to_gather(large)


def test_the_content_is_plain_json_and_names_every_record(world):
    fill_initiative(world)

    content = json.loads(json.dumps(gather_pack_content(world.initiative.pk)))

    assert content["initiative"]["classification_label"] == "OFFICIAL-SENSITIVE"
    assert [risk["reference"] for risk in content["risks"]] == ["R001", "R002"]
    assert content["decisions"][0]["trail"][1]["to_label"] == "Approved"
    assert content["measures"][0]["readings"][-1][1] == "24.00"
    assert {m["body"] for m in content["definitions"][1]["meanings"]} == {"DWP", "HMRC"}
    assert content["reviews"][0]["recommendations"][0]["owner_body"] == "HMRC"


def test_the_same_records_give_the_same_fingerprint_at_any_time(world):
    fill_initiative(world)

    assert content_fingerprint(gather_pack_content(world.initiative.pk)) == content_fingerprint(
        gather_pack_content(world.initiative.pk)
    )


@pytest.mark.parametrize(
    "change",
    [
        lambda world: Risk.objects.filter(number=1).update(current_likelihood=5),
        lambda world: Initiative.objects.filter(pk=world.initiative.pk).update(classification="official"),
        lambda world: world.initiative.decisions.update(title="Adopt two formats"),
        lambda world: Recommendation.objects.update(status="proposed_closed"),
    ],
    ids=["a risk score", "the classification", "a decision", "a recommendation's closure"],
)
def test_any_change_to_the_records_changes_the_fingerprint(world, change):
    fill_initiative(world)
    before = content_fingerprint(gather_pack_content(world.initiative.pk))

    change(world)

    assert content_fingerprint(gather_pack_content(world.initiative.pk)) != before
