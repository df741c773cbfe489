import re

import pytest
from django.core import mail
from django.urls import reverse

from governance.models import RaciColumn
from governance.raci import services as raci_services
from initiatives.models import Initiative, InitiativeRole, Participation
from tests.factories import BodyFactory, InitiativeFactory, UserFactory

pytestmark = pytest.mark.django_db


def remove_url(world, participation):
    return reverse(
        "initiatives:participation_remove", kwargs={"slug": world.initiative.slug, "pk": participation.pk}
    )


def overview_url(initiative):
    return reverse("initiatives:overview", kwargs={"slug": initiative.slug})


class TestSignIn:
    def test_pages_ask_anonymous_visitors_to_sign_in(self, client, world):
        response = client.get(overview_url(world.initiative))

        assert response.status_code == 302
        assert response.url.startswith("/sign-in/?next=")

    def test_the_sign_in_page_uses_the_govuk_design_system(self, client):
        response = client.get("/sign-in/")

        assert response.status_code == 200
        assert 'class="govuk-template"' in response.content.decode()
        assert "govuk-generic-header" in response.content.decode()

    def test_a_wrong_password_and_an_unknown_email_get_the_same_answer(self, client, world):
        wrong = client.post("/sign-in/", {"username": world.partner_member.email, "password": "nope"})
        unknown = client.post("/sign-in/", {"username": "nobody@example.gov.uk", "password": "nope"})

        def error_summary(response):
            body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
            return body[body.index('<div class="govuk-error-summary"') : body.index("</form>")]

        assert wrong.status_code == unknown.status_code == 200
        assert "Enter a correct email address and password" in error_summary(wrong)
        assert error_summary(wrong).replace(world.partner_member.email, "EMAIL") == error_summary(
            unknown
        ).replace("nobody@example.gov.uk", "EMAIL")

    def test_an_empty_sign_in_shows_an_error_summary(self, client):
        response = client.post("/sign-in/", {})

        body = response.content.decode()
        assert "There is a problem" in body
        assert '<a href="#id_username">Enter your email address</a>' in body
        assert "<title>Error: Sign in \N{EN DASH} Joined-up</title>" in body


class TestHome:
    def test_it_lists_only_initiatives_the_users_bodies_take_part_in(self, client, world):
        hidden = InitiativeFactory(title="Scottish crofting grants", lead_body=world.unrelated_body)
        client.force_login(world.partner_member)

        response = client.get("/")

        assert list(response.context["initiatives"]) == [world.initiative]
        assert hidden.title not in response.content.decode()

    def test_it_offers_to_create_an_initiative_to_body_members(self, client, world):
        client.force_login(world.partner_member)

        assert "Create an initiative" in client.get("/").content.decode()


class TestOverview:
    def test_a_partner_reads_the_overview(self, client, world):
        client.force_login(world.partner_member)

        response = client.get(overview_url(world.initiative))

        assert response.status_code == 200
        assert "David Okafor" in response.content.decode()
        assert "Edit initiative" not in response.content.decode()

    def test_an_unrelated_body_gets_not_found_even_by_url(self, client, world):
        client.force_login(world.outsider)

        assert client.get(overview_url(world.initiative)).status_code == 404


class TestCreate:
    def test_it_creates_a_draft_led_by_the_creators_body_and_managed_by_them(self, client, world):
        client.force_login(world.partner_member)

        response = client.post(
            reverse("initiatives:create"),
            {
                "title": "Joined-up debt advice",
                "outcome_statement": "People in debt get one plan across HMRC and councils.",
                "value_areas": ["policy_design"],
                "lead_body": world.partner_body.pk,
            },
        )

        initiative = Initiative.objects.get(title="Joined-up debt advice")
        assert response.status_code == 302
        assert response.url == overview_url(initiative)
        assert initiative.status == Initiative.Status.DRAFT
        assert initiative.slug == "joined-up-debt-advice"
        assert initiative.participations.get().role == Participation.Role.LEAD
        assert initiative.roles.get().user == world.partner_member

    def test_missing_answers_are_explained_and_nothing_is_saved(self, client, world):
        client.force_login(world.partner_member)

        response = client.post(reverse("initiatives:create"), {"title": "", "value_areas": ["nonsense"]})

        body = response.content.decode()
        assert response.status_code == 200
        assert "Enter title" in body
        assert "Enter outcome statement" in body
        assert "Select a valid choice" in body
        assert not Initiative.objects.filter(lead_body=world.partner_body).exists()

    def test_an_overlong_title_gets_a_field_error_not_a_crash(self, client, world):
        client.force_login(world.partner_member)

        response = client.post(
            reverse("initiatives:create"),
            {
                "title": "x" * 5000,
                "outcome_statement": "y",
                "value_areas": ["policy_design"],
                "lead_body": world.partner_body.pk,
            },
        )

        assert response.status_code == 200
        assert "Title must be 200 characters or fewer" in response.content.decode()

    def test_a_user_cannot_make_another_body_the_lead(self, client, world):
        client.force_login(world.partner_member)

        response = client.post(
            reverse("initiatives:create"),
            {
                "title": "Sneaky",
                "outcome_statement": "x",
                "value_areas": ["policy_design"],
                "lead_body": world.unrelated_body.pk,
            },
        )

        assert response.status_code == 200
        assert not Initiative.objects.filter(title="Sneaky").exists()

    def test_titles_that_repeat_get_distinct_addresses(self, world):
        from initiatives.services import initiative_create

        first = initiative_create(
            by=world.programme_manager,
            title="Same name",
            outcome_statement="x",
            value_areas=[],
            lead_body=world.lead_body,
        )
        second = initiative_create(
            by=world.programme_manager,
            title="Same name",
            outcome_statement="x",
            value_areas=[],
            lead_body=world.lead_body,
        )

        assert (first.slug, second.slug) == ("same-name", "same-name-2")


