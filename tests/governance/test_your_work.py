"""Your work on the home page: each kind, for the persona it is for and nobody else, and the page's
query count, which stays the same however many initiatives the person works on."""

import datetime
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from governance.assurance import states as closure
from governance.models import EscalationLevel, Forum, Measure, Risk
from initiatives.models import Participation
from initiatives.your_work import SHOWN_AT_HOME, your_work
from people.models import Invitation
from tests.factories import (
    InitiativeFactory,
    InitiativeRoleFactory,
    ParticipationFactory,
    UserFactory,
    with_two_step,
)
from tests.governance.factories import decision_in, route_to_a_board
from tests.governance.pack_factories import AssuranceReviewFactory, RecommendationFactory
from tests.governance.register_factories import (
    MeasureFactory,
    MeasureReadingFactory,
    RiskActionFactory,
    RiskFactory,
)

pytestmark = pytest.mark.django_db

HOME = "/"
TODAY = datetime.date.today()


def home_of(client, person) -> str:
    client.force_login(person)
    return client.get(HOME).content.decode()


def risk_url(risk) -> str:
    return reverse("governance:risk_detail", kwargs={"slug": risk.initiative.slug, "pk": risk.pk})


def record_stop_doing(world) -> None:
    """The world's bodies have said what they will stop doing, so that kind stays quiet."""
    Participation.objects.filter(initiative=world.initiative).update(stop_doing=["Run our own helpline"])


def invite(world, email="new.person@hmrc.example", **fields) -> Invitation:
    values = {
        "initiative": world.initiative,
        "body": world.partner_body,
        "role": Invitation.Role.MEMBER,
        "invited_by": world.programme_manager,
        "token_hash": email.ljust(64, "x")[:64],
        "expires_at": timezone.now() + datetime.timedelta(days=7),
        **fields,
    }
    return Invitation.objects.create(email=email, **values)


def escalated_risk(world, *, chair, forum_retired=False) -> Risk:
    level = route_to_a_board(world.initiative, chair=chair, stood_down=forum_retired)
    return RiskFactory(
        initiative=world.initiative, title="Registrars cannot staff the service", escalation_level=level
    )


class TestDecisions:
    def test_the_senior_owner_sees_what_awaits_their_decision_with_a_link(self, client, world):
        decision = decision_in(world, "submitted")

        body = home_of(client, world.senior_owner)

        assert "Decisions awaiting you (1)" in body
        assert f'href="{decision.get_absolute_url()}"' in body

    def test_a_decision_decided_since_the_drafter_looked_shows_until_they_open_it(self, client, world):
        decision = decision_in(world, "approved")

        body = home_of(client, world.programme_manager)
        assert "Your decisions decided since you last looked (1)" in body
        assert "Approved by David Okafor" in body

        client.get(decision.get_absolute_url())
        assert "Your decisions decided since you last looked" not in client.get(HOME).content.decode()

    def test_a_deferral_is_news_to_the_drafter_and_nobody_else(self, client, world):
        decision_in(world, "deferred")

        assert "Deferred until" in home_of(client, world.programme_manager)
        assert "decided since you last looked" not in home_of(client, world.partner_member)
        assert "decided since you last looked" not in home_of(client, world.senior_owner)

    def test_a_decision_returned_again_after_the_drafter_looked_is_back_with_them(self, client, world):
        decision = decision_in(world, "returned")
        home_of(client, world.programme_manager)
        client.get(decision.get_absolute_url())

        assert "Decisions back with you (1)" in client.get(HOME).content.decode()


