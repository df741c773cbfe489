"""Closing a recommendation: the owning body proposes with evidence, a reviewer confirms or reopens."""

import pytest
from django.core import mail
from django.urls import reverse

from collab.outbox import safe_subject
from governance.assurance import services
from governance.assurance.emails import send_recommendation_moved
from governance.assurance.models import Recommendation
from governance.assurance.states import Move
from governance.decisions import services as decision_services
from initiatives.models import InitiativeRole
from tests.factories import InitiativeFactory, InitiativeRoleFactory, UserFactory
from tests.governance.factories import draft
from tests.governance.pack_factories import AssuranceReviewFactory, RecommendationFactory

pytestmark = pytest.mark.django_db

EVIDENCE = "The board agreed one definition on 3 March; every partner now uses it."
MINUTES = "https://example.gov.uk/board/minutes-march"


@pytest.fixture
def recommendation(world):
    review = AssuranceReviewFactory(initiative=world.initiative, reviewer=world.assurance_reviewer)
    return RecommendationFactory(review=review, owner_body=world.partner_body, text="Agree the definitions")


def decision_elsewhere(world):
    """A decision of another initiative the partner works on."""
    other = InitiativeFactory(lead_body=world.partner_body)
    return decision_services.decision_create(
        initiative=other,
        by=world.partner_member,
        title="Elsewhere",
        context="c",
        options="a",
        recommendation="a",
    )


def propose(recommendation, by, **evidence):
    return services.recommendation_propose_closure(
        recommendation=recommendation, by=by, **{"evidence": EVIDENCE, **evidence}
    )


def answer(recommendation, by, move, comment=""):
    return services.recommendation_review_closure(
        recommendation=recommendation, by=by, move=move, comment=comment
    )


def sent_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


