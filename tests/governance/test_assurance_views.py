import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from governance.assurance.rules import ASSURANCE_REVIEWERS_GROUP
from governance.models import AssuranceReview, GovernancePack, Recommendation
from initiatives.models import InitiativeRole
from tests.factories import UserFactory
from tests.governance.pack_factories import AssuranceReviewFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


def url(name, world, **kwargs):
    return reverse(f"governance:{name}", kwargs={"slug": world.initiative.slug, **kwargs})


def review_form(**overrides):
    today = timezone.localdate() - datetime.timedelta(days=2)
    data = {
        "review_type": "health_check",
        "review_date_day": today.day,
        "review_date_month": today.month,
        "review_date_year": today.year,
        "findings": "Ownership is clear; definitions lag behind delivery.",
        "scale": "three_point",
        "confidence": "amber",
    }
    return {**data, **overrides}


@pytest.fixture
def eligible(world):
    """A second person in the Assurance reviewers group, not yet assigned."""
    person = UserFactory(email="sam.reviewer@ipa.example", full_name="Sam Reviewer")
    person.groups.add(Group.objects.get_or_create(name=ASSURANCE_REVIEWERS_GROUP)[0])
    return person


class TestAssigningReviewers:
    def test_a_programme_manager_assigns_someone_from_the_reviewers_group(self, client, world, eligible):
        client.force_login(world.programme_manager)

        response = client.post(url("assurance_reviewers", world), {"reviewer": eligible.pk}, follow=True)

        assert "Sam Reviewer is now an assurance reviewer" in response.content.decode()
        role = world.initiative.roles.get(user=eligible)
        assert (role.role, role.assigned_by) == (
            InitiativeRole.Role.ASSURANCE_REVIEWER,
            world.programme_manager,
        )

    def test_only_people_in_the_group_are_offered(self, client, world, eligible):
        client.force_login(world.programme_manager)

        offered = list(
            client.get(url("assurance_reviewers", world)).context["form"].fields["reviewer"].queryset
        )

        assert offered == [eligible]

    def test_someone_outside_the_group_cannot_be_assigned_by_a_forged_post(self, client, world):
        client.force_login(world.programme_manager)

        response = client.post(url("assurance_reviewers", world), {"reviewer": world.partner_member.pk})

        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
        assert not world.initiative.roles.filter(user=world.partner_member).exists()

    def test_a_programme_manager_removes_a_reviewer(self, client, world):
        client.force_login(world.programme_manager)
        role = world.initiative.roles.get(user=world.assurance_reviewer)

        client.post(url("assurance_reviewer_remove", world, pk=role.pk), {"confirmed": "yes"})

        assert not world.initiative.roles.filter(user=world.assurance_reviewer).exists()

    def test_the_remove_endpoint_cannot_remove_a_programme_manager(self, client, world):
        client.force_login(world.programme_manager)
        role = world.initiative.roles.get(user=world.programme_manager)

        response = client.post(url("assurance_reviewer_remove", world, pk=role.pk), {"confirmed": "yes"})

        assert response.status_code == 404

    @pytest.mark.parametrize("persona", ["partner_member", "senior_owner", "assurance_reviewer"])
    def test_others_who_can_read_the_initiative_cannot_assign(self, client, world, eligible, persona):
        client.force_login(getattr(world, persona))

        assert client.get(url("assurance_reviewers", world)).status_code == 403
        assert client.post(url("assurance_reviewers", world), {"reviewer": eligible.pk}).status_code == 403

    def test_the_team_page_links_managers_to_it(self, client, world):
        client.force_login(world.programme_manager)

        body = client.get(
            reverse("initiatives:team", kwargs={"slug": world.initiative.slug})
        ).content.decode()

        assert url("assurance_reviewers", world) in body


