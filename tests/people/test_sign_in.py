"""Signing in by email address, forgotten passwords, and the lockout's email and unlocking."""

import re

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.urls import reverse

from people.lockout import is_locked_out
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "another-long-passphrase-77"


def sign_in(client, email, password=TEST_PASSWORD):
    return client.post("/sign-in/", {"username": email, "password": password})


def reset_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/password/reset/\S+/)", message.body).group(1)


def choose_new_password(client, link, password=NEW_PASSWORD):
    form_page = client.get(link)  # the key moves into the session, out of the address
    return client.post(form_page.url, {"password1": password, "password2": password})


class TestSignIn:
    def test_an_email_address_in_any_case_signs_in(self, client, world):
        response = sign_in(client, world.partner_member.email.upper())

        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(world.partner_member.pk)

    def test_a_blank_password_is_asked_for_at_its_field(self, client, world):
        response = sign_in(client, world.partner_member.email, "")

        assert '<a href="#id_password">Enter your password</a>' in response.content.decode()

    def test_a_deactivated_person_cannot_sign_in_and_a_wrong_password_hears_nothing_different(
        self, client, world
    ):
        world.partner_member.is_active = False
        world.partner_member.save()

        wrong = sign_in(client, world.partner_member.email, "not the password")
        right = sign_in(client, world.partner_member.email)

        assert "Enter a correct email address and password" in wrong.content.decode()
        # Only someone who knows the password learns the account was deactivated.
        assert right.url == reverse("account_inactive")
        assert "_auth_user_id" not in client.session

    def test_the_header_says_who_is_signed_in_and_links_to_their_account(self, client, world):
        client.force_login(world.partner_member)

        page = client.get("/").content.decode()

        assert "Signed in as Siân Evans" in page
        assert f'href="{reverse("people:account")}"' in page


class TestForgottenPassword:
    def test_the_emailed_link_sets_a_new_password_once(self, client, world):
        client.post(reverse("account_reset_password"), {"email": world.partner_member.email})
        [message] = mail.outbox
        link = reset_link(message)

        response = choose_new_password(client, link)

        assert response.url == reverse("account_reset_password_from_key_done")
        assert sign_in(client, world.partner_member.email, NEW_PASSWORD).status_code == 302
        client.logout()
        assert "This link does not work" in client.get(link, follow=True).content.decode()

    def test_an_unknown_address_gets_the_same_answer_and_no_email(self, client, world):
        known = client.post(reverse("account_reset_password"), {"email": world.partner_member.email})
        unknown = client.post(reverse("account_reset_password"), {"email": "nobody@hmrc.example"})

        assert known.url == unknown.url == reverse("account_reset_password_done")
        assert [m.to for m in mail.outbox] == [[world.partner_member.email]]

    def test_a_new_password_is_checked_against_the_common_password_list(self, client, world):
        client.post(reverse("account_reset_password"), {"email": world.partner_member.email})

        response = choose_new_password(client, reset_link(mail.outbox[0]), "password1234")

        assert "This password is too common" in response.content.decode()


class TestLockout:
    @pytest.fixture(autouse=True)
    def lockout_on(self, settings):
        settings.AXES_ENABLED = True

    def lock(self, client, email):
        for _ in range(5):
            sign_in(client, email, "wrong password")

    def test_the_locked_out_person_is_emailed_a_reset_link_once(self, client, world):
        self.lock(client, world.partner_member.email)
        sign_in(client, world.partner_member.email, "still wrong")

        [message] = mail.outbox
        assert message.to == [world.partner_member.email]
        assert message.extra_headers["X-Joined-Up-Email"] == "locked_out"
        assert "/password/reset/" in message.body

    def test_changing_the_case_of_the_address_is_not_a_fresh_set_of_attempts(self, client, world):
        for email in ("Partner@HMRC.example", "partner@hmrc.example", "PARTNER@hmrc.EXAMPLE") * 2:
            sign_in(client, email, "wrong password")

        assert is_locked_out(world.partner_member.email)

    def test_an_unknown_address_is_locked_but_nobody_is_emailed(self, client, world):
        self.lock(client, "nobody@hmrc.example")

        assert is_locked_out("nobody@hmrc.example")
        assert mail.outbox == []

    def test_resetting_the_password_from_the_email_unlocks_the_address(self, client, world):
        self.lock(client, world.partner_member.email)

        choose_new_password(client, reset_link(mail.outbox[0]))

        assert not is_locked_out(world.partner_member.email)
        assert sign_in(client, world.partner_member.email, NEW_PASSWORD).status_code == 302

    def test_an_administrator_unlocks_from_the_persons_admin_page(self, client, world):
        self.lock(client, world.partner_member.email)
        client.force_login(world.administrator)
        change_page = reverse("admin:initiatives_user_change", args=[world.partner_member.pk])

        page = client.get(change_page).content.decode()
        assert "Unlock sign-in" in page
        assert "locked out after too many failed sign-ins" in page
        response = client.post(reverse("admin:people_unlock", args=[world.partner_member.pk]))

        assert response.url == change_page
        assert not AccessAttempt.objects.filter(username=world.partner_member.email).exists()
        client.logout()
        assert sign_in(client, world.partner_member.email).status_code == 302

    def test_the_admins_unlock_refuses_a_get(self, client, world):
        self.lock(client, world.partner_member.email)
        client.force_login(world.administrator)

        client.get(reverse("admin:people_unlock", args=[world.partner_member.pk]))

        assert is_locked_out(world.partner_member.email)
