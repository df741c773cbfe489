"""Who is emailed about risks, actions, reviews, readings, returned decisions and recommendations."""

import datetime

import pytest
from django.core import mail

from governance.assurance import services as assurance_services
from governance.forums.escalation import escalation_raise, people_at_level
from governance.reminders.tasks import send_due_reminders
from governance.risks import services as risk_services
from initiatives.models import InitiativeRole
from people.account.services import email_preferences_update
from people.models import EmailKind, Notification
from tests.factories import InitiativeRoleFactory, UserFactory
from tests.governance.factories import EscalationLevelFactory, ForumFactory, decision_in
from tests.governance.pack_factories import AssuranceReviewFactory, RecommendationFactory
from tests.governance.register_factories import (
    DataSharingAgreementFactory,
    MeasureFactory,
    MeasureReadingFactory,
    RiskActionFactory,
    RiskFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def choose(person, kind, frequency):
    email_preferences_update(person=person, frequencies={kind: frequency}, by=person)


@pytest.fixture
def chair(world):
    return UserFactory(email="chair@dwp.example", full_name="Grace Chair", bodies=[world.lead_body])


@pytest.fixture
def route(world, chair):
    forum = ForumFactory(initiative=world.initiative, name="Programme board", chair=chair)
    return [
        EscalationLevelFactory(initiative=world.initiative, level=1, name="Workstream leads"),
        EscalationLevelFactory(initiative=world.initiative, level=2, name="Programme board", forum=forum),
    ]


class TestEscalation:
    def test_the_people_at_the_level_and_the_senior_owner_are_emailed(
        self, world, chair, route, django_capture_on_commit_callbacks
    ):
        risk = RiskFactory(initiative=world.initiative, number=1, title="Councils cannot receive notices")

        with django_capture_on_commit_callbacks(execute=True):
            escalation_raise(
                initiative=world.initiative, risk=risk, reason="Score 16", by=world.programme_manager
            )

        assert sorted(m.to[0] for m in mail.outbox) == ["chair@dwp.example", "sro@dwp.example"]
        email = to("chair@dwp.example")[0]
        assert (
            email.subject
            == "Risk R001 escalated to Programme board (level 2): Councils cannot receive notices"
        )
        assert "Priya Shah escalated risk R001" in email.body and "Score 16" in email.body
        assert f"/initiatives/tell-us-once/risks/{risk.pk}/" in email.body

    def test_nobody_is_told_of_what_they_did_themselves(
        self, world, route, django_capture_on_commit_callbacks
    ):
        risk = RiskFactory(initiative=world.initiative)

        with django_capture_on_commit_callbacks(execute=True):
            escalation_raise(initiative=world.initiative, risk=risk, reason="Score 16", by=world.senior_owner)

        assert [m.to for m in mail.outbox] == [["chair@dwp.example"]]

    def test_a_stood_down_forum_or_a_leaver_chair_is_nobody_at_the_level(self, world, chair, route):
        assert list(people_at_level(route[1])) == [chair]
        assert list(people_at_level(route[0])) == []
        chair.is_active = False
        chair.save()
        assert list(people_at_level(route[1])) == []
        chair.is_active = True
        chair.save()
        route[1].forum.retired_at = datetime.datetime.now(datetime.UTC)
        route[1].forum.save()
        assert list(people_at_level(route[1])) == []


class TestAssigning:
    def test_a_risk_given_to_someone_else_emails_them_once(self, world, django_capture_on_commit_callbacks):
        risk = RiskFactory(initiative=world.initiative, number=1, title="Data quality")

        with django_capture_on_commit_callbacks(execute=True):
            risk_services.risk_update(risk=risk, by=world.programme_manager, owner=world.partner_member)
            risk_services.risk_update(risk=risk, by=world.programme_manager, title="Data quality at source")

        [email] = mail.outbox
        assert email.to == ["partner@hmrc.example"]
        assert email.subject == "You own risk R001: Data quality"

    def test_owning_a_risk_you_named_yourself_for_sends_nothing(
        self, world, django_capture_on_commit_callbacks
    ):
        risk = RiskFactory(initiative=world.initiative)

        with django_capture_on_commit_callbacks(execute=True):
            risk_services.risk_update(risk=risk, by=world.partner_member, owner=world.partner_member)

        assert mail.outbox == []

    def test_an_action_given_to_someone_emails_them(self, world, django_capture_on_commit_callbacks):
        risk = RiskFactory(initiative=world.initiative, number=1)

        with django_capture_on_commit_callbacks(execute=True):
            risk_services.risk_action_add(
                risk=risk,
                by=world.programme_manager,
                kind="action",
                description="Agree a data standard",
                owner_body=world.partner_body,
                owner=world.partner_member,
                due_date=datetime.date(2027, 2, 1),
            )

        [email] = mail.outbox
        assert email.subject == "Action for you on risk R001: Agree a data standard"
        assert "due by 1 February 2027: Agree a data standard" in email.body


class TestDailyReminders:
    def test_reviews_and_readings_due_within_a_week_or_overdue_are_each_reminded_once(
        self, world, django_capture_on_commit_callbacks
    ):
        owner = world.partner_member
        RiskFactory(initiative=world.initiative, owner=owner, number=1, title="Soon", review_date=days(7))
        RiskFactory(initiative=world.initiative, owner=owner, number=2, title="Late", review_date=days(-1))
        RiskFactory(initiative=world.initiative, owner=owner, number=3, title="Later", review_date=days(8))
        weekly = MeasureFactory(initiative=world.initiative, name="Days to notify", frequency="weekly")
        MeasureReadingFactory(measure=weekly, taken_on=days(-10))
        monthly = MeasureFactory(initiative=world.initiative, name="Take-up", frequency="monthly")
        MeasureReadingFactory(measure=monthly, taken_on=days(-3))

        with django_capture_on_commit_callbacks(execute=True):
            send_due_reminders.delay()
            send_due_reminders.delay()  # beat fired twice

        assert sorted(m.subject for m in to("partner@hmrc.example")) == [
            "Review due: risk R001 Soon in Tell Us Once for bereavement",
            "Review overdue: risk R002 Late in Tell Us Once for bereavement",
        ]
        [reading] = to("pm@dwp.example")
        assert reading.subject == "Reading overdue: Days to notify in Tell Us Once for bereavement"

    def test_actions_and_agreement_reviews_coming_due_are_each_reminded_once(
        self, world, django_capture_on_commit_callbacks
    ):
        risk = RiskFactory(initiative=world.initiative, number=4, title="Registrars", review_date=days(60))
        RiskActionFactory(
            risk=risk, owner=world.partner_member, description="Brief registrars", due_date=days(3)
        )
        RiskActionFactory(risk=risk, owner=world.partner_member, description="Far off", due_date=days(30))
        RiskActionFactory(
            risk=risk,
            owner=world.partner_member,
            description="Done already",
            due_date=days(-2),
            status="done",
        )
        DataSharingAgreementFactory(initiative=world.initiative, title="Death data", review_date=days(-5))
        DataSharingAgreementFactory(initiative=world.initiative, title="Next year", review_date=days(365))

        with django_capture_on_commit_callbacks(execute=True):
            send_due_reminders.delay()
            send_due_reminders.delay()  # beat fired twice

        assert [m.subject for m in to("partner@hmrc.example")] == [
            "Action due: “Brief registrars” on risk R004 Registrars in Tell Us Once for bereavement"
        ]
        assert [m.subject for m in to("pm@dwp.example")] == [
            "Review overdue: the data sharing agreement “Death data” in Tell Us Once for bereavement"
        ]

    def test_a_reminder_for_the_digest_waits_for_it(self, world, django_capture_on_commit_callbacks):
        choose(world.partner_member, EmailKind.REMINDERS, "daily_digest")
        RiskFactory(initiative=world.initiative, owner=world.partner_member, review_date=days(-1))

        with django_capture_on_commit_callbacks(execute=True):
            send_due_reminders.delay()

        assert mail.outbox == []
        assert Notification.objects.get().status == "pending"


class TestPreferencesOfExistingEmails:
    def test_a_returned_decision_waits_for_the_digest_when_the_drafter_chose_one(
        self, world, django_capture_on_commit_callbacks
    ):
        choose(world.programme_manager, EmailKind.DECISIONS_RETURNED, "daily_digest")

        with django_capture_on_commit_callbacks(execute=True):
            decision_in(world, "returned", title="Share the death data")

        assert to("pm@dwp.example") == []
        item = Notification.objects.get(person=world.programme_manager)
        assert item.kind == "decisions_returned"
        assert "returned decision D001 Share the death data" in item.message
        assert "Add the costs for each body" in item.message

    def test_a_returned_decision_is_emailed_once_straight_away_by_default(
        self, world, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            decision_in(world, "returned", title="Share the death data")

        assert [m.subject for m in to("pm@dwp.example")] == [
            "D001 returned for changes: Share the death data"
        ]

    def test_a_closure_awaiting_a_reviewer_follows_their_choice(
        self, world, django_capture_on_commit_callbacks
    ):
        review = AssuranceReviewFactory(initiative=world.initiative, reviewer=world.assurance_reviewer)
        recommendation = RecommendationFactory(review=review, owner_body=world.partner_body, text="Agree it")
        other = UserFactory(email="second@ipa.example")
        InitiativeRoleFactory(
            initiative=world.initiative, user=other, role=InitiativeRole.Role.ASSURANCE_REVIEWER
        )
        choose(world.assurance_reviewer, EmailKind.RECOMMENDATIONS_AWAITING, "daily_digest")

        with django_capture_on_commit_callbacks(execute=True):
            assurance_services.recommendation_propose_closure(
                recommendation=recommendation, by=world.partner_member, evidence="Done in March"
            )

        assert [m.to for m in mail.outbox] == [["second@ipa.example"]]
        item = Notification.objects.get(person=world.assurance_reviewer)
        assert item.message == "Closure proposed, awaiting your response: Agree it"
