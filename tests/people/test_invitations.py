"""Inviting people into an initiative: who may, to which addresses, and what the link does."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from initiatives.models import InitiativeRole, Membership, User
from initiatives.roles import ASSURANCE_REVIEWERS_GROUP
from people.invitations import services
from people.invitations.services import InvitationRefused
from people.models import Invitation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-passphrase-42"


@pytest.fixture
def domains(world):
    """Each test body's people are at <short name>.example."""
    for body in (world.lead_body, world.partner_body, world.unrelated_body):
        body.allowed_email_domains = f"{body.short_name.lower()}.example"
        body.save()
    world.unrelated_body.allowed_email_domains = "gov-scot.example"
    world.unrelated_body.save()
    return world


def invite(world, email="new.person@hmrc.example", role=Invitation.Role.MEMBER, by=None, **extra):
    return services.invitation_send(
        initiative=world.initiative,
        email=email,
        body=extra.pop("body", world.partner_body),
        role=role,
        by=by or world.programme_manager,
        **extra,
    )


def link_in(message) -> str:
    return re.search(r"https?://\S+/invitations/\S+/", message.body).group(0)


def token_of(message) -> str:
    return link_in(message).rstrip("/").rsplit("/", 1)[1]


def accept(client, token, name="Nia Roberts", password=NEW_PASSWORD):
    return client.post(
        reverse("people:invitation_accept", kwargs={"token": token}),
        {"full_name": name, "password1": password, "password2": password},
    )


class TestSending:
    def test_a_new_address_is_emailed_a_link_whose_token_is_stored_only_as_a_hash(self, domains, settings):
        settings.SITE_URL = "https://joined-up.example"

        sent = invite(domains)

        assert not sent.added_at_once
        [message] = mail.outbox
        assert message.to == ["new.person@hmrc.example"]
        assert message.extra_headers["X-Joined-Up-Email"] == "invitation"
        assert link_in(message).startswith("https://joined-up.example/invitations/")
        token = token_of(message)
        assert token not in sent.invitation.token_hash
        assert sent.invitation.token_hash == services.token_hash(token)
        assert sent.invitation.expires_at - timezone.now() > datetime.timedelta(days=6, hours=23)

    def test_an_address_outside_the_bodys_email_domains_is_refused(self, domains):
        with pytest.raises(InvitationRefused, match=r"hmrc\.example") as refused:
            invite(domains, email="someone@gmail.example")

        assert refused.value.field == "email"
        assert mail.outbox == []

    def test_a_body_with_no_email_domains_yet_takes_no_invitations(self, world):
        with pytest.raises(InvitationRefused, match="none set yet"):
            invite(world)

    def test_a_subdomain_of_an_allowed_domain_is_allowed(self, domains):
        assert invite(domains, email="analyst@digital.hmrc.example").invitation.pk

    def test_an_administrator_may_override_the_domain_rule_and_it_is_recorded(self, domains):
        sent = invite(
            domains, email="contractor@supplier.example", by=domains.administrator, override_domain=True
        )

        assert sent.invitation.domain_override_by == domains.administrator

    def test_a_programme_managers_override_counts_for_nothing(self, domains):
        with pytest.raises(InvitationRefused):
            invite(domains, email="contractor@supplier.example", override_domain=True)

    def test_the_body_must_take_part_in_the_initiative(self, domains):
        with pytest.raises(InvitationRefused) as refused:
            invite(domains, email="analyst@gov-scot.example", body=domains.unrelated_body)

        assert refused.value.field == "body"

    def test_a_second_invitation_while_one_is_open_is_refused(self, domains):
        invite(domains)

        with pytest.raises(InvitationRefused, match="Resend"):
            invite(domains, role=Invitation.Role.PROGRAMME_MANAGER)

    def test_an_address_with_an_account_gets_the_role_at_once_and_an_email_instead_of_a_link(self, domains):
        person = UserFactory(email="colleague@hmrc.example", full_name="Aled Jones")

        sent = invite(domains, email="Colleague@HMRC.example", role=Invitation.Role.PROGRAMME_MANAGER)

        assert sent.added_at_once
        assert sent.invitation.state == Invitation.State.ACCEPTED
        assert sent.invitation.accepted_by == person
        assert Membership.objects.filter(user=person, body=domains.partner_body).exists()
        assert domains.initiative.roles.filter(
            user=person, role=InitiativeRole.Role.PROGRAMME_MANAGER
        ).exists()
        [message] = mail.outbox
        assert message.subject.startswith("You have been added to")
        assert "/invitations/" not in message.body

    def test_a_deactivated_person_cannot_be_invited_until_reactivated(self, domains):
        UserFactory(email="leaver@hmrc.example", is_active=False)

        with pytest.raises(InvitationRefused, match="deactivated"):
            invite(domains, email="leaver@hmrc.example")

    def test_only_an_administrator_may_invite_someone_outside_the_group_as_assurance_reviewer(self, domains):
        with pytest.raises(InvitationRefused, match="Assurance reviewers group") as refused:
            invite(domains, role=Invitation.Role.ASSURANCE_REVIEWER)
        assert refused.value.field == "role"

        assert invite(domains, role=Invitation.Role.ASSURANCE_REVIEWER, by=domains.administrator).invitation

    def test_someone_in_the_reviewers_group_may_be_invited_as_reviewer_from_a_body_not_taking_part(
        self, domains
    ):
        reviewer = UserFactory(email="second.reviewer@gov-scot.example")
        reviewer.groups.add(Group.objects.get_or_create(name=ASSURANCE_REVIEWERS_GROUP)[0])

        sent = invite(
            domains,
            email=reviewer.email,
            body=domains.unrelated_body,
            role=Invitation.Role.ASSURANCE_REVIEWER,
        )

        assert domains.initiative.roles.filter(user=reviewer, role="assurance_reviewer").exists()
        assert sent.added_at_once