class TestRisks:
    def test_the_owner_sees_a_risk_above_its_threshold_past_its_review_or_without_an_open_action(
        self, client, world
    ):
        owner = world.partner_member
        above = RiskFactory(initiative=world.initiative, owner=owner, current_likelihood=4, current_impact=5)
        overdue = RiskFactory(
            initiative=world.initiative, owner=owner, review_date=TODAY - datetime.timedelta(1)
        )
        unactioned = RiskFactory(initiative=world.initiative, owner=owner)
        quiet = RiskFactory(initiative=world.initiative, owner=owner)
        RiskActionFactory(risk=quiet, owner=owner)
        tolerated = RiskFactory(initiative=world.initiative, owner=owner, treatment=Risk.Treatment.TOLERATE)
        for risk in (above, overdue):
            RiskActionFactory(risk=risk)

        body = home_of(client, owner)

        assert "Risks you own that need attention (3)" in body
        assert "Score 20 is above its escalation threshold of 15" in body
        for risk in (above, overdue, unactioned):
            assert f'href="{risk_url(risk)}"' in body
        assert str(tolerated) not in body
        assert str(quiet) not in body.split("Actions assigned to you")[0]

    def test_actions_assigned_to_the_person_show_with_their_due_dates(self, client, world):
        risk = RiskFactory(initiative=world.initiative)
        RiskActionFactory(risk=risk, owner=world.partner_member, description="Map the HMRC records")
        RiskActionFactory(risk=risk, owner=world.partner_member, description="Done already", status="done")

        body = home_of(client, world.partner_member)

        assert "Actions assigned to you (1)" in body
        assert "Map the HMRC records" in body
        assert f"Due {TODAY + datetime.timedelta(days=14):%-d %B %Y}" in body
        assert "Done already" not in body

    def test_a_risk_escalated_to_a_level_shows_for_its_forums_chair(self, client, world):
        risk = escalated_risk(world, chair=world.senior_owner)

        body = home_of(client, world.senior_owner)

        assert "Risks escalated to you (1)" in body
        assert f'href="{risk_url(risk)}"' in body
        assert "At Programme board (level 2)" in body
        assert "Risks escalated to you" not in home_of(client, world.partner_member)

    def test_nobody_sits_at_a_level_whose_forum_is_stood_down_or_whose_chair_has_left(self, world):
        escalated_risk(world, chair=world.senior_owner, forum_retired=True)
        assert not EscalationLevel.objects.where_person_sits(world.senior_owner).exists()

        leaver = UserFactory(is_active=False, bodies=[world.lead_body])
        Forum.objects.create(
            initiative=world.initiative, name="Board", purpose="risk", cadence="monthly", chair=leaver
        )
        assert not EscalationLevel.objects.where_person_sits(leaver).exists()


class TestMeasures:
    def test_a_reading_is_due_for_the_owner_body_and_the_programme_managers_after_a_period(
        self, client, world
    ):
        due = MeasureFactory(initiative=world.initiative, owner_body=world.partner_body, name="Journey time")
        MeasureReadingFactory(measure=due, taken_on=TODAY - datetime.timedelta(days=40))
        recent = MeasureFactory(
            initiative=world.initiative, owner_body=world.partner_body, name="Rework loops"
        )
        MeasureReadingFactory(measure=recent, taken_on=TODAY - datetime.timedelta(days=3))
        MeasureFactory(
            initiative=world.initiative, name="Weekly calls", frequency="weekly", baseline_date=TODAY
        )

        for person in (world.partner_member, world.programme_manager):
            body = home_of(client, person)
            assert "Measures with a reading due (1)" in body
            assert "Journey time" in body
            assert "Rework loops" not in body
        assert "Measures with a reading due" not in home_of(client, world.senior_owner)

    def test_before_any_reading_the_period_runs_from_the_baseline_date(self, world):
        MeasureFactory(
            initiative=world.initiative, frequency="quarterly", baseline_date=TODAY - datetime.timedelta(100)
        )
        MeasureFactory(
            initiative=world.initiative, frequency="quarterly", baseline_date=TODAY - datetime.timedelta(80)
        )

        assert Measure.objects.reading_due().count() == 1


class TestAssurance:
    def test_the_reviewer_sees_closures_to_confirm_and_the_initiatives_they_assure(self, client, world):
        review = AssuranceReviewFactory(initiative=world.initiative, reviewer=world.assurance_reviewer)
        RecommendationFactory(
            review=review,
            owner_body=world.partner_body,
            text="Agree the data standard",
            status=closure.PROPOSED_CLOSED,
            proposed_by=world.partner_member,
            proposed_at=timezone.now(),
        )

        body = home_of(client, world.assurance_reviewer)

        assert "Recommendations to confirm or reopen (1)" in body
        assert "Initiatives you assure (1)" in body
        assert "Delivery confidence Amber" in body
        assert "Recommendations to confirm or reopen" not in home_of(client, world.partner_member)

    def test_the_owning_body_and_the_programme_manager_see_open_recommendations(self, client, world):
        review = AssuranceReviewFactory(initiative=world.initiative, reviewer=world.assurance_reviewer)
        RecommendationFactory(review=review, owner_body=world.partner_body, text="Publish the route")

        for person in (world.partner_member, world.programme_manager):
            assert "Assurance recommendations to act on (1)" in home_of(client, person)
        assert "Assurance recommendations to act on" not in home_of(client, world.senior_owner)


