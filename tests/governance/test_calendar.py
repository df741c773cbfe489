"""The calendars: a person's secret feed, its reset, and one initiative's .ics download."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from governance.models import AssuranceReview
from people.calendar.services import calendar_feed_for, feed_token
from people.leavers.services import person_deactivate
from tests.factories import InitiativeFactory, ParticipationFactory
from tests.governance.factories import ForumFactory, decision_in
from tests.governance.pack_factories import AssuranceReviewFactory
from tests.governance.register_factories import (
    DataSharingAgreementFactory,
    MeasureFactory,
    MeasureReadingFactory,
    RiskFactory,
)

DAY = datetime.date(2027, 3, 31)


def feed_path(person) -> str:
    return reverse("calendar:feed", kwargs={"token": feed_token(calendar_feed_for(person=person))})


def events_of(response) -> dict[str, object]:
    """The events by UID, after checking the body parses as iCalendar."""
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def dated(world):
    """One record of every kind of date, in the world's initiative."""
    initiative = world.initiative
    decision = decision_in(world, "submitted", due_date=DAY)
    risk = RiskFactory(initiative=initiative, review_date=DAY)
    agreement = DataSharingAgreementFactory(initiative=initiative, review_date=DAY)
    measure = MeasureFactory(initiative=initiative, frequency="quarterly")
    MeasureReadingFactory(measure=measure, taken_on=datetime.date(2026, 11, 30))
    review = AssuranceReviewFactory(
        initiative=initiative,
        reviewer=world.assurance_reviewer,
        review_date=DAY,
        confidence=AssuranceReview.Confidence.RED,
        follow_up_due=datetime.date(2027, 6, 1),
    )
    return {
        f"decision-due-{decision.pk}@joined-up": DAY,
        f"risk-review-{risk.pk}@joined-up": DAY,
        f"data-sharing-review-{agreement.pk}@joined-up": DAY,
        f"measure-reading-{measure.pk}@joined-up": datetime.date(2027, 2, 28),
        f"assurance-review-{review.pk}@joined-up": DAY,
        f"assurance-follow-up-{review.pk}@joined-up": datetime.date(2027, 6, 1),
    }


class TestTheFeed:
    def test_it_holds_every_kind_of_date_as_all_day_events_without_signing_in(self, client, world, dated):
        response = client.get(feed_path(world.partner_member))

        assert response.status_code == 200
        events = events_of(response)
        assert {uid: event.decoded("DTSTART") for uid, event in events.items()} == dated
        for event in events.values():
            assert isinstance(event.decoded("DTSTART"), datetime.date)
            assert not isinstance(event.decoded("DTSTART"), datetime.datetime)
            assert event.decoded("DTEND") == event.decoded("DTSTART") + datetime.timedelta(days=1)

    def test_calendar_apps_may_ask_for_its_headers_only(self, client, world):
        assert client.head(feed_path(world.partner_member)).status_code == 200

    def test_its_uids_stay_the_same_when_a_date_moves(self, client, world, dated):
        path = feed_path(world.programme_manager)
        before = events_of(client.get(path))
        RiskFactory._meta.model.objects.update(review_date=DAY + datetime.timedelta(days=3))

        after = events_of(client.get(path))

        assert set(after) == set(before)

    def test_it_shows_only_initiatives_the_person_can_see(self, client, world, dated):
        elsewhere = InitiativeFactory(title="Scottish benefits", lead_body=world.unrelated_body)
        RiskFactory(initiative=elsewhere, review_date=DAY)

        assert set(events_of(client.get(feed_path(world.programme_manager)))) == set(dated)
        outsiders = events_of(client.get(feed_path(world.outsider)))
        assert len(outsiders) == 1 and next(iter(outsiders)).startswith("risk-review-")

    def test_decided_decisions_and_closed_risks_leave_it(self, client, world):
        decision_in(world, "approved", due_date=DAY)
        RiskFactory(initiative=world.initiative, status="closed", review_date=DAY)

        assert events_of(client.get(feed_path(world.programme_manager))) == {}

    def test_a_deferred_decision_shows_the_date_to_revisit_it(self, client, world):
        decision = decision_in(world, "deferred", due_date=DAY)

        events = events_of(client.get(feed_path(world.senior_owner)))

        assert (
            events[f"decision-revisit-{decision.pk}@joined-up"].decoded("DTSTART") == decision.deferred_until
        )

    @pytest.mark.parametrize("token", ["nonsense", "abc-def", "-", "a" * 300])
    def test_a_wrong_token_is_not_found(self, client, world, token):
        assert client.get(reverse("calendar:feed", kwargs={"token": token})).status_code == 404

    def test_a_right_key_with_a_wrong_signature_is_not_found(self, client, world):
        feed = calendar_feed_for(person=world.partner_member)

        response = client.get(reverse("calendar:feed", kwargs={"token": f"{feed.key}-{'0' * 32}"}))

        assert response.status_code == 404

    def test_it_stops_working_when_the_person_is_deactivated(self, client, world):
        path = feed_path(world.partner_member)
        world.partner_member.memberships.update(is_body_lead=False)
        person_deactivate(person=world.partner_member, by=world.administrator)

        assert client.get(path).status_code == 404

    def test_a_signature_made_with_a_retired_secret_key_still_works_while_it_is_a_fallback(
        self, client, world, settings
    ):
        path = feed_path(world.partner_member)
        settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
        settings.SECRET_KEY = "a-new-secret-key-for-the-test-only-0123456789"

        assert client.get(path).status_code == 200

    @pytest.mark.parametrize(
        ("cadence", "first", "rule"),
        [
            ("fortnightly", datetime.date(2027, 3, 9), {"FREQ": ["WEEKLY"], "INTERVAL": [2]}),
            ("monthly", datetime.date(2027, 3, 9), {"FREQ": ["MONTHLY"], "BYDAY": ["2TU"]}),
            (
                "quarterly",
                datetime.date(2027, 3, 30),
                {"FREQ": ["MONTHLY"], "INTERVAL": [3], "BYDAY": ["-1TU"]},
            ),
            ("as_needed", datetime.date(2027, 3, 9), None),
        ],
    )
    def test_a_forum_with_a_first_meeting_repeats_by_its_cadence(self, client, world, cadence, first, rule):
        forum = ForumFactory(initiative=world.initiative, name="Board", cadence=cadence, meets_from=first)
        ForumFactory(initiative=world.initiative, name="No date recorded")

        events = events_of(client.get(feed_path(world.partner_member)))

        assert list(events) == [f"forum-meetings-{forum.pk}@joined-up"]
        event = events[f"forum-meetings-{forum.pk}@joined-up"]
        assert event.decoded("DTSTART") == first
        assert (dict(event["RRULE"]) if rule else event.get("RRULE")) == rule


