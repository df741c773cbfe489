"""The operating-model checklist, page by page, through the Django test client."""

import pytest
from django.core import mail
from django.urls import reverse

from initiatives.models import Assessment, Initiative
from tests.factories import ParticipationFactory, UserFactory

pytestmark = pytest.mark.django_db


def question_url(initiative, step, change=False):
    url = reverse("initiatives:wizard_question", args=[initiative.slug, step])
    return f"{url}?change=1" if change else url


def check_url(initiative):
    return reverse("initiatives:wizard_check", args=[initiative.slug])


def result_url(initiative):
    return reverse("initiatives:wizard_result", args=[initiative.slug])


def history_url(initiative):
    return reverse("initiatives:assessments", args=[initiative.slug])


def answers_for(world, **changes):
    """Every page's answer, in the order the pages come, for the world's initiative (DWP with HMRC)."""
    pages = {
        "own-the-outcome": {"single_owner": "partly"},
        "outcome": {"outcome_statement": "Bereaved families tell government once."},
        "bodies": {"bodies": "2"},
        "decisions": {"decisions": "one_body"},
        "budget": {"budget": "one_funds_others_benefit"},
        "operations": {"operations": "handoffs"},
        "crisis": {"crisis": "no"},
        "data": {"data": "definitions"},
        "data-items": {"data_items": "What counts as a notified death\nDate of death format"},
        "senior-owner": {"senior_owner": str(world.senior_owner.pk)},
        "decision-rights": {"decision_rights": "Approve scope changes within budget"},
        "joint-risks": {"joint_risks": "Partners join late\nMatching fails for common names"},
        "single-body-risks": {"single_body_risks": ""},
        "measures": {"measures": "Days from registration to every body acting, monthly"},
        "stop-doing": {
            f"body_{world.lead_body.pk}": "Stop writing separately about overpayments",
            f"body_{world.partner_body.pk}": "",
        },
    }
    for step, data in changes.items():
        pages[step] = data
    return pages


def walk(client, world, **changes):
    initiative = world.initiative
    client.get(reverse("initiatives:wizard_start", args=[initiative.slug]))
    response = None
    for step, data in answers_for(world, **changes).items():
        response = client.post(question_url(initiative, step), data)
        assert response.status_code == 302, (step, response.content.decode()[:3000])
    assert response.url == check_url(initiative)
    return response


@pytest.fixture
def manager(client, world):
    client.force_login(world.programme_manager)
    return client


class TestWhoMayRunIt:
    def test_the_programme_manager_starts_on_the_first_question(self, manager, world):
        response = manager.get(reverse("initiatives:wizard_start", args=[world.initiative.slug]))

        assert response.status_code == 302
        assert response.url == question_url(world.initiative, "own-the-outcome")
        page = manager.get(response.url)
        assert page.status_code == 200
        assert "Could one body own the outcome on its own?" in page.content.decode()

    @pytest.mark.parametrize("persona", ["partner_member", "senior_owner", "assurance_reviewer"])
    @pytest.mark.parametrize("page", ["start", "question", "check", "result"])
    def test_others_who_can_read_the_initiative_are_refused(self, client, world, persona, page):
        client.force_login(getattr(world, persona))
        url = {
            "start": reverse("initiatives:wizard_start", args=[world.initiative.slug]),
            "question": question_url(world.initiative, "decisions"),
            "check": check_url(world.initiative),
            "result": result_url(world.initiative),
        }[page]

        assert client.get(url).status_code == 403
        assert client.post(url, {"decisions": "joint", "chosen_model": "lead_department"}).status_code == 403
        assert not Assessment.objects.exists()

    def test_an_outsider_is_told_the_initiative_does_not_exist(self, client, world):
        client.force_login(world.outsider)

        assert client.get(question_url(world.initiative, "decisions")).status_code == 404
        assert client.get(history_url(world.initiative)).status_code == 404

    def test_an_administrator_may_run_it(self, client, world):
        client.force_login(world.administrator)

        assert client.get(question_url(world.initiative, "decisions")).status_code == 200

    def test_anonymous_visitors_are_asked_to_sign_in(self, client, world):
        response = client.get(question_url(world.initiative, "decisions"))

        assert response.status_code == 302
        assert response.url.startswith("/sign-in/")

    def test_an_unknown_question_is_not_found(self, manager, world):
        assert manager.get(question_url(world.initiative, "favourite-colour")).status_code == 404


