"""The pack's "At a glance" summary and its health check read the same facts, so they cannot disagree."""

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from governance.health.checks import Status
from governance.packs.content import content_fingerprint, gather_pack_content
from governance.packs.document import pack_document
from governance.packs.document.summary import SummaryLine
from tests.governance.register_factories import BodyMeaningFactory, DataDefinitionFactory, RiskFactory

pytestmark = pytest.mark.django_db


def document_for(initiative):
    content = gather_pack_content(initiative.pk)
    return pack_document(
        content, version_label="1", generated_at=timezone.now(), fingerprint=content_fingerprint(content)
    )


def summary(document, area: str):
    """The line as a reader sees it: the figures' markup (data-figure) taken out."""
    line = next(line for line in document.summary if line.area == area)
    return SummaryLine(line.area, strip_tags(line.position), strip_tags(line.attention))


def health(document, key: str):
    return next(item for item in document.health if item.key == key)


def test_a_term_the_bodies_mean_differently_is_disputed_in_the_summary_the_section_and_the_health_check(
    world,
):
    term = DataDefinitionFactory(initiative=world.initiative, term="customer", status="proposed")
    BodyMeaningFactory(definition=term, body=world.lead_body, meaning="A claimant")
    BodyMeaningFactory(definition=term, body=world.partner_body, meaning="A taxpayer")

    document = document_for(world.initiative)

    assert summary(document, "Shared data definitions").attention == "1 disputed"
    assert [d["status_label"] for d in document.definitions] == ["Disputed"]
    assert health(document, "definitions").detail == "1 term disputed"


def test_draft_risks_from_the_checklist_count_in_the_summary_as_in_the_health_check(world):
    RiskFactory(initiative=world.initiative, owner=world.programme_manager, owner_body=world.lead_body)
    RiskFactory(initiative=world.initiative, status="draft")
    RiskFactory(initiative=world.initiative, status="closed")

    document = document_for(world.initiative)

    line = summary(document, "Shared risks")
    assert (line.position, line.attention) == (
        "1 open risk and 1 not yet assessed",
        "1 without a named owner",
    )
    assert health(document, "risks").detail == "1 risk with no owner; 1 risk not yet assessed"
    assert health(document, "risks").status == Status.FAILING


def test_bodies_without_a_stop_doing_commitment_are_named_alike(world):
    document = document_for(world.initiative)

    assert summary(document, "Bodies taking part").attention == "No 'stop doing' commitment from DWP, HMRC"
    assert health(document, "stop_doing").detail == "No commitment from DWP, HMRC"


def test_the_facts_travel_in_the_snapshot_so_a_rebuild_says_the_same(world):
    RiskFactory(initiative=world.initiative, status="draft")
    content = gather_pack_content(world.initiative.pk)

    assert content["facts"]["draft_risks"] == 1
    assert content["facts"]["bodies_without_stop_doing"] == ["DWP", "HMRC"]