class TestAccepting:
    def test_following_the_link_makes_the_account_signs_in_and_offers_two_step_verification(
        self, client, domains
    ):
        invite(domains, role=Invitation.Role.PROGRAMME_MANAGER)
        token = token_of(mail.outbox[0])

        response = accept(client, token)

        person = User.objects.get(email="new.person@hmrc.example")
        assert person.full_name == "Nia Roberts"
        assert person.check_password(NEW_PASSWORD)
        assert Membership.objects.filter(user=person, body=domains.partner_body).exists()
        assert domains.initiative.roles.filter(user=person, role="programme_manager").exists()
        assert client.session["_auth_user_id"] == str(person.pk)
        assert response.url == f"{reverse('mfa_activate_totp')}?next=%2Finitiatives%2Ftell-us-once%2F"
        # Just chose a password: setting up the authenticator does not ask for it again.
        assert client.get(response.url).status_code == 200

    def test_the_link_works_once(self, client, domains):
        invite(domains)
        token = token_of(mail.outbox[0])
        accept(client, token)
        client.logout()

        again = client.get(reverse("people:invitation_accept", kwargs={"token": token}))

        assert again.status_code == 404
        assert "This invitation link does not work" in again.content.decode()

    def test_a_link_older_than_seven_days_has_expired(self, client, domains):
        sent = invite(domains)
        Invitation.objects.filter(pk=sent.invitation.pk).update(
            expires_at=timezone.now() - datetime.timedelta(1)
        )
        sent.invitation.refresh_from_db()

        response = accept(client, token_of(mail.outbox[0]))

        assert response.status_code == 404
        assert not User.objects.filter(email="new.person@hmrc.example").exists()
        assert sent.invitation.state == Invitation.State.EXPIRED

    def test_resending_sends_a_new_link_and_the_old_one_stops_working(self, client, domains):
        sent = invite(domains)
        old = token_of(mail.outbox[0])
        Invitation.objects.filter(pk=sent.invitation.pk).update(expires_at=timezone.now())

        services.invitation_resend(invitation=sent.invitation, by=domains.programme_manager)

        new = token_of(mail.outbox[1])
        assert new != old
        assert accept(client, old).status_code == 404
        assert accept(client, new).status_code == 302

    def test_a_withdrawn_invitations_link_stops_working(self, client, domains):
        sent = invite(domains)

        services.invitation_withdraw(invitation=sent.invitation, by=domains.programme_manager)

        assert accept(client, token_of(mail.outbox[0])).status_code == 404
        sent.invitation.refresh_from_db()
        assert sent.invitation.state == Invitation.State.WITHDRAWN
        with pytest.raises(InvitationRefused):
            services.invitation_resend(invitation=sent.invitation, by=domains.programme_manager)

    def test_a_weak_or_mismatched_password_is_refused_with_an_error_at_the_field(self, client, domains):
        invite(domains)
        token = token_of(mail.outbox[0])

        weak = accept(client, token, password="password123")
        mismatched = client.post(
            reverse("people:invitation_accept", kwargs={"token": token}),
            {"full_name": "Nia", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD + "x"},
        )

        assert weak.status_code == mismatched.status_code == 200
        assert "This password is too common" in weak.content.decode()
        assert "The passwords do not match" in mismatched.content.decode()
        assert not User.objects.filter(email="new.person@hmrc.example").exists()

    def test_an_invitation_for_an_address_that_since_got_an_account_is_taken_up_after_signing_in(
        self, client, domains
    ):
        invite(domains)
        token = token_of(mail.outbox[0])
        person = UserFactory(email="new.person@hmrc.example")
        url = reverse("people:invitation_accept", kwargs={"token": token})

        assert "Sign in to accept your invitation" in client.get(url).content.decode()
        client.force_login(person)
        response = client.get(url)

        assert response.url == domains.initiative.get_absolute_url()
        assert Membership.objects.filter(user=person, body=domains.partner_body).exists()

    def test_someone_signed_in_as_another_person_is_told_the_invitation_is_not_theirs(self, client, domains):
        invite(domains)
        client.force_login(domains.partner_member)

        response = client.get(reverse("people:invitation_accept", kwargs={"token": token_of(mail.outbox[0])}))

        assert response.status_code == 403
        assert not Invitation.objects.filter(status="accepted").exists()

    def test_an_unknown_token_gets_the_link_not_working_page(self, client, world):
        response = client.get(reverse("people:invitation_accept", kwargs={"token": "made-up"}))

        assert response.status_code == 404