class TestRecordingAReview:
    def test_an_assigned_reviewer_records_a_review_and_goes_on_to_its_recommendations(self, client, world):
        client.force_login(world.assurance_reviewer)

        response = client.post(url("review_create", world), review_form())

        review = AssuranceReview.objects.get()
        assert response.url == url("review_detail", world, pk=review.pk)
        assert (review.reviewer, review.confidence, review.follow_up_due) == (
            world.assurance_reviewer,
            "amber",
            None,
        )

    def test_a_red_result_schedules_a_follow_up_three_months_later(self, client, world):
        client.force_login(world.assurance_reviewer)

        client.post(url("review_create", world), review_form(confidence="red"))

        review = AssuranceReview.objects.get()
        assert review.follow_up_due.month == (review.review_date.month + 2) % 12 + 1

    def test_a_five_point_value_on_the_three_point_scale_is_refused_with_a_clear_message(self, client, world):
        client.force_login(world.assurance_reviewer)

        response = client.post(url("review_create", world), review_form(confidence="amber_red"))

        body = response.content.decode()
        assert response.status_code == 200
        assert "There is a problem" in body
        assert "Amber/Red is only on the five-point scale" in body
        assert not AssuranceReview.objects.exists()

    def test_the_older_five_point_scale_accepts_amber_red(self, client, world):
        client.force_login(world.assurance_reviewer)

        client.post(url("review_create", world), review_form(scale="five_point", confidence="amber_red"))

        assert AssuranceReview.objects.get().get_confidence_display() == "Amber/Red"

    @pytest.mark.parametrize(
        ("overrides", "message"),
        [
            ({"findings": ""}, "Enter findings"),
            ({"confidence": ""}, "Select delivery confidence"),
            ({"review_date_year": timezone.localdate().year + 1}, "must be today or in the past"),
            ({"review_date_month": "13"}, "Enter a real date"),
            (
                {"follow_up_due_day": "1", "follow_up_due_month": "1", "follow_up_due_year": "2000"},
                "must be after the date of the review",
            ),
        ],
    )
    def test_bad_answers_get_clear_messages(self, client, world, overrides, message):
        client.force_login(world.assurance_reviewer)

        body = client.post(url("review_create", world), review_form(**overrides)).content.decode()

        assert message in body
        assert not AssuranceReview.objects.exists()

    def test_a_red_review_on_the_last_day_there_is_gets_a_clear_message_not_a_failure(self, client, world):
        # Found by tests/edges/test_bad_input.py: the follow-up default was worked out from the
        # refused date, and 31 12 9999 has no date three months on.
        client.force_login(world.assurance_reviewer)
        last_day = {"review_date_day": "31", "review_date_month": "12", "review_date_year": "9999"}

        response = client.post(url("review_create", world), review_form(confidence="red", **last_day))

        assert response.status_code == 200
        assert "The date of the review must be today or in the past" in response.content.decode()
        assert not AssuranceReview.objects.exists()

    @pytest.mark.parametrize("persona", ["programme_manager", "partner_member", "senior_owner"])
    def test_people_who_are_not_assigned_reviewers_cannot_record_one(self, client, world, persona):
        client.force_login(getattr(world, persona))

        assert client.post(url("review_create", world), review_form()).status_code == 403
        assert not AssuranceReview.objects.exists()

    def test_an_administrator_who_is_not_assigned_is_told_so(self, client, world):
        client.force_login(world.administrator)

        body = client.post(url("review_create", world), review_form()).content.decode()

        assert "Only an assurance reviewer assigned to this initiative can record a review" in body
        assert not AssuranceReview.objects.exists()

    def test_the_reviewer_changes_their_own_review(self, client, world):
        review = AssuranceReviewFactory(initiative=world.initiative, reviewer=world.assurance_reviewer)
        client.force_login(world.assurance_reviewer)

        client.post(url("review_edit", world, pk=review.pk), review_form(confidence="green"))

        review.refresh_from_db()
        assert review.confidence == "green"
        assert review.history.first().history_user == world.assurance_reviewer

    def test_a_reviewer_cannot_change_the_initiative_itself(self, client, world):
        client.force_login(world.assurance_reviewer)

        edit = reverse("initiatives:edit", kwargs={"slug": world.initiative.slug})
        assert client.get(edit).status_code == 403


