"""The pack shows open, proposed-closed and closed recommendations apart, with the evidence closing them."""

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from governance.assurance import services
from governance.assurance.states import Move
from governance.models import Recommendation
from governance.packs.content import content_fingerprint, gather_pack_content
from governance.packs.document import pack_document
from governance.packs.rendering import pack_html
from tests.governance.factories import draft
from tests.governance.pack_factories import AssuranceReviewFactory, RecommendationFactory

pytestmark = pytest.mark.django_db

MINUTES = "https://example.gov.uk/board/minutes-march"


@pytest.fixture
def three_recommendations(world):
    """One open, one proposed closed with evidence, one confirmed closed."""
    review = AssuranceReviewFactory(initiative=world.initiative, reviewer=world.assurance_reviewer)
    made = {
        name: RecommendationFactory(review=review, owner_body=world.partner_body, text=name)
        for name in ("Still open", "Awaiting the reviewer", "Done and confirmed")
    }
    decision = draft(world)
    for name in ("Awaiting the reviewer", "Done and confirmed"):
        services.recommendation_propose_closure(
            recommendation=made[name],
            by=world.partner_member,
            evidence=f"Evidence for {name}",
            links=[MINUTES],
            decision=decision,
        )
    services.recommendation_review_closure(
        recommendation=made["Done and confirmed"], by=world.assurance_reviewer, move=Move.CONFIRM
    )
    return made


def document_for(initiative):
    content = gather_pack_content(initiative.pk)
    return pack_document(
        content, version_label="1", generated_at=timezone.now(), fingerprint=content_fingerprint(content)
    )


def texts(items) -> list[str]:
    return [item["text"] for item in items]


def test_the_content_says_where_each_recommendation_stands_and_on_what_evidence(world, three_recommendations):
    [review] = gather_pack_content(world.initiative.pk)["reviews"]
    by_text = {item["text"]: item for item in review["recommendations"]}

    assert {text: item["status"] for text, item in by_text.items()} == {
        "Still open": "open",
        "Awaiting the reviewer": "proposed_closed",
        "Done and confirmed": "closed",
    }
    closed = by_text["Done and confirmed"]
    assert (closed["evidence"], closed["evidence_links"]) == ("Evidence for Done and confirmed", [MINUTES])
    assert (closed["proposed_by"], closed["closed_by"]) == ("Siân Evans", "Ruth Adeyemi")
    assert closed["evidence_decision"].startswith("D001: ")
    assert by_text["Still open"]["evidence"] == ""


def test_a_reopened_recommendation_carries_no_evidence_into_the_pack(world, three_recommendations):
    services.recommendation_review_closure(
        recommendation=three_recommendations["Awaiting the reviewer"],
        by=world.assurance_reviewer,
        move=Move.REOPEN,
        comment="The minutes are a draft.",
    )

    document = document_for(world.initiative)

    assert texts(document.open_recommendations) == ["Still open", "Awaiting the reviewer"]
    assert all(item["evidence"] == "" for item in document.open_recommendations)


def test_the_document_and_its_summary_keep_the_three_apart(world, three_recommendations):
    document = document_for(world.initiative)

    assert texts(document.open_recommendations) == ["Still open"]
    assert texts(document.proposed_closed_recommendations) == ["Awaiting the reviewer"]
    assert texts(document.closed_recommendations) == ["Done and confirmed"]
    line = next(line for line in document.summary if line.area == "Review recommendations")
    assert strip_tags(line.position) == "1 open recommendation; 1 proposed closed, awaiting the reviewer"


def test_the_assurance_section_lists_each_under_its_own_heading(world, three_recommendations):
    html = " ".join(strip_tags(pack_html(document_for(world.initiative))).split())

    open_part = html[
        html.index("Open recommendations") : html.index("Proposed closed, awaiting the reviewer")
    ]
    proposed_part = html[
        html.index("Proposed closed, awaiting the reviewer") : html.index("Closed recommendations")
    ]
    closed_part = html[html.index("Closed recommendations") :]
    assert "Still open" in open_part and "Awaiting the reviewer" not in open_part
    assert "Evidence for Awaiting the reviewer" in proposed_part and MINUTES in proposed_part
    assert "Evidence for Done and confirmed" in closed_part and "Ruth Adeyemi" in closed_part


def test_a_recommendation_marked_done_before_evidence_was_asked_for_shows_as_closed_without_it(world):
    review = AssuranceReviewFactory(initiative=world.initiative, reviewer=world.assurance_reviewer)
    RecommendationFactory(
        review=review,
        owner_body=world.partner_body,
        text="Marked done long ago",
        status=Recommendation.Status.CLOSED,
        closed_by=world.programme_manager,
        closed_at=timezone.now(),
    )

    html = " ".join(strip_tags(pack_html(document_for(world.initiative))).split())

    closed_part = html[html.index("Closed recommendations") :]
    assert "Marked done long ago" in closed_part and "Closed before evidence was asked for" in closed_part
    assert "No recommendation is open." in html
