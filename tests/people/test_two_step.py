"""Two-step verification: who must use it, setting it up, signing in with it, turning it off."""

import pyotp
import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from initiatives.models import InitiativeRole
from people.demo import DEMO_TOTP_SECRET, demo_code
from people.models import Invitation
from people.two_step import has_two_step, two_step_reasons
from tests.factories import (
    TEST_PASSWORD,
    TEST_TOTP_SECRET,
    InitiativeRoleFactory,
    UserFactory,
    totp_code,
    with_two_step,
)

pytestmark = pytest.mark.django_db


def sign_in(client, person, password=TEST_PASSWORD):
    return client.post("/sign-in/", {"username": person.email, "password": password})


class TestWhoMustUseIt:
    def test_senior_owners_reviewers_and_administrators_must(self, world):
        assert two_step_reasons(world.senior_owner) == ["you are a senior accountable owner"]
        assert two_step_reasons(world.assurance_reviewer) == ["you are an assurance reviewer"]
        assert two_step_reasons(world.administrator) == ["you are an administrator"]

    def test_programme_managers_and_members_may_choose(self, world):
        assert two_step_reasons(world.programme_manager) == []
        assert two_step_reasons(world.partner_member) == []

    def test_a_setting_makes_everyone_use_it(self, world, settings):
        settings.MFA_REQUIRED_FOR_ALL = True

        assert two_step_reasons(world.partner_member) == ["everyone using Joined-up must"]

    def test_someone_invited_as_a_possible_senior_owner_must(self, world):
        Invitation.objects.create(
            email=world.partner_member.email,
            initiative=world.initiative,
            body=world.partner_body,
            role=Invitation.Role.SENIOR_OWNER_CANDIDATE,
            token_hash="x" * 64,
            status=Invitation.Status.ACCEPTED,
            accepted_by=world.partner_member,
            expires_at=world.initiative.created_at,
        )

        assert two_step_reasons(world.partner_member) == [
            "you were invited as a possible senior accountable owner"
        ]


class TestRequiredBeforeAnythingElse:
    def test_someone_who_must_and_has_not_is_sent_to_set_it_up_from_any_page(self, client, world):
        newly_named = UserFactory(bodies=[world.lead_body])
        InitiativeRoleFactory(
            initiative=world.initiative, user=newly_named, role=InitiativeRole.Role.ASSURANCE_REVIEWER
        )
        client.force_login(newly_named)

        for page in ("/", world.initiative.get_absolute_url(), reverse("people:account")):
            response = client.get(page)
            assert response.status_code == 302
            assert response.url == reverse("mfa_activate_totp")
        assert client.post(reverse("logout")).status_code == 302

    def test_an_administrator_without_it_cannot_reach_the_django_admin(self, client, world):
        Authenticator.objects.filter(user=world.administrator).delete()
        client.force_login(world.administrator)

        assert client.get("/admin/").url == reverse("mfa_activate_totp")

    def test_the_admin_signs_in_through_the_service_not_its_own_form(self, client, world):
        response = client.get("/admin/login/?next=/admin/")

        assert response.url.startswith("/sign-in/?next=")

    def test_someone_who_may_choose_is_never_sent(self, client, world):
        client.force_login(world.partner_member)

        assert client.get("/").status_code == 200

    def test_the_setup_page_says_why_and_offers_no_way_round_when_required(self, client, world):
        person = UserFactory(bodies=[world.lead_body], is_staff=True)
        sign_in(client, person)

        page = client.get(reverse("mfa_activate_totp")).content.decode()

        assert "because you are an administrator" in page
        assert "Not now" not in page


