"""The initiative export: valid against its schema for every demo initiative and a large one, in a
fixed number of queries, stating the facts the governance pack prints."""

import copy
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.export.document import export_document
from governance.health.facts import facts_from_snapshot
from governance.packs.benchmark import LARGE, SMALL, BenchSize, seed_bench_initiative
from governance.packs.content import gather_pack_content
from initiatives.models import Initiative
from tests.governance.export_validation import schema_problems

pytestmark = pytest.mark.django_db

# More of every kind of record than SMALL, to show the query count does not follow the data.
MEDIUM = BenchSize(bodies=5, raci_rows=12, risks=60, measures=8, readings=6, definitions=15, decisions=20)


def queries_to_export(initiative) -> int:
    with CaptureQueriesContext(connection) as queries:
        export_document(initiative)
    return len(queries)


@pytest.fixture
def demo():
    call_command("seed_demo", stdout=io.StringIO())
    return Initiative.objects.order_by("slug")


def test_every_demo_initiatives_export_matches_the_schema(demo):
    documents = {initiative.slug: export_document(initiative) for initiative in demo}

    assert len(documents) == 3
    assert {slug: schema_problems(document) for slug, document in documents.items()} == {
        slug: [] for slug in documents
    }


def test_an_export_that_breaks_the_schema_is_caught(demo):
    document = export_document(demo.get(slug="tell-us-once-bereavement"))
    broken = copy.deepcopy(document)
    broken["risks"][0]["appetite"] = "reckless"
    broken["header"]["generated_at"] = "yesterday"
    broken["measures"][0]["surprise"] = True

    assert len(schema_problems(broken)) == 3


def test_a_large_register_exports_whole_and_matches_the_schema():
    large = seed_bench_initiative(LARGE, label="Large")
    document = export_document(large)

    assert len(document["risks"]) == LARGE.risks
    assert len(document["decisions"]) == LARGE.decisions
    assert schema_problems(document) == []


def test_more_records_take_no_more_queries():
    small = seed_bench_initiative(SMALL, label="Small")
    larger = seed_bench_initiative(MEDIUM, label="Larger")

    assert len(export_document(larger)["risks"]) == MEDIUM.risks
    assert queries_to_export(small) == queries_to_export(larger) <= 50


def test_the_export_states_the_facts_the_pack_prints(demo):
    for initiative in demo:
        document = export_document(initiative)
        pack = gather_pack_content(initiative.pk)
        facts = facts_from_snapshot(pack["facts"])

        assert document["health"]["figures"] == facts.figures()
        assert [(c["key"], c["status"], c["detail"]) for c in document["health"]["checks"]] == [
            (item.key, item.status.value, item.detail) for item in facts.checks
        ]
        assert [r["reference"] for r in document["risks"]] == [r["reference"] for r in pack["risks"]]
        assert [(r["status"], r["assessed"]) for r in document["risks"]] == [
            (r["status"], r["assessed"]) for r in pack["risks"]
        ]
        assert [(d["reference"], d["status"], len(d["trail"])) for d in document["decisions"]] == [
            (d["reference"], d["status"], len(d["trail"])) for d in pack["decisions"]
        ]
        assert [(m["name"], len(m["readings"])) for m in document["measures"]] == [
            (m["name"], len(m["readings"])) for m in pack["measures"]
        ]
        assert [(t["term"], t["status"]) for t in document["glossary"]] == [
            (t["term"], t["status"]) for t in pack["definitions"]
        ]
        assert sorted(f["name"] for f in document["forums"]) == sorted(f["name"] for f in pack["forums"])
        assert [row["activity"] for row in document["raci"]["rows"]] == [
            row["activity"] for row in pack["raci"]["rows"]
        ]
        assert [sorted(c["value"] for c in row["cells"]) for row in document["raci"]["rows"]] == [
            sorted(row["cells"].values()) for row in pack["raci"]["rows"]
        ]
        assert [b["short_name"] for b in document["bodies"]] == [b["short_name"] for b in pack["bodies"]]
        assert [a["title"] for a in document["data_sharing_agreements"]] == [
            a["title"] for a in pack["data_sharing_agreements"]
        ]
        assert [
            [r["status"] for r in review["recommendations"]] for review in document["assurance_reviews"]
        ] == [[r["status"] for r in review["recommendations"]] for review in pack["reviews"]]
        assert sorted(r["label"] for r in document["retired_records"]) == sorted(
            r["label"] for r in pack["retired"]
        )


def test_the_demo_export_names_records_by_reference_and_stored_value(demo):
    document = export_document(demo.get(slug="tell-us-once-bereavement"))

    assert document["header"]["schema"] == "/api/v1/schemas/initiative-export.json"
    assert document["initiative"]["operating_model"] == "lead_department"
    assert document["risks"][0]["reference"] == "R001"
    assert {risk["appetite"] for risk in document["risks"]} <= {
        None,
        "averse",
        "minimal",
        "cautious",
        "open",
        "eager",
    }
    assert document["retired_records"], "the demo retires records, which the pack's annex lists"
