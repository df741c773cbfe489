"""Pickers of one person or body among many: a select, searched with JavaScript once it is long (ADR 0022)."""

import re

import pytest
from django import forms
from django.urls import reverse

from collab.govuk_forms import SEARCH_FROM_CHOICES, GovukForm
from initiatives.models import Membership
from tests.factories import BodyFactory, UserFactory

SEARCHED = 'data-module="jup-autocomplete"'


def choice_form(count: int, *, required: bool = True) -> GovukForm:
    class Form(GovukForm):
        pick = forms.ChoiceField(
            label="Pick one",
            required=required,
            choices=[("", "Choose one"), *((n, f"Choice {n}") for n in range(count))],
        )

    return Form()


class TestTheWidget:
    def test_a_long_select_is_marked_to_be_searched(self):
        html = str(choice_form(SEARCH_FROM_CHOICES + 1)["pick"])

        assert html.startswith("<select") and SEARCHED in html

    def test_a_short_select_stays_plain_and_the_prompt_is_not_counted(self):
        html = str(choice_form(SEARCH_FROM_CHOICES)["pick"])

        assert html.startswith("<select") and SEARCHED not in html

    def test_only_an_optional_select_offers_its_blank_when_searched(self):
        assert 'data-offer-blank="true"' in str(choice_form(25, required=False)["pick"])
        assert "data-offer-blank" not in str(choice_form(25)["pick"])


def colleagues(body, count=SEARCH_FROM_CHOICES):
    """Enough people in a body taking part to make its pickers long."""
    people = [UserFactory(full_name=f"Colleague {n:02d} Example", bodies=[body]) for n in range(count)]
    Membership.objects.filter(user__in=people).update(job_title="Policy adviser")
    return people


@pytest.mark.django_db
class TestTheSeniorOwnerQuestion:
    @pytest.fixture
    def question(self, client, world):
        client.force_login(world.programme_manager)
        client.get(reverse("initiatives:wizard_start", args=[world.initiative.slug]))
        return reverse("initiatives:wizard_question", args=[world.initiative.slug, "senior-owner"])

    def test_it_lists_everyone_taking_part_in_one_select_searched_when_long(self, client, world, question):
        people = colleagues(world.lead_body)

        page = client.get(question).content.decode()

        assert 'type="radio"' not in page
        select = re.search(r'<select name="senior_owner".*?</select>', page, re.S)
        assert select and SEARCHED in select.group()
        assert '<option value="">Choose a person</option>' in select.group()
        for person in [*people, world.senior_owner, world.partner_member]:
            assert f'<option value="{person.pk}"' in select.group()
        assert f"{people[0].full_name} (DWP, Policy adviser)</option>" in select.group()
        assert f'<option value="{world.senior_owner.pk}" selected>' in select.group()
        assert 'aria-describedby="id_senior_owner-hint"' in select.group()

    def test_the_chosen_person_is_kept(self, client, world, question):
        chosen = colleagues(world.lead_body)[7]

        response = client.post(question, {"senior_owner": chosen.pk})

        assert response.status_code == 302
        assert f'<option value="{chosen.pk}" selected>' in client.get(question).content.decode()

    @pytest.mark.parametrize(
        ("answer", "message"),
        [
            ("", "Select the senior accountable owner"),
            ("not-a-number", "Select a person from a body taking part in the initiative"),
            ("outsider", "Select a person from a body taking part in the initiative"),
        ],
    )
    def test_a_missing_or_wrong_answer_is_explained_at_the_select(
        self, client, world, question, answer, message
    ):
        posted = world.outsider.pk if answer == "outsider" else answer

        page = client.post(question, {"senior_owner": posted}).content.decode()

        assert f'<a href="#id_senior_owner">{message}</a>' in page
        assert re.search(r'<select name="senior_owner"[^>]* class="govuk-select govuk-select--error"', page)


@pytest.mark.django_db
class TestOtherPickers:
    def test_a_long_list_of_people_to_make_programme_manager_is_searched_and_saved(self, client, world):
        people = colleagues(world.partner_body)
        client.force_login(world.programme_manager)
        team = reverse("initiatives:team", kwargs={"slug": world.initiative.slug})

        page = client.get(team).content.decode()
        response = client.post(team, {"user": people[-1].pk})

        select = re.search(r'<select name="user".*?</select>', page, re.S)
        assert select and SEARCHED in select.group()
        assert all(f'<option value="{person.pk}">' in select.group() for person in people)
        assert response.status_code == 302
        assert world.initiative.roles.filter(user=people[-1]).exists()

    def test_a_long_list_of_chairs_is_searched_and_one_from_outside_is_refused(self, client, world):
        people = colleagues(world.lead_body)
        client.force_login(world.programme_manager)
        add = reverse("governance:forum_add", kwargs={"slug": world.initiative.slug})

        page = client.get(add).content.decode()
        refused = client.post(add, {"name": "Board", "chair": world.outsider.pk}).content.decode()

        select = re.search(r'<select name="chair".*?</select>', page, re.S)
        assert select and SEARCHED in select.group()
        assert all(f'<option value="{person.pk}">' in select.group() for person in people)
        assert '<a href="#id_chair">Select a valid choice.' in refused

    def test_a_long_list_of_bodies_to_invite_from_is_searched_with_its_groups(self, client, world):
        bodies = [BodyFactory() for _ in range(SEARCH_FROM_CHOICES)]
        client.force_login(world.programme_manager)

        page = client.get(reverse("people:invite", kwargs={"slug": world.initiative.slug})).content.decode()

        select = re.search(r'<select name="body".*?</select>', page, re.S)
        assert select and SEARCHED in select.group()
        assert '<optgroup label="Other bodies, for assurance reviewers">' in select.group()
        assert all(f'<option value="{body.pk}">{body.name}</option>' in select.group() for body in bodies)