class TestQuestionPages:
    def test_each_question_is_the_page_heading_with_its_hint_and_radios_with_hints(self, manager, world):
        body = manager.get(question_url(world.initiative, "data")).content.decode()

        assert (
            '<h1 class="govuk-fieldset__heading">What data do the bodies need to share or agree?</h1>' in body
        )
        assert "Regular exchange of records between bodies" in body
        assert 'id="id_data_2-hint"' in body
        title = f"What data do the bodies need to share or agree? \N{EN DASH} {world.initiative.title}"
        assert f"<title>{title} \N{EN DASH} Joined-up</title>" in body

    def test_a_missing_answer_gets_an_error_summary_linking_to_the_field(self, manager, world):
        response = manager.post(question_url(world.initiative, "own-the-outcome"), {})

        body = response.content.decode()
        assert response.status_code == 200
        assert "There is a problem" in body
        assert (
            '<a href="#id_single_owner_0">Select whether one body could own the outcome on its own</a>'
            in body
        )
        title = f"Error: Could one body own the outcome on its own? \N{EN DASH} {world.initiative.title}"
        assert f"<title>{title} \N{EN DASH} Joined-up</title>" in body

    def test_a_value_outside_the_choices_is_refused(self, manager, world):
        response = manager.post(question_url(world.initiative, "budget"), {"budget": "lots"})

        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("0", "The number of bodies must be 1 or more"),
            ("two", "Enter the number of bodies as a whole number, like 3"),
            ("2.5", "Enter the number of bodies as a whole number, like 3"),
            ("", "Enter how many bodies are involved"),
            ("9" * 5000, "Enter the number of bodies as a whole number, like 3"),
        ],
    )
    def test_the_number_of_bodies_must_be_a_whole_number_of_one_or_more(self, manager, world, value, message):
        response = manager.post(question_url(world.initiative, "bodies"), {"bodies": value})

        assert response.status_code == 200
        assert message in response.content.decode()

    def test_the_number_of_bodies_starts_from_the_bodies_taking_part(self, manager, world):
        body = manager.get(question_url(world.initiative, "bodies")).content.decode()

        assert 'value="2"' in body
        assert "2 bodies take part so far: DWP, HMRC." in body

    def test_the_outcome_and_senior_owner_start_from_the_initiative(self, manager, world):
        outcome = manager.get(question_url(world.initiative, "outcome")).content.decode()
        owner = manager.get(question_url(world.initiative, "senior-owner")).content.decode()

        assert world.initiative.outcome_statement in outcome
        assert f'<option value="{world.senior_owner.pk}" selected>' in owner

    def test_only_people_in_bodies_taking_part_can_be_named_senior_owner(self, manager, world):
        page = manager.get(question_url(world.initiative, "senior-owner")).content.decode()
        response = manager.post(
            question_url(world.initiative, "senior-owner"), {"senior_owner": world.outsider.pk}
        )

        assert world.partner_member.full_name in page
        assert world.outsider.full_name not in page
        assert "Select a person from a body taking part in the initiative" in response.content.decode()

    def test_data_to_agree_is_required_once_the_bodies_share_data(self, manager, world):
        manager.post(question_url(world.initiative, "data"), {"data": "exchange"})

        response = manager.post(question_url(world.initiative, "data-items"), {"data_items": "  \n "})

        assert response.status_code == 200
        assert (
            "Enter at least one definition, identifier or record to agree, as the bodies exchange records"
            in (response.content.decode())
        )

    def test_data_to_agree_may_be_blank_when_no_data_is_shared(self, manager, world):
        manager.post(question_url(world.initiative, "data"), {"data": "none"})

        response = manager.post(question_url(world.initiative, "data-items"), {"data_items": ""})

        assert response.status_code == 302

    def test_the_stop_doing_page_has_one_field_per_body_taking_part(self, manager, world):
        third = ParticipationFactory(initiative=world.initiative, role="benefiting").body

        body = manager.get(question_url(world.initiative, "stop-doing")).content.decode()

        assert '<h1 class="govuk-fieldset__heading">What will each body stop doing?</h1>' in body
        for each in (world.lead_body, world.partner_body, third):
            assert f'name="body_{each.pk}"' in body
        assert "Department for Work and Pensions (lead)" in body
        assert "HM Revenue and Customs (partner)" in body

    def test_an_overlong_line_gets_a_field_error(self, manager, world):
        response = manager.post(question_url(world.initiative, "measures"), {"measures": "x" * 301})

        assert "Each line must be 300 characters or fewer" in response.content.decode()