class TestEdit:
    def edit_url(self, initiative):
        return reverse("initiatives:edit", kwargs={"slug": initiative.slug})

    def valid_data(self, world, **changes):
        return {
            "title": world.initiative.title,
            "outcome_statement": world.initiative.outcome_statement,
            "value_areas": ["data_sharing"],
            "status": "active",
            "senior_owner": world.senior_owner.pk,
            "senior_owner_decision_rights": "Approve scope changes\n\nApprove the data sharing agreement\n",
            "classification": "official_sensitive",
            **changes,
        }

    def test_the_programme_manager_edits_and_decision_rights_become_a_list(self, client, world):
        client.force_login(world.programme_manager)

        response = client.post(self.edit_url(world.initiative), self.valid_data(world))

        world.initiative.refresh_from_db()
        assert response.status_code == 302
        assert world.initiative.senior_owner_decision_rights == [
            "Approve scope changes",
            "Approve the data sharing agreement",
        ]
        assert world.initiative.classification == "official_sensitive"

    def test_naming_a_new_senior_owner_emails_them_once_the_change_commits(
        self, client, world, django_capture_on_commit_callbacks
    ):
        new_owner = UserFactory(email="new.sro@hmrc.example", bodies=[world.partner_body])
        client.force_login(world.programme_manager)

        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                self.edit_url(world.initiative),
                self.valid_data(
                    world, senior_owner=new_owner.pk, senior_owner_change_reason="David has moved on"
                ),
            )

        named = [m for m in mail.outbox if m.to == ["new.sro@hmrc.example"]]
        assert len(named) == 1
        assert "senior accountable owner of Tell Us Once" in named[0].subject

    def test_replacing_the_senior_owner_needs_a_reason_and_tells_the_one_replaced_who_and_why(
        self, client, world, django_capture_on_commit_callbacks
    ):
        new_owner = UserFactory(email="new.sro@hmrc.example", bodies=[world.partner_body])
        client.force_login(world.programme_manager)
        data = self.valid_data(world, senior_owner=new_owner.pk)

        refused = client.post(self.edit_url(world.initiative), data)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                self.edit_url(world.initiative), {**data, "senior_owner_change_reason": "David has moved on"}
            )

        assert "Say why the senior accountable owner is changing" in refused.content.decode()
        world.initiative.refresh_from_db()
        assert world.initiative.senior_owner == new_owner
        latest = world.initiative.history.latest()
        assert (latest.history_user, latest.history_change_reason) == (
            world.programme_manager,
            "David has moved on",
        )
        told = next(m for m in mail.outbox if m.to == ["sro@dwp.example"])
        assert "no longer the senior accountable owner" in told.subject
        assert "Priya Shah" in told.body and "David has moved on" in told.body

    def test_keeping_the_same_senior_owner_sends_nothing(
        self, client, world, django_capture_on_commit_callbacks
    ):
        client.force_login(world.programme_manager)

        with django_capture_on_commit_callbacks(execute=True):
            client.post(self.edit_url(world.initiative), self.valid_data(world))

        assert mail.outbox == []

    def test_the_senior_owner_must_belong_to_a_participating_body(self, client, world):
        client.force_login(world.programme_manager)

        response = client.post(
            self.edit_url(world.initiative), self.valid_data(world, senior_owner=world.outsider.pk)
        )

        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()

    def test_a_partner_may_read_but_not_edit(self, client, world):
        client.force_login(world.partner_member)

        assert client.get(self.edit_url(world.initiative)).status_code == 403
        assert (
            client.post(self.edit_url(world.initiative), self.valid_data(world, title="Hijacked")).status_code
            == 403
        )
        world.initiative.refresh_from_db()
        assert world.initiative.title == "Tell Us Once for bereavement"

    def test_an_outsider_gets_not_found(self, client, world):
        client.force_login(world.outsider)

        assert client.get(self.edit_url(world.initiative)).status_code == 404