class TestStopDoingAndInvitations:
    def test_each_body_that_has_not_said_what_it_will_stop_doing_is_listed_for_its_people(
        self, client, world
    ):
        body = home_of(client, world.partner_member)
        assert "“Stop doing” commitments not recorded (1)" in body
        assert f'href="{reverse("initiatives:bodies", kwargs={"slug": world.initiative.slug})}"' in body

        manager = home_of(client, world.programme_manager)
        lead = world.initiative.participations.get(body=world.lead_body)
        edit = reverse(
            "initiatives:participation_edit", kwargs={"slug": world.initiative.slug, "pk": lead.pk}
        )
        assert f'href="{edit}"' in manager

        record_stop_doing(world)
        assert "“Stop doing”" not in home_of(client, world.partner_member)

    def test_pending_invitations_wait_on_the_programme_manager(self, client, world):
        invite(world)
        invite(world, email="old@hmrc.example", status=Invitation.Status.ACCEPTED)

        body = home_of(client, world.programme_manager)

        assert "Invitations not yet accepted (1)" in body
        assert "new.person@hmrc.example" in body
        assert "Invitations not yet accepted" not in home_of(client, world.partner_member)


class TestOutsiders:
    def test_an_outsider_sees_nothing_of_initiatives_their_bodies_are_not_in(self, client, world):
        decision_in(world, "submitted")
        RiskFactory(initiative=world.initiative, owner=world.outsider, current_likelihood=5, current_impact=5)
        RiskActionFactory(risk=RiskFactory(initiative=world.initiative), owner=world.outsider)
        escalated_risk(world, chair=world.outsider)

        body = home_of(client, world.outsider)

        assert "Nothing is waiting for you." in body
        assert world.initiative.title not in body


def loaded_initiative(person, senior_owner, number: int) -> None:
    """An initiative in which `person` has something of every kind to do."""
    initiative = InitiativeFactory(lead_body=person.memberships.get().body, senior_owner=senior_owner)
    ParticipationFactory(initiative=initiative)
    InitiativeRoleFactory(initiative=initiative, user=person)
    InitiativeRoleFactory(initiative=initiative, user=person, role="assurance_reviewer")
    world = SimpleNamespace(
        initiative=initiative, programme_manager=person, partner_body=initiative.lead_body
    )
    for state in ("returned", "approved"):
        decision_in(world, state, title=f"Decision {state}")
    RiskActionFactory(
        risk=RiskFactory(initiative=initiative, owner=person, current_likelihood=5, current_impact=5),
        owner=person,
    )
    escalated_risk(world, chair=person)
    MeasureFactory(initiative=initiative, baseline_date=TODAY - datetime.timedelta(days=60))
    review = AssuranceReviewFactory(initiative=initiative, reviewer=senior_owner)
    RecommendationFactory(review=review, owner_body=initiative.lead_body)
    invite(world, email=f"someone{number}@example.com")


def test_the_home_page_costs_the_same_queries_for_one_initiative_as_for_five(client, world):
    # A reviewer too (of the new initiatives), so signs in with two-step verification.
    person, senior_owner = with_two_step(world.programme_manager), world.senior_owner
    client.force_login(person)

    def cost() -> tuple[int, str]:
        client.get(HOME)
        with CaptureQueriesContext(connection) as queries:
            body = client.get(HOME).content.decode()
        return len(queries), body

    loaded_initiative(person, senior_owner, 1)
    one, body = cost()
    for number in range(2, 6):
        loaded_initiative(person, senior_owner, number)
    five, body = cost()

    assert five == one
    for heading in (
        "Decisions back with you (5)",
        "Your decisions decided since you last looked (5)",
        "Risks escalated to you (5)",
        "Risks you own that need attention (5)",
        "Actions assigned to you (5)",
        "Measures with a reading due (5)",
        "Assurance recommendations to act on (5)",
        "Initiatives you assure (5)",
        "Invitations not yet accepted (5)",
    ):
        assert heading in body


def test_a_long_kind_reads_only_the_rows_the_home_page_shows_and_counts_them_in_the_same_query(world):
    risk = RiskFactory(initiative=world.initiative)
    for number in range(SHOWN_AT_HOME + 3):
        RiskActionFactory(risk=risk, owner=world.partner_member, description=f"Action {number}")

    with CaptureQueriesContext(connection) as queries:
        (actions,) = [kind for kind in your_work(world.partner_member) if kind.key == "actions"]
        shown, count = actions.first_items, actions.count
    reads = [query["sql"] for query in queries if query["sql"].startswith('SELECT "governance_riskaction"')]

    assert (len(shown), count) == (SHOWN_AT_HOME, SHOWN_AT_HOME + 3)
    assert len(reads) == 1
    assert f"LIMIT {SHOWN_AT_HOME}" in reads[0]