class TestSettingUp:
    def recently_signed_in(self, client, person):
        sign_in(client, person)

    def test_the_code_from_the_app_turns_it_on_and_recovery_codes_follow(self, client, world):
        self.recently_signed_in(client, world.partner_member)
        page = client.get(reverse("mfa_activate_totp")).content.decode()
        assert "Not now" in page
        secret = client.session["mfa.totp.secret"]

        response = client.post(reverse("mfa_activate_totp"), {"code": pyotp.TOTP(secret).now()})

        assert response.url == reverse("mfa_view_recovery_codes")
        assert has_two_step(world.partner_member)
        codes = client.get(response.url).content.decode()
        assert codes.count("<li><code>") == 10

    def test_a_wrong_code_is_refused_at_the_field(self, client, world):
        self.recently_signed_in(client, world.partner_member)
        client.get(reverse("mfa_activate_totp"))

        response = client.post(reverse("mfa_activate_totp"), {"code": "000000"})

        assert response.status_code == 200
        assert (
            '<a href="#id_code">Enter the code your authenticator app shows now' in response.content.decode()
        )
        assert not has_two_step(world.partner_member)

    def test_secrets_are_stored_sealed_not_in_the_clear(self, world):
        stored = Authenticator.objects.get(user=world.senior_owner, type="totp").data["secret"]

        assert TEST_TOTP_SECRET not in stored
        assert (
            Authenticator.objects.get(user=world.senior_owner, type="totp").wrap().validate_code(totp_code())
        )


class TestSigningIn:
    def test_a_password_then_the_code_from_the_app(self, client, world):
        response = sign_in(client, world.senior_owner)
        assert response.url == reverse("mfa_authenticate")
        assert "_auth_user_id" not in client.session

        response = client.post(reverse("mfa_authenticate"), {"code": totp_code()})

        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(world.senior_owner.pk)

    def test_a_wrong_code_does_not_sign_in(self, client, world):
        sign_in(client, world.senior_owner)

        response = client.post(reverse("mfa_authenticate"), {"code": "123456"})

        assert response.status_code == 200
        assert "_auth_user_id" not in client.session

    def test_a_code_works_once(self, client, world):
        code = totp_code()
        sign_in(client, world.senior_owner)
        client.post(reverse("mfa_authenticate"), {"code": code})
        client.logout()

        sign_in(client, world.senior_owner)
        response = client.post(reverse("mfa_authenticate"), {"code": code})

        assert "_auth_user_id" not in client.session
        assert response.status_code == 200

    def test_the_next_code_works_too_for_a_phone_whose_clock_runs_ahead(self, client, world):
        """Browser tests use it to sign someone in twice in 30 seconds (tests/browser/conftest.py)."""
        sign_in(client, world.senior_owner)

        client.post(reverse("mfa_authenticate"), {"code": totp_code(steps_ahead=1)})

        assert client.session["_auth_user_id"] == str(world.senior_owner.pk)

    def test_a_recovery_code_works_instead(self, client, world):
        codes = Authenticator.objects.get(user=world.senior_owner, type="recovery_codes").wrap()
        sign_in(client, world.senior_owner)

        client.post(reverse("mfa_authenticate"), {"code": codes.get_unused_codes()[0]})

        assert client.session["_auth_user_id"] == str(world.senior_owner.pk)


class TestTurningOff:
    def test_someone_who_must_keep_it_is_told_they_cannot(self, client, world):
        sign_in(client, world.senior_owner)
        client.post(reverse("mfa_authenticate"), {"code": totp_code()})

        page = client.get(reverse("mfa_deactivate_totp"))

        assert "You cannot turn off two-step verification" in page.content.decode()
        client.post(reverse("mfa_deactivate_totp"))
        assert has_two_step(world.senior_owner)

    def test_someone_who_chose_it_may_turn_it_off(self, client, world):
        with_two_step(world.partner_member)
        sign_in(client, world.partner_member)
        client.post(reverse("mfa_authenticate"), {"code": totp_code()})

        response = client.post(reverse("mfa_deactivate_totp"))

        assert response.status_code == 302
        assert not has_two_step(world.partner_member)


def test_the_demo_code_command_gives_the_code_an_authenticator_app_would(world):
    assert demo_code(1_700_000_000) == pyotp.TOTP(DEMO_TOTP_SECRET).at(1_700_000_000)
