"""Recommendations closed before and after evidence was asked for: the demo's, and the migrated ones."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from governance.models import Recommendation
from initiatives.models import Initiative

BEFORE = ("governance", "0014_case_insensitive_unique_names")
AFTER = ("governance", "0018_recommendation_closure_with_evidence")


@pytest.mark.django_db
def test_the_demo_has_one_recommendation_closed_on_evidence_and_one_awaiting_the_reviewer():
    call_command("seed_demo")
    initiative = Initiative.objects.get(slug="tell-us-once-bereavement")
    recommendations = Recommendation.objects.of(initiative)

    proposed = recommendations.get(status="proposed_closed")
    closed = recommendations.get(status="closed")
    assert proposed.steps.get().links == ["https://www.legislation.gov.uk/ukpga/2017/30/part/5/chapter/1"]
    assert proposed.proposed_by == initiative.roles.get(role="programme_manager").user
    assert closed.closed_by == closed.review.reviewer
    assert [step.to_status for step in closed.steps.all()] == ["proposed_closed", "closed"]
    assert recommendations.filter(status="open").count() == 3


@pytest.fixture
def latest_migrations_after():
    """Migrations applied after 0018 must be back for the tests that follow on this database."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_a_recommendation_marked_done_is_closed_by_whoever_marked_it(world, latest_migrations_after):
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    old = executor.loader.project_state(BEFORE).apps
    review = old.get_model("governance", "AssuranceReview").objects.create(
        initiative_id=world.initiative.pk,
        review_type="health_check",
        review_date="2026-01-05",
        reviewer_id=world.assurance_reviewer.pk,
        findings="Definitions lag behind delivery.",
        confidence="amber",
    )
    old_recommendation = old.get_model("governance", "Recommendation")
    for status in ("done", "open"):
        old_recommendation.objects.create(
            review_id=review.pk,
            text=f"Marked {status}",
            owner_body_id=world.partner_body.pk,
            due_date="2026-02-01",
            status=status,
            completed_by_id=world.partner_member.pk if status == "done" else None,
        )

    executor = MigrationExecutor(connection)
    executor.migrate([AFTER])

    done, still_open = Recommendation.objects.order_by("text")
    assert (done.status, done.closed_by) == ("closed", world.partner_member)
    assert (still_open.status, still_open.closed_by) == ("open", None)