class TestMovingAround:
    def test_each_page_goes_on_to_the_next_and_back_links_to_the_previous(self, manager, world):
        response = manager.post(question_url(world.initiative, "decisions"), {"decisions": "joint"})
        page = manager.get(question_url(world.initiative, "decisions")).content.decode()
        first = manager.get(question_url(world.initiative, "own-the-outcome")).content.decode()

        assert response.url == question_url(world.initiative, "budget")
        assert (
            f'<a href="{question_url(world.initiative, "bodies")}" class="govuk-back-link">Back</a>' in page
        )
        assert f'<a href="{world.initiative.get_absolute_url()}" class="govuk-back-link">Back</a>' in first

    def test_going_back_keeps_the_answers_given(self, manager, world):
        manager.post(question_url(world.initiative, "decisions"), {"decisions": "joint"})
        manager.post(
            question_url(world.initiative, "joint-risks"), {"joint_risks": "Partners join late\nData is late"}
        )

        decisions = manager.get(question_url(world.initiative, "decisions")).content.decode()
        risks = manager.get(question_url(world.initiative, "joint-risks")).content.decode()

        assert 'value="joint" id="id_decisions_2" checked' in decisions
        assert "Partners join late\nData is late</textarea>" in risks

    def test_drafts_are_kept_per_initiative(self, manager, world):
        other = world.initiative.__class__.objects.create(
            title="Other", slug="other", outcome_statement="x", lead_body=world.lead_body
        )
        ParticipationFactory(initiative=other, body=world.lead_body, role="lead")
        other.roles.create(user=world.programme_manager, role="programme_manager")
        manager.post(question_url(world.initiative, "decisions"), {"decisions": "joint"})

        page = manager.get(question_url(other, "decisions")).content.decode()

        assert "checked" not in page

    def test_the_last_page_leads_to_check_your_answers_listing_every_answer(self, manager, world):
        walk(manager, world)

        body = manager.get(check_url(world.initiative)).content.decode()

        assert "Check your answers" in body
        for shown in (
            "Partly",
            "One body decides, the others are consulted",
            "One body funds it and the others benefit",
            "A citizen journey crosses bodies",
            "Common definitions or reference data",
            "What counts as a notified death",
            world.senior_owner.full_name,
            "Stop writing separately about overpayments",
            "What HMRC will stop doing",
        ):
            assert shown in body, shown
        change = question_url(world.initiative, "data", change=True)
        assert (
            f'href="{change}">Change<span class="govuk-visually-hidden"> data to share or agree</span>'
            in body
        )

    def test_check_your_answers_sends_you_to_the_first_question_not_yet_answered(self, manager, world):
        manager.post(question_url(world.initiative, "own-the-outcome"), {"single_owner": "yes"})

        response = manager.get(check_url(world.initiative))

        assert response.url == question_url(world.initiative, "outcome")
        assert manager.get(result_url(world.initiative)).url == question_url(world.initiative, "outcome")

    def test_a_change_from_check_your_answers_returns_there(self, manager, world):
        walk(manager, world)

        page = manager.get(question_url(world.initiative, "budget", change=True)).content.decode()
        response = manager.post(question_url(world.initiative, "budget", change=True), {"budget": "pooled"})

        assert f'<a href="{check_url(world.initiative)}" class="govuk-back-link">Back</a>' in page
        assert response.url == check_url(world.initiative)
        assert "The bodies pool their budgets" in manager.get(check_url(world.initiative)).content.decode()

    def test_a_change_that_needs_another_answer_asks_for_it_before_returning(self, manager, world):
        walk(manager, world, **{"data": {"data": "none"}, "data-items": {"data_items": ""}})

        response = manager.post(question_url(world.initiative, "data", change=True), {"data": "exchange"})

        assert response.url == question_url(world.initiative, "data-items", change=True)
        follow = manager.post(response.url, {"data_items": "NI number as the matching identifier"})
        assert follow.url == check_url(world.initiative)


