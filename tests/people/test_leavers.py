"""Leavers: who may deactivate whom, and what deactivating does."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from governance.forums.models import Forum
from governance.models import Risk
from initiatives.models import Membership
from initiatives.portfolio_offices.models import PortfolioGrant
from initiatives.portfolio_offices.services import portfolio_grant_end, portfolio_grant_give
from people.holdings import Holding, HoldingsRegistry, person_holdings
from people.invitations.services import InvitationRefused, invitation_check
from people.leavers.services import LeaverRefused, person_deactivate, person_reactivate
from people.lockout import is_locked_out
from people.models import Invitation
from people.rules import DEACTIVATE_PERSON, UNLOCK_PERSON, VIEW_PEOPLE, VIEW_PERSON
from tests.factories import TEST_PASSWORD, UserFactory
from tests.governance.register_factories import RiskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def body_lead(world):
    """The programme manager is also DWP's body lead."""
    Membership.objects.filter(user=world.programme_manager, body=world.lead_body).update(is_body_lead=True)
    return world.programme_manager


def signed_in_client(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


class TestWhoMay:
    def test_an_administrator_may_deactivate_anyone(self, world):
        assert world.administrator.has_perm(DEACTIVATE_PERSON, world.partner_member)
        assert world.administrator.has_perm(VIEW_PERSON, world.partner_member)

    def test_a_body_lead_may_not_deactivate_themselves(self, world, body_lead):
        assert not body_lead.has_perm(DEACTIVATE_PERSON, body_lead)

    def test_administrators_and_body_leads_see_the_people_pages(self, world, body_lead):
        assert world.administrator.has_perm(VIEW_PEOPLE)
        assert body_lead.has_perm(VIEW_PEOPLE)
        page = signed_in_client(body_lead).get(reverse("people:people")).content.decode()
        assert world.senior_owner.email in page
        assert world.partner_member.email not in page

    def test_a_body_lead_may_deactivate_their_own_bodys_people(self, world, body_lead):
        assert body_lead.has_perm(DEACTIVATE_PERSON, world.senior_owner)
        assert body_lead.has_perm(VIEW_PERSON, world.senior_owner)
        assert body_lead.has_perm(UNLOCK_PERSON, world.senior_owner)

    def test_a_body_lead_may_not_deactivate_another_bodys_people(self, world, body_lead):
        assert not body_lead.has_perm(DEACTIVATE_PERSON, world.partner_member)
        assert not body_lead.has_perm(VIEW_PERSON, world.partner_member)
        assert not body_lead.has_perm(UNLOCK_PERSON, world.partner_member)

    def test_a_body_lead_may_not_deactivate_someone_who_also_works_for_another_body(self, world, body_lead):
        Membership.objects.create(user=world.senior_owner, body=world.partner_body)

        assert not body_lead.has_perm(DEACTIVATE_PERSON, world.senior_owner)
        assert body_lead.has_perm(UNLOCK_PERSON, world.senior_owner)

    def test_a_body_lead_may_not_deactivate_an_administrator(self, world, body_lead):
        Membership.objects.create(user=world.administrator, body=world.lead_body)

        assert not body_lead.has_perm(DEACTIVATE_PERSON, world.administrator)

    def test_nobody_else_may(self, world):
        for persona in (world.programme_manager, world.senior_owner, world.partner_member, world.outsider):
            assert not persona.has_perm(VIEW_PEOPLE)
            assert not persona.has_perm(DEACTIVATE_PERSON, world.partner_member)

    def test_the_people_pages_refuse_them(self, world):
        client = signed_in_client(world.partner_member)

        assert client.get(reverse("people:people")).status_code == 403
        assert client.get(reverse("people:person", args=[world.senior_owner.pk])).status_code == 403
        assert client.post(reverse("people:deactivate", args=[world.senior_owner.pk])).status_code == 403

    def test_a_body_lead_cannot_open_someone_outside_their_bodies(self, world, body_lead):
        client = signed_in_client(body_lead)

        assert client.get(reverse("people:person", args=[world.partner_member.pk])).status_code == 404
        assert client.post(reverse("people:deactivate", args=[world.partner_member.pk])).status_code == 404
        assert world.partner_member.email not in client.get(reverse("people:people")).content.decode()


class TestDeactivating:
    def test_their_live_sessions_end_at_once(self, world):
        theirs = signed_in_client(world.partner_member)
        assert theirs.get("/").status_code == 200

        person_deactivate(person=world.partner_member, by=world.administrator)

        assert theirs.get("/").url.startswith("/sign-in/")
        assert not [
            s
            for s in Session.objects.all()
            if s.get_decoded().get("_auth_user_id") == str(world.partner_member.pk)
        ]

    def test_they_cannot_sign_in_again_and_their_password_gets_the_deactivated_page(self, world):
        person_deactivate(person=world.partner_member, by=world.administrator)

        client = Client()
        response = client.post(
            "/sign-in/", {"username": world.partner_member.email, "password": TEST_PASSWORD}
        )

        assert "_auth_user_id" not in client.session
        assert response.url == reverse("account_inactive")

    def test_their_roles_end_including_senior_owner_and_are_recorded(self, world):
        deactivation = person_deactivate(person=world.senior_owner, by=world.administrator, reason="Retired")

        world.initiative.refresh_from_db()
        assert world.initiative.senior_owner is None
        assert deactivation.roles_ended == [
            {
                "initiative": world.initiative.title,
                "slug": world.initiative.slug,
                "role": "Senior accountable owner",
            }
        ]
        person_deactivate(person=world.programme_manager, by=world.administrator)
        assert not world.initiative.roles.filter(user=world.programme_manager).exists()

    def test_their_portfolio_office_grants_end_and_do_not_come_back_with_them(self, world):
        administrator = world.administrator
        earlier = portfolio_grant_give(person=world.partner_member, body=world.lead_body, by=administrator)
        portfolio_grant_end(grant=earlier, by=administrator)
        everywhere = portfolio_grant_give(person=world.partner_member, body=None, by=world.administrator)

        person_deactivate(person=world.partner_member, by=world.administrator)
        person_reactivate(person=world.partner_member, by=world.administrator)

        everywhere.refresh_from_db()
        assert (everywhere.ended_by, everywhere.is_current) == (world.administrator, False)
        assert not PortfolioGrant.objects.held_by(world.partner_member).exists()
        assert everywhere.history.count() == 2  # given, then ended: on record

    def test_records_keep_their_name_and_are_listed_for_reassignment(self, world):
        risk = RiskFactory(initiative=world.initiative, owner_body=world.lead_body, owner=world.senior_owner)
        forum = Forum.objects.create(
            initiative=world.initiative,
            name="Programme board",
            purpose="decisions",
            cadence="monthly",
            chair=world.senior_owner,
        )

        person_deactivate(person=world.senior_owner, by=world.administrator)

        assert Risk.objects.get(pk=risk.pk).owner == world.senior_owner
        held = person_holdings.find(person=world.senior_owner)
        assert [h.kind for h in held] == ["Risks they own", "Forums they chair"]
        assert held[0].url == reverse(
            "governance:risk_edit", kwargs={"slug": world.initiative.slug, "pk": risk.pk}
        )
        assert forum.name in held[1].label

    def test_a_deactivated_person_cannot_be_invited_until_reactivated(self, world):
        world.partner_body.allowed_email_domains = "hmrc.example"
        world.partner_body.save()
        person_deactivate(person=world.partner_member, by=world.administrator)
        check = {
            "initiative": world.initiative,
            "email": world.partner_member.email,
            "body": world.partner_body,
            "role": Invitation.Role.MEMBER,
            "by": world.programme_manager,
        }

        with pytest.raises(InvitationRefused, match="deactivated"):
            invitation_check(**check)
        person_reactivate(person=world.partner_member, by=world.administrator)
        assert invitation_check(**check) == world.partner_member

    def test_deactivating_twice_or_yourself_is_refused(self, world):
        person_deactivate(person=world.partner_member, by=world.administrator)

        with pytest.raises(LeaverRefused):
            person_deactivate(person=world.partner_member, by=world.administrator)
        with pytest.raises(LeaverRefused):
            person_deactivate(person=world.administrator, by=world.administrator)

    def test_a_body_lead_deactivates_from_the_person_page(self, world, body_lead):
        theirs = signed_in_client(world.senior_owner)
        lead = signed_in_client(body_lead)
        page = lead.get(reverse("people:deactivate", args=[world.senior_owner.pk])).content.decode()
        assert (
            "Senior accountable owner of Tell Us Once" in page
            or "senior accountable owner of Tell Us Once" in page
        )

        response = lead.post(
            reverse("people:deactivate", args=[world.senior_owner.pk]), {"reason": "Left DWP"}
        )

        assert response.url == reverse("people:person", args=[world.senior_owner.pk])
        world.senior_owner.refresh_from_db()
        assert not world.senior_owner.is_active
        assert theirs.get("/").status_code == 302
        person_page = lead.get(response.url).content.decode()
        assert "Left DWP" in person_page
        assert "Reactivate" in person_page

    def test_reactivating_lets_them_sign_in_without_their_old_roles(self, world):
        person_deactivate(person=world.programme_manager, by=world.administrator)

        person_reactivate(person=world.programme_manager, by=world.administrator)

        client = Client()
        client.post("/sign-in/", {"username": world.programme_manager.email, "password": TEST_PASSWORD})
        assert client.session["_auth_user_id"] == str(world.programme_manager.pk)
        assert not world.initiative.roles.filter(user=world.programme_manager).exists()
        assert world.programme_manager.deactivations.get().reactivated_by == world.administrator


class TestUnlocking:
    @pytest.fixture(autouse=True)
    def lockout_on(self, settings):
        settings.AXES_ENABLED = True

    def lock(self, person):
        client = Client()
        for _ in range(5):
            client.post("/sign-in/", {"username": person.email, "password": "wrong"})

    def test_a_body_lead_unlocks_their_bodys_person_from_the_person_page(self, world, body_lead):
        self.lock(world.senior_owner)
        lead = signed_in_client(body_lead)
        assert (
            "Unlock sign-in"
            in lead.get(reverse("people:person", args=[world.senior_owner.pk])).content.decode()
        )

        lead.post(reverse("people:unlock", args=[world.senior_owner.pk]))

        assert not is_locked_out(world.senior_owner.email)

    def test_nobody_else_may_unlock(self, world, body_lead):
        self.lock(world.partner_member)

        assert (
            signed_in_client(body_lead)
            .post(reverse("people:unlock", args=[world.partner_member.pk]))
            .status_code
            == 404
        )
        assert (
            signed_in_client(world.senior_owner)
            .post(reverse("people:unlock", args=[world.partner_member.pk]))
            .status_code
            == 403
        )
        assert is_locked_out(world.partner_member.email)


def test_the_holdings_registry_collects_every_finder_in_order():
    registry = HoldingsRegistry("body")
    registry.register(lambda *, body: [Holding(kind="A", label=f"{body} a", url="/a/")])
    registry.register(lambda *, body: [Holding(kind="B", label=f"{body} b", url="/b/")])

    assert [h.label for h in registry.find(body="DWP")] == ["DWP a", "DWP b"]


def test_someone_with_nothing_holds_nothing(world):
    assert person_holdings.find(person=UserFactory()) == []