class TestTeamPage:
    def invite_url(self, world):
        return reverse("people:invite", kwargs={"slug": world.initiative.slug})

    def test_a_programme_manager_invites_from_the_team_page_and_sees_the_invitation_listed(
        self, client, domains
    ):
        client.force_login(domains.programme_manager)
        team = reverse("initiatives:team", kwargs={"slug": domains.initiative.slug})

        response = client.post(
            self.invite_url(domains),
            {"email": "new.person@hmrc.example", "body": domains.partner_body.pk, "role": "member"},
        )

        assert response.url == team
        page = client.get(team).content.decode()
        assert "new.person@hmrc.example" in page
        assert "Pending" in page
        assert "Resend<span" in page and "Withdraw<span" in page

    def test_the_invitation_form_names_the_field_at_fault(self, client, domains):
        client.force_login(domains.programme_manager)

        response = client.post(
            self.invite_url(domains),
            {"email": "someone@gmail.example", "body": domains.partner_body.pk, "role": "member"},
        )

        body = response.content.decode()
        assert response.status_code == 200
        assert '<a href="#id_email">Enter an address at one of HMRC' in body

    def test_only_administrators_are_offered_the_domain_override(self, client, domains):
        client.force_login(domains.programme_manager)
        assert "override_domain" not in client.get(self.invite_url(domains)).content.decode()

        client.force_login(domains.administrator)
        assert "override_domain" in client.get(self.invite_url(domains)).content.decode()

    @pytest.mark.parametrize("persona", ["partner_member", "senior_owner", "assurance_reviewer"])
    def test_people_without_the_team_to_manage_cannot_invite(self, client, domains, persona):
        client.force_login(getattr(domains, persona))

        assert client.get(self.invite_url(domains)).status_code == 403
        assert (
            "Invite someone"
            not in client.get(
                reverse("initiatives:team", kwargs={"slug": domains.initiative.slug})
            ).content.decode()
        )

    def test_outsiders_cannot_tell_the_initiative_exists(self, client, domains):
        client.force_login(domains.outsider)

        assert client.get(self.invite_url(domains)).status_code == 404

    @pytest.mark.parametrize("action", ["invitation_resend", "invitation_withdraw"])
    def test_resend_and_withdraw_are_for_the_programme_managers(self, client, domains, action):
        sent = invite(domains)
        url = reverse(f"people:{action}", kwargs={"slug": domains.initiative.slug, "pk": sent.invitation.pk})

        client.force_login(domains.partner_member)
        assert client.post(url, {"confirmed": "yes"}).status_code == 403
        client.force_login(domains.programme_manager)
        assert client.post(url, {"confirmed": "yes"}).status_code == 302

        sent.invitation.refresh_from_db()
        assert sent.invitation.sent_at is not None
        assert (sent.invitation.status == "withdrawn") == (action == "invitation_withdraw")

    def test_a_withdrawn_invitation_cannot_be_withdrawn_again(self, client, domains):
        sent = invite(domains)
        services.invitation_withdraw(invitation=sent.invitation, by=domains.programme_manager)
        client.force_login(domains.programme_manager)

        response = client.post(
            reverse(
                "people:invitation_withdraw",
                kwargs={"slug": domains.initiative.slug, "pk": sent.invitation.pk},
            ),
            {"confirmed": "yes"},
            follow=True,
        )

        assert "already been accepted or withdrawn" in response.content.decode()


def test_signing_in_with_the_password_chosen_from_an_invitation_works(client, domains):
    invite(domains)
    accept(client, token_of(mail.outbox[0]))
    client.logout()

    response = client.post("/sign-in/", {"username": "new.person@hmrc.example", "password": NEW_PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(email="new.person@hmrc.example").pk)