class TestTheRecommendation:
    def test_it_shows_the_model_with_its_profile_reasons_alternatives_and_warnings(self, manager, world):
        walk(manager, world)

        body = manager.get(result_url(world.initiative)).content.decode()

        assert '<h1 class="govuk-heading-l">Recommended: Lead department model</h1>' in body
        assert "One body can own delivery while others benefit" in body
        assert "Clear accountability" in body
        assert "Risk of local optimisation if partners are not properly involved" in body
        assert "You said one body could own part of the outcome but not all of it" in body
        assert "Would not hold: you said one body decides" in body
        assert "Not needed: you said the bodies need common definitions" in body
        assert "Involve partners properly from day one" in body

    def test_changing_an_answer_changes_the_recommendation(self, manager, world):
        walk(manager, world)
        manager.post(question_url(world.initiative, "data", change=True), {"data": "exchange"})

        body = manager.get(result_url(world.initiative)).content.decode()

        assert '<h1 class="govuk-heading-l">Recommended: Lead department model</h1>' in body
        assert "Components it also needs" in body
        assert "Data-sharing partnership" in body
        assert "with the lead department answering for the exchange" in body
        assert "data sharing agreement" in body

    def test_accepting_it_records_an_assessment_and_fills_the_initiative(
        self, manager, world, django_capture_on_commit_callbacks
    ):
        new_owner = UserFactory(
            full_name="Grace Hopper", email="grace@hmrc.example", bodies=[world.partner_body]
        )
        walk(manager, world, **{"senior-owner": {"senior_owner": str(new_owner.pk)}})
        replaced_owner = world.initiative.senior_owner

        with django_capture_on_commit_callbacks(execute=True):
            response = manager.post(result_url(world.initiative), {"chosen_model": "lead_department"})

        assert response.status_code == 302
        assert response.url == reverse("governance:setup", args=[world.initiative.slug])
        assessment = Assessment.objects.get()
        assert assessment.number == 1
        assert assessment.recommended_model == assessment.chosen_model == "lead_department"
        assert assessment.followed_recommendation
        assert assessment.answers == {
            "single_owner": "partly",
            "decisions": "one_body",
            "budget": "one_funds_others_benefit",
            "data": "definitions",
            "operations": "handoffs",
            "crisis": False,
            "bodies": 2,
        }
        assert assessment.result["model"] == "lead_department"
        assert assessment.data_items == ["What counts as a notified death", "Date of death format"]
        assert assessment.joint_risks == ["Partners join late", "Matching fails for common names"]
        assert assessment.single_body_risks == []
        assert assessment.measures == ["Days from registration to every body acting, monthly"]
        assert assessment.stop_doing == {
            str(world.lead_body.pk): ["Stop writing separately about overpayments"],
            str(world.partner_body.pk): [],
        }
        initiative = Initiative.objects.get(pk=world.initiative.pk)
        assert initiative.operating_model == "lead_department"
        assert initiative.senior_owner == new_owner
        assert initiative.senior_owner_decision_rights == ["Approve scope changes within budget"]
        assert initiative.outcome_statement == "Bereaved families tell government once."
        assert initiative.participations.get(body=world.lead_body).stop_doing == [
            "Stop writing separately about overpayments"
        ]
        # The new senior owner is told they are named, and the one they replace that they no longer are.
        assert sorted(message.to for message in mail.outbox) == sorted(
            [[new_owner.email], [replaced_owner.email]]
        )

    def test_the_draft_is_gone_once_recorded(self, manager, world):
        walk(manager, world)
        manager.post(result_url(world.initiative), {"chosen_model": "lead_department"})

        response = manager.get(check_url(world.initiative))

        assert response.url == question_url(world.initiative, "own-the-outcome")

    def test_choosing_another_model_needs_a_reason(self, manager, world):
        walk(manager, world)

        response = manager.post(result_url(world.initiative), {"chosen_model": "joint_programme_board"})

        body = response.content.decode()
        assert response.status_code == 200
        assert "Enter why you are choosing a different model from the recommended one</a>" in body
        assert '<a href="#id_choice_reason">' in body
        assert not Assessment.objects.exists()

    def test_choosing_another_model_with_a_reason_records_both(self, manager, world):
        walk(manager, world)

        manager.post(
            result_url(world.initiative),
            {"chosen_model": "joint_programme_board", "choice_reason": "Ministers asked for a joint board"},
        )

        assessment = Assessment.objects.get()
        assert (assessment.recommended_model, assessment.chosen_model) == (
            "lead_department",
            "joint_programme_board",
        )
        assert assessment.choice_reason == "Ministers asked for a joint board"
        overview = manager.get(world.initiative.get_absolute_url()).content.decode()
        assert (
            "Recommended: Lead department model. Chosen instead because: Ministers asked for a joint board"
            in (overview)
        )

    def test_a_model_that_does_not_exist_is_refused(self, manager, world):
        walk(manager, world)

        response = manager.post(result_url(world.initiative), {"chosen_model": "anarchy"})

        assert "Select a valid choice" in response.content.decode()
        assert not Assessment.objects.exists()

    def test_a_re_run_adds_a_second_assessment_and_keeps_the_first(self, manager, world):
        walk(manager, world)
        manager.post(result_url(world.initiative), {"chosen_model": "lead_department"})
        first = Assessment.objects.get()

        walk(manager, world, data={"data": "exchange"})
        manager.post(result_url(world.initiative), {"chosen_model": "lead_department"})

        assert list(Assessment.objects.values_list("number", "chosen_model", "components")) == [
            (2, "lead_department", ["data_sharing_partnership"]),
            (1, "lead_department", []),
        ]
        assert Assessment.objects.get(pk=first.pk).answers == first.answers
        assert Initiative.objects.get(pk=world.initiative.pk).operating_model == "lead_department"

    def test_a_re_run_starts_from_the_last_assessments_answers(self, manager, world):
        walk(manager, world)
        manager.post(result_url(world.initiative), {"chosen_model": "lead_department"})

        manager.get(reverse("initiatives:wizard_start", args=[world.initiative.slug]))
        body = manager.get(question_url(world.initiative, "operations")).content.decode()

        assert 'value="handoffs" id="id_operations_1" checked' in body

    def test_a_senior_owner_whose_body_left_since_is_asked_again(self, manager, world):
        new_owner = UserFactory(email="grace@hmrc.example", bodies=[world.partner_body])
        walk(manager, world, **{"senior-owner": {"senior_owner": str(new_owner.pk)}})
        world.initiative.participations.filter(body=world.partner_body).delete()

        response = manager.post(result_url(world.initiative), {"chosen_model": "lead_department"})

        assert response.url == question_url(world.initiative, "senior-owner")
        assert not Assessment.objects.exists()