class TestBodiesAndTeam:
    def test_the_programme_manager_adds_a_body_and_records_what_it_will_stop_doing(self, client, world):
        council = BodyFactory(name="Leeds City Council", short_name="LCC")
        client.force_login(world.programme_manager)
        bodies_url = reverse("initiatives:bodies", kwargs={"slug": world.initiative.slug})

        client.post(bodies_url, {"body": council.pk, "role": "benefiting"})
        participation = world.initiative.participations.get(body=council)
        client.post(
            reverse(
                "initiatives:participation_edit",
                kwargs={"slug": world.initiative.slug, "pk": participation.pk},
            ),
            {"role": "partner", "stop_doing": "Stop the paper form\nStop the duplicate visit"},
        )

        participation.refresh_from_db()
        assert participation.role == "partner"
        assert participation.stop_doing == ["Stop the paper form", "Stop the duplicate visit"]

    def test_the_lead_body_cannot_be_removed(self, client, world):
        client.force_login(world.programme_manager)
        lead = world.initiative.participations.get(body=world.lead_body)

        client.post(
            reverse(
                "initiatives:participation_remove", kwargs={"slug": world.initiative.slug, "pk": lead.pk}
            ),
            {"confirmed": "yes"},
        )

        assert world.initiative.participations.filter(pk=lead.pk).exists()

    def test_removing_a_body_takes_its_raci_columns_named_roles_included(self, client, world):
        by = world.programme_manager
        raci_services.raci_row_add(
            initiative=world.initiative, activity="Approve the budget", kind="decision", by=by
        )
        raci_services.raci_column_add(
            initiative=world.initiative, body=world.partner_body, role_name="Policy", holder=None, by=by
        )
        partner = world.initiative.participations.get(body=world.partner_body)
        client.force_login(by)

        response = client.post(remove_url(world, partner), {"confirmed": "yes"}, follow=True)

        assert f"{world.partner_body.name} removed" in response.content.decode()
        assert not world.initiative.participations.filter(pk=partner.pk).exists()
        assert list(
            RaciColumn.objects.filter(initiative=world.initiative).values_list("body", flat=True)
        ) == [world.lead_body.pk]

    def test_removing_a_body_that_holds_the_only_a_of_a_row_is_refused_with_a_message(self, client, world):
        by = world.programme_manager
        row = raci_services.raci_row_add(
            initiative=world.initiative, activity="Approve the budget", kind="decision", by=by
        )
        dwp, hmrc = RaciColumn.objects.filter(initiative=world.initiative).order_by("position")
        raci_services.raci_matrix_save(
            initiative=world.initiative, values={(row.pk, dwp.pk): "R", (row.pk, hmrc.pk): "A"}, by=by
        )
        partner = world.initiative.participations.get(body=world.partner_body)
        client.force_login(by)

        asked = client.get(remove_url(world, partner)).content.decode()
        response = client.post(remove_url(world, partner), {"confirmed": "yes"}, follow=True)

        # The confirmation page says what must be dealt with first, and offers no button.
        assert "“Approve the budget” would have no A" in asked
        assert "Deal with first" in asked
        assert "Remove HMRC</button>" not in asked
        page = response.content.decode()
        assert "There is a problem" in page
        assert "HM Revenue and Customs cannot be removed yet" in page
        assert "“Approve the budget” would have no A" in page
        assert world.initiative.participations.filter(pk=partner.pk).exists()
        assert RaciColumn.objects.filter(pk=hmrc.pk).exists()

    def test_removing_a_body_asks_first_and_get_changes_nothing(self, client, world):
        client.force_login(world.programme_manager)
        partner = world.initiative.participations.get(body=world.partner_body)

        url = reverse(
            "initiatives:participation_remove", kwargs={"slug": world.initiative.slug, "pk": partner.pk}
        )

        assert "govuk-warning-text" in client.get(url).content.decode()
        assert world.initiative.participations.filter(pk=partner.pk).exists()

    def test_a_partner_cannot_add_bodies(self, client, world):
        client.force_login(world.partner_member)
        bodies_url = reverse("initiatives:bodies", kwargs={"slug": world.initiative.slug})

        response = client.post(bodies_url, {"body": world.unrelated_body.pk, "role": "partner"})

        assert response.status_code == 403
        assert not world.initiative.participations.filter(body=world.unrelated_body).exists()

    def test_the_programme_manager_adds_a_colleague_from_a_participating_body(self, client, world):
        client.force_login(world.programme_manager)

        client.post(
            reverse("initiatives:team", kwargs={"slug": world.initiative.slug}),
            {"user": world.partner_member.pk},
        )

        assert world.initiative.roles.filter(
            user=world.partner_member, role=InitiativeRole.Role.PROGRAMME_MANAGER
        ).exists()