class TestResettingTheLink:
    def test_your_account_shows_the_address_and_how_to_subscribe(self, client, world):
        client.force_login(world.partner_member)

        page = client.get(reverse("people:account")).content.decode()

        assert f"http://testserver{feed_path(world.partner_member)}" in page
        assert "Subscribe from web" in page and "forum meetings" in page

    def test_resetting_asks_first_then_gives_a_new_address_and_the_old_one_stops(self, client, world):
        old = feed_path(world.partner_member)
        client.force_login(world.partner_member)

        assert b"Reset calendar link" in client.get(reverse("people:calendar_reset")).content
        response = client.post(reverse("people:calendar_reset"), {"confirmed": "yes"}, follow=True)

        new = feed_path(world.partner_member)
        assert new != old and new in response.content.decode()
        assert client.get(old).status_code == 404
        assert client.get(new).status_code == 200

    def test_a_post_that_did_not_come_from_the_confirmation_changes_nothing(self, client, world):
        old = feed_path(world.partner_member)
        client.force_login(world.partner_member)

        client.post(reverse("people:calendar_reset"))

        assert feed_path(world.partner_member) == old


class TestTheInitiativeDownload:
    def test_a_participant_downloads_the_initiatives_dates(self, client, world, dated):
        other = InitiativeFactory(title="Another", lead_body=world.lead_body)
        ParticipationFactory(initiative=other, body=world.partner_body)
        RiskFactory(initiative=other, review_date=DAY)
        client.force_login(world.partner_member)

        response = client.get(reverse("calendar:initiative", kwargs={"slug": world.initiative.slug}))

        assert response.status_code == 200
        assert 'filename="tell-us-once.ics"' in response["Content-Disposition"]
        assert set(events_of(response)) == set(dated)

    def test_an_outsider_cannot_tell_it_exists(self, client, world):
        client.force_login(world.outsider)

        response = client.get(reverse("calendar:initiative", kwargs={"slug": world.initiative.slug}))

        assert response.status_code == 404

    def test_the_overview_links_to_it(self, client, world):
        client.force_login(world.programme_manager)

        page = client.get(world.initiative.get_absolute_url()).content.decode()

        assert reverse("calendar:initiative", kwargs={"slug": world.initiative.slug}) in page