class TestRecommendations:
    def test_the_reviewer_adds_one_with_an_owner_body_and_a_due_date(self, client, world):
        review = AssuranceReviewFactory(initiative=world.initiative, reviewer=world.assurance_reviewer)
        due = timezone.localdate() + datetime.timedelta(days=30)
        client.force_login(world.assurance_reviewer)

        client.post(
            url("recommendation_add", world, pk=review.pk),
            {
                "text": "Agree the disputed definitions.",
                "owner_body": world.partner_body.pk,
                "due_date_day": due.day,
                "due_date_month": due.month,
                "due_date_year": due.year,
            },
        )

        recommendation = review.recommendations.get()
        assert (recommendation.owner_body, recommendation.due_date, recommendation.status) == (
            world.partner_body,
            due,
            "open",
        )

    def test_only_participating_bodies_can_own_a_recommendation(self, client, world):
        review = AssuranceReviewFactory(initiative=world.initiative, reviewer=world.assurance_reviewer)
        client.force_login(world.assurance_reviewer)

        response = client.post(
            url("recommendation_add", world, pk=review.pk),
            {"text": "x", "owner_body": world.unrelated_body.pk, "due_date_day": "1", "due_date_month": "1"},
        )

        assert "Select a valid choice" in response.content.decode()
        assert not Recommendation.objects.exists()

    def test_a_recommendation_of_another_initiative_is_not_found(self, client, world):
        from tests.factories import InitiativeFactory

        other = InitiativeFactory(lead_body=world.partner_body)
        review = AssuranceReviewFactory(initiative=other, reviewer=world.assurance_reviewer)
        recommendation = RecommendationFactory(review=review, owner_body=world.partner_body)
        client.force_login(world.partner_member)

        assert (
            client.get(url("recommendation_propose_closure", world, pk=recommendation.pk)).status_code == 404
        )


class TestPanels:
    def test_the_overview_shows_the_latest_confidence_follow_up_and_open_recommendations(self, client, world):
        AssuranceReviewFactory(
            initiative=world.initiative,
            reviewer=world.assurance_reviewer,
            review_date=timezone.localdate() - datetime.timedelta(days=400),
            confidence="amber_red",
            scale="five_point",
        )
        latest = AssuranceReviewFactory(
            initiative=world.initiative,
            reviewer=world.assurance_reviewer,
            confidence="red",
            follow_up_due=timezone.localdate() + datetime.timedelta(days=80),
        )
        RecommendationFactory(review=latest, owner_body=world.partner_body, text="Settle the funding")
        client.force_login(world.partner_member)

        body = client.get(
            reverse("initiatives:overview", kwargs={"slug": world.initiative.slug})
        ).content.decode()

        assert '<strong class="govuk-tag govuk-tag--red">Red</strong>' in body
        assert f"Due {latest.follow_up_due:%-d %B %Y}" in body
        assert "Settle the funding" in body
        assert url("packs", world) in body

    def test_the_reviewers_home_page_lists_their_initiatives_with_confidence_and_pack(self, client, world):
        AssuranceReviewFactory(
            initiative=world.initiative, reviewer=world.assurance_reviewer, confidence="green"
        )
        GovernancePack.objects.create(
            initiative=world.initiative, version=2, status="ready", content_fingerprint="f" * 64
        )
        client.force_login(world.assurance_reviewer)

        response = client.get("/")

        body = response.content.decode()
        assert "Initiatives you assure" in body
        assert '<strong class="govuk-tag govuk-tag--green">Green</strong>' in body
        assert "Governance pack version 2: Ready." in body

    def test_the_home_panel_needs_few_queries_however_many_initiatives(
        self, client, world, django_assert_max_num_queries
    ):
        from tests.factories import InitiativeFactory, InitiativeRoleFactory

        for _ in range(5):
            InitiativeRoleFactory(
                initiative=InitiativeFactory(), user=world.assurance_reviewer, role="assurance_reviewer"
            )
        client.force_login(world.assurance_reviewer)

        # One query per kind of Your work (tests/governance/test_your_work.py holds it constant), and
        # one to count the initiatives listed, a page at a time.
        with django_assert_max_num_queries(22):
            client.get("/")

    def test_the_assurance_page_asks_about_permissions_once_per_body_not_per_recommendation(
        self, client, world, django_assert_max_num_queries
    ):
        review = AssuranceReviewFactory(initiative=world.initiative, reviewer=world.assurance_reviewer)
        for number in range(12):
            RecommendationFactory(
                review=review, owner_body=world.partner_body, text=f"Recommendation {number}"
            )
        client.force_login(world.partner_member)

        with django_assert_max_num_queries(20):
            body = client.get(url("assurance", world)).content.decode()

        assert body.count("Propose closure") == 12

    def test_people_who_assure_nothing_see_no_panel(self, client, world):
        client.force_login(world.partner_member)

        assert "Initiatives you assure" not in client.get("/").content.decode()