class TestOverviewAndHistory:
    def test_the_overview_offers_the_checklist_prominently_until_a_model_is_chosen(self, manager, world):
        body = manager.get(world.initiative.get_absolute_url()).content.decode()

        assert "Not chosen yet" in body
        assert 'data-module="govuk-button">Choose an operating model</a>' in body

    def test_a_new_initiative_leads_into_the_checklist(self, manager, world):
        response = manager.post(
            reverse("initiatives:create"),
            {
                "title": "Care leavers",
                "outcome_statement": "Care leavers get housing within a week.",
                "value_areas": ["operational_delivery"],
                "lead_body": world.lead_body.pk,
            },
            follow=True,
        )

        body = response.content.decode()
        assert "Choose an operating model" in body
        assert "Only one body takes part so far" in body

    def test_partners_see_the_model_but_are_not_offered_the_checklist(self, client, world):
        client.force_login(world.partner_member)

        body = client.get(world.initiative.get_absolute_url()).content.decode()

        assert "Choose an operating model" not in body
        assert "Re-run the operating model checklist" not in body

    def test_after_recording_the_overview_shows_the_model_and_offers_a_re_run(self, manager, world):
        walk(manager, world)
        manager.post(result_url(world.initiative), {"chosen_model": "lead_department"})

        body = manager.get(world.initiative.get_absolute_url()).content.decode()

        assert "Lead department model" in body
        assert "Followed the recommendation" in body
        assert "(assessment 1)" in body
        assert "Re-run the operating model checklist" in body
        assert f'href="{history_url(world.initiative)}"' in body

    def test_the_history_lists_each_assessment_with_answers_recommendation_and_choice(self, client, world):
        client.force_login(world.programme_manager)
        walk(client, world)
        client.post(
            result_url(world.initiative),
            {"chosen_model": "joint_programme_board", "choice_reason": "Ministers asked for a board"},
        )
        client.force_login(world.assurance_reviewer)

        body = client.get(history_url(world.initiative)).content.decode()

        assert "Assessment 1" in body
        assert "Lead department model" in body
        assert "Joint programme board" in body
        assert "Ministers asked for a board" in body
        assert "One body funds it and the others benefit" in body
        assert "What counts as a notified death" in body
        assert "You said one body could own part of the outcome" in body
        assert "What DWP will stop doing" in body

    def test_the_history_says_when_there_is_none_yet(self, client, world):
        client.force_login(world.partner_member)

        body = client.get(history_url(world.initiative)).content.decode()

        assert "has not been run for this initiative yet" in body


def test_the_number_of_bodies_is_a_short_numeric_input(client, world):
    client.force_login(world.programme_manager)

    body = client.get(question_url(world.initiative, "bodies")).content.decode()

    assert 'class="govuk-input govuk-input--width-3"' in body
    assert 'inputmode="numeric"' in body
