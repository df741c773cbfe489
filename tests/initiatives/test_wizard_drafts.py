"""The checklist as a saved draft with progress, and the comparison a re-run shows."""

import pytest
from django.test import Client
from django.urls import reverse

from initiatives.models import AssessmentDraft, InitiativeRole
from initiatives.wizard.steps import STEPS
from tests.factories import UserFactory
from tests.initiatives.test_wizard import check_url, question_url, result_url, walk

pytestmark = pytest.mark.django_db


def start_url(initiative):
    return reverse("initiatives:wizard_start", args=[initiative.slug])


@pytest.fixture
def manager(client, world):
    client.force_login(world.programme_manager)
    return client


class TestProgress:
    @pytest.mark.parametrize(
        ("step", "progress"),
        [
            ("own-the-outcome", "Question 1 of 15: The outcome and the bodies"),
            ("decisions", "Question 4 of 15: Decisions, money and delivery"),
            ("data-items", "Question 9 of 15: Data"),
            ("stop-doing", "Question 15 of 15: Risks, benefits and room to work"),
        ],
    )
    def test_every_question_says_how_far_through_the_checklist_it_is(self, manager, world, step, progress):
        body = manager.get(question_url(world.initiative, step)).content.decode()

        assert f'<span class="govuk-caption-l">{progress}</span>' in body
        assert "Your answers are saved each time you continue" in body

    def test_every_step_belongs_to_a_section_in_order(self):
        sections = [step.section for step in STEPS]

        assert len(STEPS) == 15
        assert sections == sorted(sections, key=sections.index)

    def test_check_your_answers_groups_the_answers_by_section(self, manager, world):
        walk(manager, world)

        body = manager.get(check_url(world.initiative)).content.decode()

        headings = [
            "The outcome and the bodies",
            "Decisions, money and delivery",
            "Data",
            "The senior owner",
            "Risks, benefits and room to work",
        ]
        positions = [body.index(f'<h2 class="govuk-heading-m">{heading}</h2>') for heading in headings]
        assert positions == sorted(positions)

    def test_nothing_calls_the_checklist_short(self, manager, world):
        body = manager.get(world.initiative.get_absolute_url()).content.decode()

        assert "short checklist" not in body
        assert "Answer 15 questions in 5 sections" in body


class TestTheDraft:
    def test_each_answer_is_saved_as_the_persons_draft(self, manager, world):
        manager.post(question_url(world.initiative, "own-the-outcome"), {"single_owner": "no"})
        manager.post(question_url(world.initiative, "outcome"), {"outcome_statement": "Tell us once."})

        draft = AssessmentDraft.objects.get(initiative=world.initiative, person=world.programme_manager)
        assert draft.answered == ["own-the-outcome", "outcome"]
        assert draft.values["single_owner"] == "no"
        assert draft.values["outcome_statement"] == "Tell us once."
        # What the initiative already said starts the draft, so later pages are filled in.
        assert draft.values["bodies"] == 2

    def test_a_page_with_errors_saves_nothing(self, manager, world):
        manager.post(question_url(world.initiative, "bodies"), {"bodies": "lots"})

        assert not AssessmentDraft.objects.exists()

    def test_after_signing_out_and_in_on_another_device_the_person_carries_on_where_they_left_off(
        self, manager, world
    ):
        manager.post(question_url(world.initiative, "own-the-outcome"), {"single_owner": "no"})
        manager.post(question_url(world.initiative, "outcome"), {"outcome_statement": "Tell us once."})
        manager.post(question_url(world.initiative, "bodies"), {"bodies": "4"})
        manager.post(reverse("logout"))

        another_device = Client()
        another_device.force_login(world.programme_manager)
        response = another_device.get(start_url(world.initiative))

        assert response.url == question_url(world.initiative, "decisions")
        earlier = another_device.get(question_url(world.initiative, "bodies")).content.decode()
        assert 'value="4"' in earlier

    def test_the_overview_offers_to_continue_a_saved_draft(self, manager, world):
        manager.post(question_url(world.initiative, "own-the-outcome"), {"single_owner": "no"})

        body = manager.get(world.initiative.get_absolute_url()).content.decode()

        assert "Carry on with the operating model checklist" in body
        assert "You have answered 1 of 15 questions" in body
        assert "Continue the checklist</a>" in body

    def test_a_finished_draft_resumes_at_check_your_answers(self, manager, world):
        walk(manager, world)

        assert manager.get(start_url(world.initiative)).url == check_url(world.initiative)

    def test_each_person_has_their_own_draft(self, manager, world, client):
        colleague = UserFactory(email="colleague@dwp.example", bodies=[world.lead_body])
        InitiativeRole.objects.create(
            initiative=world.initiative, user=colleague, role=InitiativeRole.Role.PROGRAMME_MANAGER
        )
        manager.post(question_url(world.initiative, "decisions"), {"decisions": "joint"})

        other = Client()
        other.force_login(colleague)
        page = other.get(question_url(world.initiative, "decisions")).content.decode()

        assert 'value="joint" id="id_decisions_2" checked' not in page
        assert other.get(start_url(world.initiative)).url == question_url(world.initiative, "own-the-outcome")

    def test_only_people_who_may_change_the_initiative_save_a_draft(self, client, world):
        client.force_login(world.partner_member)

        response = client.post(question_url(world.initiative, "decisions"), {"decisions": "joint"})

        assert response.status_code == 403
        assert not AssessmentDraft.objects.exists()


class TestTheRecommendationPage:
    def test_it_shows_the_components_with_their_why(self, manager, world):
        walk(manager, world, operations={"operations": "shared_platform"}, data={"data": "exchange"})

        body = manager.get(result_url(world.initiative)).content.decode()

        assert '<h1 class="govuk-heading-l">Recommended: Lead department model</h1>' in body
        assert "<title>Recommended: Lead department model, with a shared service or platform and a " in body
        assert "Components it also needs" in body
        assert "A shared service runs it once for every body that uses it" in body
        assert "which a data-sharing partnership of the bodies that send and receive records owns" in body

    def test_a_first_run_shows_no_comparison(self, manager, world):
        walk(manager, world)

        assert "What changed since" not in manager.get(result_url(world.initiative)).content.decode()

    def test_a_re_run_shows_what_changed_side_by_side_and_what_it_means(self, manager, world):
        walk(manager, world)
        manager.post(result_url(world.initiative), {"chosen_model": "lead_department"})
        walk(manager, world, data={"data": "exchange"})

        body = manager.get(result_url(world.initiative)).content.decode()

        assert "What changed since assessment 1" in body
        assert "1 of 7 answers changed." in body
        assert "The recommendation changed." in body
        assert (
            "<strong>Regular exchange of records between bodies</strong> "
            '<strong class="govuk-tag govuk-tag--yellow">Changed</strong>'
        ) in body
        assert "Lead department model, with a data-sharing partnership" in body
        assert "What the change means for forums, RACI and agreements" in body
        assert "A data working group for the exchange of records." in body
        assert "A data sharing agreement and a DPIA, signed and completed before any records move." in body

    def test_a_re_run_with_the_same_answers_says_nothing_changes(self, manager, world):
        walk(manager, world)
        manager.post(result_url(world.initiative), {"chosen_model": "lead_department"})
        walk(manager, world)

        body = manager.get(result_url(world.initiative)).content.decode()

        assert "No answer changed. The recommendation is the same." in body
        assert "the forums, RACI matrix and agreements it needs do not change" in body