@pytest.fixture
def proposed(world, recommendation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        propose(recommendation, world.partner_member, links=[MINUTES])
    return recommendation


class TestProposing:
    def test_the_owning_body_proposes_closure_with_evidence_and_the_reviewer_is_emailed(
        self, world, recommendation, django_capture_on_commit_callbacks
    ):
        decision = draft(world)

        with django_capture_on_commit_callbacks(execute=True):
            propose(recommendation, world.partner_member, links=[MINUTES], decision=decision)

        recommendation.refresh_from_db()
        step = recommendation.steps.get()
        assert (recommendation.status, recommendation.proposed_by) == (
            "proposed_closed",
            world.partner_member,
        )
        assert (step.from_status, step.to_status, step.by) == (
            "open",
            "proposed_closed",
            world.partner_member,
        )
        assert (step.comment, step.links, step.decision) == (EVIDENCE, [MINUTES], decision)
        [email] = sent_to(world.assurance_reviewer.email)
        assert email.subject == "Closure proposed: Agree the definitions"
        assert EVIDENCE in email.body and MINUTES in email.body and decision.reference in email.body
        assert (
            f"/assurance/reviews/{recommendation.review_id}/#recommendation-{recommendation.pk}" in email.body
        )

    def test_a_programme_manager_may_propose_for_the_owning_body(self, world, recommendation):
        propose(recommendation, world.programme_manager)

        assert Recommendation.objects.get(pk=recommendation.pk).status == "proposed_closed"

    @pytest.mark.parametrize("who", ["senior_owner", "assurance_reviewer", "outsider", "administrator"])
    def test_no_one_else_may_propose(self, world, recommendation, who):
        with pytest.raises(services.AssuranceRefusal, match="Only people of HM Revenue and Customs"):
            propose(recommendation, getattr(world, who))

        assert Recommendation.objects.get(pk=recommendation.pk).status == "open"

    def test_a_proposal_needs_evidence(self, world, recommendation):
        with pytest.raises(services.AssuranceRefusal, match="Enter the evidence"):
            propose(recommendation, world.partner_member, evidence="  \n ")

    @pytest.mark.parametrize("link", ["javascript:alert(1)", "minutes.docx", "file:///etc/passwd"])
    def test_a_link_that_is_not_a_web_address_is_refused(self, world, recommendation, link):
        with pytest.raises(services.AssuranceRefusal, match="is not a web address"):
            propose(recommendation, world.partner_member, links=[MINUTES, link])

        assert not recommendation.steps.exists()

    def test_a_decision_of_another_initiative_is_refused(self, world, recommendation):
        elsewhere = decision_elsewhere(world)

        with pytest.raises(services.AssuranceRefusal, match="another initiative"):
            propose(recommendation, world.partner_member, decision=elsewhere)

    def test_a_recommendation_already_proposed_cannot_be_proposed_again(self, world, proposed):
        with pytest.raises(services.AssuranceRefusal, match="already proposed for closure by Siân Evans"):
            propose(proposed, world.programme_manager)


class TestReviewing:
    def test_the_reviewer_confirms_it_closed_and_the_proposer_is_emailed(
        self, world, proposed, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            answer(proposed, world.assurance_reviewer, Move.CONFIRM)

        proposed.refresh_from_db()
        assert (proposed.status, proposed.closed_by) == ("closed", world.assurance_reviewer)
        assert [step.to_status for step in proposed.steps.all()] == ["proposed_closed", "closed"]
        [email] = sent_to(world.partner_member.email)
        assert email.subject == "Recommendation confirmed closed: Agree the definitions"

    def test_the_reviewer_reopens_it_saying_why_and_the_proposer_is_emailed(
        self, world, proposed, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            answer(proposed, world.assurance_reviewer, Move.REOPEN, "The minutes do not show the agreement.")

        proposed.refresh_from_db()
        assert (proposed.status, proposed.proposed_by, proposed.closed_by) == ("open", None, None)
        assert proposed.steps.last().comment == "The minutes do not show the agreement."
        [email] = sent_to(world.partner_member.email)
        assert email.subject == "Recommendation reopened: Agree the definitions"
        assert "The minutes do not show the agreement." in email.body

    def test_a_reopened_recommendation_can_be_proposed_again(self, world, proposed):
        answer(proposed, world.assurance_reviewer, Move.REOPEN, "Not yet.")

        propose(proposed, world.programme_manager, evidence="Now signed.")

        assert proposed.steps.count() == 3 and proposed.proposed_by == world.programme_manager

    def test_reopening_needs_a_comment(self, world, proposed):
        with pytest.raises(services.AssuranceRefusal, match="why the recommendation is being reopened"):
            answer(proposed, world.assurance_reviewer, Move.REOPEN, " ")

        assert Recommendation.objects.get(pk=proposed.pk).status == "proposed_closed"

    def test_an_open_recommendation_cannot_be_confirmed(self, world, recommendation):
        with pytest.raises(services.AssuranceRefusal, match="is open, so it cannot be confirmed closed"):
            answer(recommendation, world.assurance_reviewer, Move.CONFIRM)

    @pytest.mark.parametrize("who", ["partner_member", "programme_manager", "administrator"])
    def test_only_a_reviewer_of_the_initiative_confirms(self, world, proposed, who):
        with pytest.raises(services.AssuranceRefusal, match="Only an assurance reviewer"):
            answer(proposed, getattr(world, who), Move.CONFIRM)

    def test_a_proposer_cannot_confirm_their_own_proposal(self, world, recommendation):
        InitiativeRoleFactory(
            initiative=world.initiative,
            user=world.programme_manager,
            role=InitiativeRole.Role.ASSURANCE_REVIEWER,
        )
        propose(recommendation, world.programme_manager)

        with pytest.raises(services.AssuranceRefusal, match="other than the person who proposed it"):
            answer(recommendation, world.programme_manager, Move.CONFIRM)
        answer(recommendation, world.assurance_reviewer, Move.CONFIRM)

        assert Recommendation.objects.get(pk=recommendation.pk).status == "closed"

    def test_of_two_reviewers_answering_at_once_only_the_first_succeeds(self, world, proposed):
        colleague = UserFactory(email="colleague@ipa.example", full_name="Sam Reviewer")
        InitiativeRoleFactory(initiative=world.initiative, user=colleague, role="assurance_reviewer")
        # Both read it while it was proposed closed.
        theirs = Recommendation.objects.get(pk=proposed.pk)

        answer(proposed, world.assurance_reviewer, Move.CONFIRM)
        with pytest.raises(services.AssuranceRefusal, match="already confirmed closed by Ruth Adeyemi"):
            answer(theirs, colleague, Move.REOPEN, "Not convinced")

        assert Recommendation.objects.get(pk=proposed.pk).status == "closed"
        assert proposed.steps.count() == 2

    def test_a_reviewer_answers_only_the_proposal_they_read(self, world, proposed):
        InitiativeRoleFactory(
            initiative=world.initiative,
            user=world.programme_manager,
            role=InitiativeRole.Role.ASSURANCE_REVIEWER,
        )
        # The programme manager, also a reviewer, reads Siân's proposal...
        as_read = Recommendation.objects.get(pk=proposed.pk)
        # ...meanwhile it is reopened, and the programme manager proposes it again themself.
        answer(proposed, world.assurance_reviewer, Move.REOPEN, "Not yet.")
        propose(proposed, world.programme_manager)

        with pytest.raises(services.AssuranceRefusal, match="already proposed for closure by Priya Shah"):
            answer(as_read, world.programme_manager, Move.CONFIRM)

        assert Recommendation.objects.get(pk=proposed.pk).status == "proposed_closed"


class TestEmails:
    def test_a_subject_is_one_line_and_cut_short_whatever_the_text(self):
        subject = safe_subject("Agree the\r\ndefinitions\u2028now " + "x" * 300)

        assert "\n" not in subject and "\r" not in subject and "\u2028" not in subject
        assert subject.startswith("Agree the definitions now x") and len(subject) == 120
        assert subject.endswith("…")

    def test_a_recommendation_with_line_breaks_still_emails_the_reviewer(
        self, world, recommendation, django_capture_on_commit_callbacks
    ):
        Recommendation.objects.filter(pk=recommendation.pk).update(text="Agree the\ndefinitions")

        with django_capture_on_commit_callbacks(execute=True):
            propose(Recommendation.objects.get(pk=recommendation.pk), world.partner_member)

        [email] = sent_to(world.assurance_reviewer.email)
        assert email.subject == "Closure proposed: Agree the definitions"

    def test_an_email_about_a_move_since_overtaken_is_not_sent(self, world, proposed):
        first = proposed.steps.get()
        answer(proposed, world.assurance_reviewer, Move.CONFIRM)
        mail.outbox.clear()

        assert send_recommendation_moved(recommendation_id=proposed.pk, step_id=first.pk) is False
        assert mail.outbox == []

    def test_a_reviewer_no_longer_assigned_is_not_emailed(self, world, recommendation):
        world.initiative.roles.filter(user=world.assurance_reviewer).delete()
        propose(recommendation, world.partner_member)

        step = recommendation.steps.get()
        assert send_recommendation_moved(recommendation_id=recommendation.pk, step_id=step.pk) is False

    def test_a_proposer_who_has_left_the_owning_body_is_replaced_by_its_people(
        self, world, proposed, django_capture_on_commit_callbacks
    ):
        colleague = UserFactory(email="colleague@hmrc.example", bodies=[world.partner_body])
        world.partner_member.memberships.all().delete()

        with django_capture_on_commit_callbacks(execute=True):
            answer(proposed, world.assurance_reviewer, Move.REOPEN, "Not yet.")

        assert sent_to(colleague.email) and not sent_to(world.partner_member.email)


def page(name, world, recommendation):
    return reverse(f"governance:{name}", kwargs={"slug": world.initiative.slug, "pk": recommendation.pk})


class TestPages:
    def test_a_partner_proposes_closure_from_the_form_and_sees_it_on_the_review(
        self, client, world, recommendation
    ):
        client.force_login(world.partner_member)

        response = client.post(
            page("recommendation_propose_closure", world, recommendation),
            {"evidence": EVIDENCE, "links": f"{MINUTES}\n\n", "decision": ""},
            follow=True,
        )

        body = response.content.decode()
        assert "Closure proposed. The assurance reviewers have been emailed" in body
        assert "Proposed for closure</strong> by Siân Evans" in body
        assert f'href="{MINUTES}"' in body
        assert '<strong class="govuk-tag govuk-tag--yellow">Proposed closed</strong>' in body

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"evidence": ""}, "Enter the evidence that the recommendation has been met"),
            ({"links": "javascript:alert(1)"}, "javascript:alert(1) is not a web address"),
            ({"decision": "elsewhere"}, "Choose a decision of this initiative"),
        ],
    )
    def test_bad_evidence_is_a_form_error_naming_the_field(
        self, client, world, recommendation, data, message
    ):
        elsewhere = decision_elsewhere(world)
        form = {"evidence": EVIDENCE, "links": "", "decision": "", **data}
        if form["decision"] == "elsewhere":
            form["decision"] = elsewhere.pk
        client.force_login(world.partner_member)

        response = client.post(page("recommendation_propose_closure", world, recommendation), form)

        assert response.status_code == 200
        assert message in response.content.decode()
        assert Recommendation.objects.get(pk=recommendation.pk).status == "open"

    def test_the_reviewer_reopens_from_the_form_only_with_a_comment(self, client, world, proposed):
        client.force_login(world.assurance_reviewer)
        url = page("recommendation_review_closure", world, proposed)

        refused = client.post(url, {"outcome": "reopen", "comment": ""})
        reopened = client.post(url, {"outcome": "reopen", "comment": "The minutes are a draft."}, follow=True)

        assert "Enter why the recommendation is being reopened" in refused.content.decode()
        assert "Recommendation reopened" in reopened.content.decode()
        assert "The minutes are a draft." in reopened.content.decode()
        assert Recommendation.objects.get(pk=proposed.pk).status == "open"

    def test_the_reviewer_sees_the_evidence_and_confirms(self, client, world, proposed):
        client.force_login(world.assurance_reviewer)
        url = page("recommendation_review_closure", world, proposed)

        shown = client.get(url).content.decode()
        confirmed = client.post(url, {"outcome": "confirm", "comment": ""}, follow=True)

        assert EVIDENCE in shown and MINUTES in shown
        assert "Recommendation confirmed closed" in confirmed.content.decode()
        assert Recommendation.objects.get(pk=proposed.pk).status == "closed"

    @pytest.mark.parametrize("who", ["assurance_reviewer", "senior_owner", "administrator"])
    def test_others_may_not_open_the_proposal_form(self, client, world, recommendation, who):
        client.force_login(getattr(world, who))

        assert client.get(page("recommendation_propose_closure", world, recommendation)).status_code == 403

    @pytest.mark.parametrize("who", ["partner_member", "programme_manager", "administrator"])
    def test_others_may_not_open_the_review_form(self, client, world, proposed, who):
        client.force_login(getattr(world, who))

        assert client.get(page("recommendation_review_closure", world, proposed)).status_code == 403

    def test_the_assurance_page_lists_proposed_closures_apart_with_the_reviewers_link(
        self, client, world, proposed
    ):
        client.force_login(world.assurance_reviewer)

        body = client.get(
            reverse("governance:assurance", kwargs={"slug": world.initiative.slug})
        ).content.decode()

        assert "Proposed closed, awaiting a reviewer" in body
        assert "There are no open recommendations." in body
        assert page("recommendation_review_closure", world, proposed) in body


def test_the_admin_shows_the_trail_of_a_recommendation_and_changes_nothing(client, world, proposed):
    client.force_login(world.administrator)

    page = client.get(reverse("admin:governance_recommendation_change", args=[proposed.pk])).content.decode()

    assert EVIDENCE in page and MINUTES in page
    assert 'name="_save"' not in page
