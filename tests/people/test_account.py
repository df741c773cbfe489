"""Your account: what it shows, what a person changes there, and staying signed in."""

import pytest
from django.test import Client
from django.urls import reverse

from people.account.services import email_frequency
from people.models import EmailFrequency, EmailKind
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def account_page(client) -> str:
    return client.get(reverse("people:account")).content.decode()


class TestYourAccount:
    def test_it_shows_name_email_bodies_and_roles_per_initiative(self, client, world):
        client.force_login(world.programme_manager)

        page = account_page(client)

        assert "Priya Shah" in page and "pm@dwp.example" in page
        assert "Department for Work and Pensions" in page
        assert "Tell Us Once for bereavement" in page
        assert "Programme manager; Member through DWP" in page

    def test_it_says_two_step_verification_is_required_and_cannot_be_turned_off(self, client, world):
        client.force_login(world.senior_owner)

        page = account_page(client)

        assert "Required, because you are a senior accountable owner" in page
        assert "Senior accountable owner; Member through DWP" in page
        assert "Turn off<span" not in page
        assert "10 left" in page

    def test_it_offers_two_step_verification_to_someone_without_it(self, client, world):
        client.force_login(world.partner_member)

        assert "Set up<span" in account_page(client)

    def test_it_counts_sessions_signed_in_elsewhere_and_signs_them_out(self, world):
        here, elsewhere = Client(), Client()
        for client in (here, elsewhere):
            client.post("/sign-in/", {"username": world.partner_member.email, "password": TEST_PASSWORD})

        assert "1 other browser" in account_page(here)
        here.post(reverse("usersessions_list"))

        assert elsewhere.get("/").status_code == 302
        assert here.get("/").status_code == 200
        assert "Only here" in account_page(here)

    def test_a_person_changes_their_name(self, client, world):
        client.force_login(world.partner_member)

        client.post(reverse("people:account_name"), {"full_name": "Siân Evans-Hughes"})

        world.partner_member.refresh_from_db()
        assert world.partner_member.full_name == "Siân Evans-Hughes"

    def test_an_empty_name_is_refused(self, client, world):
        client.force_login(world.partner_member)

        response = client.post(reverse("people:account_name"), {"full_name": ""})

        assert '<a href="#id_full_name">Enter your name</a>' in response.content.decode()


class TestEmailPreferences:
    def test_every_kind_is_straight_away_until_chosen_otherwise(self, world):
        assert {email_frequency(person=world.partner_member, kind=kind) for kind in EmailKind} == {
            "immediate"
        }

    def test_a_person_chooses_per_kind(self, client, world):
        client.force_login(world.partner_member)
        choices = {kind.value: EmailFrequency.IMMEDIATE.value for kind in EmailKind}
        choices[EmailKind.REMINDERS] = EmailFrequency.DAILY_DIGEST
        choices[EmailKind.RISKS_ASSIGNED] = EmailFrequency.OFF

        response = client.post(reverse("people:email_preferences"), choices)

        assert response.url == reverse("people:account")
        assert email_frequency(person=world.partner_member, kind=EmailKind.REMINDERS) == "daily_digest"
        assert email_frequency(person=world.partner_member, kind=EmailKind.RISKS_ASSIGNED) == "off"
        assert "In one email a day" in account_page(client)

    def test_an_answer_left_out_is_asked_for(self, client, world):
        client.force_login(world.partner_member)

        response = client.post(reverse("people:email_preferences"), {"reminders": "off"})

        assert "Select how often you want emails about decisions awaiting you" in response.content.decode()


class TestStayingSignedIn:
    def test_stay_signed_in_pushes_the_idle_expiry_ahead(self, client, world):
        client.force_login(world.partner_member)

        response = client.post(reverse("people:keep_alive"))

        assert response.status_code == 200
        assert response.json() == {"signed_in_for_seconds": 30 * 60}
        assert client.session.get_expiry_age() == 30 * 60

    def test_signed_in_pages_carry_the_timeout_warning_with_the_sessions_length(
        self, client, world, settings
    ):
        settings.SESSION_COOKIE_AGE = 600
        client.force_login(world.partner_member)

        page = client.get("/").content.decode()

        assert 'data-timeout-seconds="600"' in page
        assert 'data-warning-seconds="120"' in page
        assert "js/timeout-warning.mjs" in page and "js/form-drafts.mjs" in page

    def test_pages_for_people_not_signed_in_have_no_timeout_warning(self, client):
        assert "data-timeout-warning" not in client.get("/sign-in/").content.decode()

    def test_the_signed_out_page_sends_someone_still_signed_in_straight_back(self, client, world):
        client.force_login(world.partner_member)
        here = world.initiative.get_absolute_url()

        assert client.get(reverse("people:timed_out"), {"next": here}).url == here

    def test_the_signed_out_page_offers_to_sign_in_and_return_to_the_page(self, client, world):
        here = world.initiative.get_absolute_url()

        page = client.get(reverse("people:timed_out"), {"next": here}).content.decode()

        assert "You have been signed out" in page
        assert 'href="/sign-in/?next=%2Finitiatives%2Ftell-us-once%2F"' in page

    def test_the_signed_out_page_never_sends_anyone_off_the_site(self, client):
        page = client.get(reverse("people:timed_out"), {"next": "https://evil.example/"}).content.decode()

        assert "evil.example" not in page
