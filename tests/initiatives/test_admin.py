"""In Django admin, initiatives, the bodies taking part and the team change through initiatives.services."""

import pytest
from django.core import mail

from initiatives import services
from initiatives.models import Initiative, InitiativeRole, Participation, User
from tests.admin_forms import admin_form_data, admin_url, error_messages
from tests.factories import BodyFactory, ParticipationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, world):
    client.force_login(world.administrator)
    return client


def change_initiative(admin_client, initiative: Initiative, **changes):
    url = admin_url(Initiative, "change", initiative.pk)
    return admin_client.post(url, {**admin_form_data(admin_client, url), **changes})


class TestTheSeniorOwner:
    def test_naming_a_new_senior_owner_in_the_admin_emails_them_once_the_change_commits(
        self, admin_client, world, django_capture_on_commit_callbacks
    ):
        new_owner = UserFactory(email="new.sro@hmrc.example", bodies=[world.partner_body])

        with django_capture_on_commit_callbacks(execute=True):
            response = change_initiative(
                admin_client,
                world.initiative,
                senior_owner=new_owner.pk,
                senior_owner_change_reason="David moved to another programme",
            )

        assert response.status_code == 302
        world.initiative.refresh_from_db()
        assert world.initiative.senior_owner == new_owner
        assert sorted(m.to[0] for m in mail.outbox) == ["new.sro@hmrc.example", "sro@dwp.example"]
        named = next(m for m in mail.outbox if m.to == ["new.sro@hmrc.example"])
        assert "senior accountable owner of Tell Us Once" in named.subject
        assert world.initiative.history.latest().history_change_reason == "David moved to another programme"

    def test_replacing_the_senior_owner_without_a_reason_is_refused(self, admin_client, world):
        new_owner = UserFactory(bodies=[world.partner_body])

        response = change_initiative(admin_client, world.initiative, senior_owner=new_owner.pk)

        assert response.status_code == 200
        assert "senior_owner_change_reason" in response.context["adminform"].form.errors
        world.initiative.refresh_from_db()
        assert world.initiative.senior_owner == world.senior_owner

    def test_saving_the_initiative_with_the_same_senior_owner_sends_nothing(
        self, admin_client, world, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = change_initiative(admin_client, world.initiative, title="Tell Us Once, nationally")

        assert response.status_code == 302
        world.initiative.refresh_from_db()
        assert world.initiative.title == "Tell Us Once, nationally"
        assert world.initiative.history.latest().history_user == world.administrator
        assert mail.outbox == []

    def test_someone_outside_the_bodies_taking_part_cannot_be_named_senior_owner(self, admin_client, world):
        response = change_initiative(admin_client, world.initiative, senior_owner=world.outsider.pk)

        assert response.status_code == 200
        assert "senior_owner" in response.context["adminform"].form.errors
        world.initiative.refresh_from_db()
        assert world.initiative.senior_owner == world.senior_owner


class TestTheLeadBody:
    def test_handing_the_lead_to_a_partner_makes_it_the_lead_and_the_old_lead_a_partner(
        self, admin_client, world
    ):
        response = change_initiative(admin_client, world.initiative, lead_body=world.partner_body.pk)

        assert response.status_code == 302
        world.initiative.refresh_from_db()
        assert world.initiative.lead_body == world.partner_body
        roles = dict(world.initiative.participations.values_list("body__short_name", "role"))
        assert roles == {"DWP": "partner", "HMRC": "lead"}

    def test_a_body_not_taking_part_cannot_be_made_the_lead(self, admin_client, world):
        response = change_initiative(admin_client, world.initiative, lead_body=world.unrelated_body.pk)

        assert response.status_code == 200
        assert "lead_body" in response.context["adminform"].form.errors
        world.initiative.refresh_from_db()
        assert world.initiative.lead_body == world.lead_body

    def test_the_service_itself_refuses_to_hand_the_lead_to_a_body_not_taking_part(self, world):
        with pytest.raises(services.LeadBodyNotTakingPart):
            services.initiative_lead_body_change(
                initiative=world.initiative, lead_body=world.unrelated_body, by=world.administrator
            )

        world.initiative.refresh_from_db()
        assert world.initiative.lead_body == world.lead_body

    def test_the_lead_body_cannot_be_removed_from_the_initiative_in_the_admin(self, admin_client, world):
        lead = world.initiative.participations.get(body=world.lead_body)

        response = admin_client.post(
            admin_url(Participation, "delete", lead.pk), {"post": "yes"}, follow=True
        )

        assert "The lead body cannot be removed. Change the lead body first." in error_messages(response)
        assert Participation.objects.filter(pk=lead.pk).exists()


class TestBodiesTakingPart:
    def test_a_body_is_added_through_the_service_with_the_administrator_as_who_added_it(
        self, admin_client, world
    ):
        response = admin_client.post(
            admin_url(Participation, "add"),
            {"initiative": world.initiative.pk, "body": world.unrelated_body.pk, "role": "consulted"},
        )

        assert response.status_code == 302
        added = world.initiative.participations.get(body=world.unrelated_body)
        assert added.role == "consulted"
        assert added.history.latest().history_user == world.administrator

    def test_a_partner_holding_nothing_in_the_matrix_is_removed_through_participation_remove(
        self, admin_client, world
    ):
        partner = world.initiative.participations.get(body=world.partner_body)

        response = admin_client.post(admin_url(Participation, "delete", partner.pk), {"post": "yes"})

        assert response.status_code == 302
        assert not Participation.objects.filter(pk=partner.pk).exists()
        assert Participation.history.filter(id=partner.pk, history_type="-").get().history_user == (
            world.administrator
        )

    def test_what_a_body_will_stop_doing_is_changed_one_commitment_a_line(self, admin_client, world):
        partner = world.initiative.participations.get(body=world.partner_body)
        url = admin_url(Participation, "change", partner.pk)

        response = admin_client.post(
            url, {**admin_form_data(admin_client, url), "stop_doing": "Stop the separate helpline\n\n"}
        )

        assert response.status_code == 302
        partner.refresh_from_db()
        assert partner.stop_doing == ["Stop the separate helpline"]

    def test_deleting_several_participations_at_once_is_not_offered(self, admin_client, world):
        response = admin_client.get(admin_url(Participation, "changelist"))

        assert response.status_code == 200
        assert b'value="delete_selected"' not in response.content

    def test_the_initiative_page_lists_its_bodies_and_team_without_changing_them(self, admin_client, world):
        response = admin_client.get(admin_url(Initiative, "change", world.initiative.pk))

        formsets = [inline.formset for inline in response.context["inline_admin_formsets"]]
        assert [formset.model for formset in formsets] == [Participation, InitiativeRole]
        assert all(not inline.has_add_permission for inline in response.context["inline_admin_formsets"])
        assert all(not inline.has_delete_permission for inline in response.context["inline_admin_formsets"])


class TestTheTeam:
    def test_a_programme_manager_is_named_through_role_assign(self, admin_client, world):
        manager = UserFactory(email="pm2@hmrc.example", bodies=[world.partner_body])

        response = admin_client.post(
            admin_url(InitiativeRole, "add"), {"initiative": world.initiative.pk, "user": manager.pk}
        )

        assert response.status_code == 302
        role = InitiativeRole.objects.get(initiative=world.initiative, user=manager)
        assert (role.role, role.assigned_by) == ("programme_manager", world.administrator)

    def test_someone_outside_the_bodies_taking_part_cannot_be_named_programme_manager(
        self, admin_client, world
    ):
        response = admin_client.post(
            admin_url(InitiativeRole, "add"), {"initiative": world.initiative.pk, "user": world.outsider.pk}
        )

        assert response.status_code == 200
        assert "user" in response.context["adminform"].form.errors
        assert not InitiativeRole.objects.filter(user=world.outsider).exists()

    def test_an_assignment_is_removed_through_role_remove(self, admin_client, world):
        role = InitiativeRole.objects.get(user=world.assurance_reviewer)

        response = admin_client.post(admin_url(InitiativeRole, "delete", role.pk), {"post": "yes"})

        assert response.status_code == 302
        assert not InitiativeRole.objects.filter(pk=role.pk).exists()

    def test_an_assignment_is_not_changed_in_place(self, admin_client, world):
        role = InitiativeRole.objects.get(user=world.programme_manager)

        response = admin_client.post(
            admin_url(InitiativeRole, "change", role.pk), {"role": "assurance_reviewer"}
        )

        assert response.status_code == 403
        role.refresh_from_db()
        assert role.role == "programme_manager"


class TestWhatTheAdminDoesNotDo:
    @pytest.mark.parametrize("view", ["add", "delete"])
    def test_initiatives_are_started_and_closed_on_the_service_not_added_or_deleted_here(
        self, admin_client, world, view
    ):
        url = (
            admin_url(Initiative, view) if view == "add" else admin_url(Initiative, view, world.initiative.pk)
        )

        assert admin_client.get(url).status_code == 403

    def test_people_are_made_inactive_rather_than_deleted(self, admin_client, world):
        response = admin_client.post(admin_url(User, "delete", world.partner_member.pk), {"post": "yes"})

        assert response.status_code == 403
        assert User.objects.filter(pk=world.partner_member.pk).exists()

    def test_a_body_taking_part_in_an_initiative_cannot_be_deleted(self, admin_client, world):
        spare = BodyFactory(name="Office for Spare Parts", short_name="OSP")
        ParticipationFactory(initiative=world.initiative, body=spare)

        admin_client.post(admin_url(type(spare), "delete", spare.pk), {"post": "yes"})

        assert type(spare).objects.filter(pk=spare.pk).exists()
