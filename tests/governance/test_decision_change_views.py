"""The page "What this decision changes", and a decided decision's page showing what it decided."""

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from governance.decisions.changes.models import DecisionLink
from governance.models import RaciCell
from governance.raci import services as raci_services
from tests.factories import InitiativeFactory
from tests.governance.factories import RaciColumnFactory, RaciRowFactory, decision_in, draft
from tests.governance.register_factories import DataDefinitionFactory
from tests.governance.test_decision_changes import MEANING, about, approve, disputed_term, submitted

pytestmark = pytest.mark.django_db


def url(name, decision, **kwargs):
    return reverse(f"governance:{name}", kwargs={"slug": "tell-us-once", "number": decision.number, **kwargs})


def agree(term, meaning=MEANING):
    return {"record": term.pk, "status": "agreed", "agreed_meaning": meaning}


def text_of(response) -> str:
    """The page's words, as a screen reader reads them (visually hidden text included)."""
    return " ".join(strip_tags(response.content.decode()).split())


class TestLinkingARecord:
    def test_a_programme_manager_proposes_agreeing_a_disputed_term(self, client, world):
        term = disputed_term(world)
        decision = draft(world)
        client.force_login(world.programme_manager)

        response = client.post(url("decision_link_add", decision, kind="term"), agree(term))

        assert response.status_code == 302
        assert response.url == url("decision_changes", decision)
        link = DecisionLink.objects.get()
        assert (link.kind, link.target_id, link.proposed) == (
            "term",
            term.pk,
            {"status": "agreed", "agreed_meaning": MEANING},
        )
        page = text_of(client.get(url("decision", decision)))
        assert "Status: from Disputed → to Agreed" in page
        assert f"Agreed meaning: from Not set → to {MEANING}" in page

    def test_a_term_of_another_initiative_is_a_form_error(self, client, world):
        elsewhere = DataDefinitionFactory(initiative=InitiativeFactory(), term="customer")
        decision = draft(world)
        client.force_login(world.programme_manager)

        response = client.post(url("decision_link_add", decision, kind="term"), agree(elsewhere))

        assert response.status_code == 200
        assert response.context["form"].errors == {"record": ["Select a glossary term of this initiative"]}
        assert not DecisionLink.objects.exists()

    def test_agreeing_a_term_without_a_meaning_is_a_form_error(self, client, world):
        decision = draft(world)
        client.force_login(world.programme_manager)

        response = client.post(
            url("decision_link_add", decision, kind="term"), agree(disputed_term(world), "")
        )

        assert response.context["form"].errors == {
            "agreed_meaning": ["Enter the agreed meaning: a term cannot be agreed without one"]
        }

    def test_a_signing_date_in_the_future_is_a_form_error(self, client, world):
        from tests.governance.register_factories import DataSharingAgreementFactory

        agreement = DataSharingAgreementFactory(initiative=world.initiative)
        decision = draft(world)
        client.force_login(world.programme_manager)

        response = client.post(
            url("decision_link_add", decision, kind="agreement"),
            {"record": agreement.pk, "signed_on_day": "1", "signed_on_month": "1", "signed_on_year": "2999"},
        )

        assert response.context["form"].errors == {
            "signed_on": ["The date the agreement was signed must be today or in the past"]
        }

    def test_the_operating_model_is_linked_without_choosing_a_record(self, client, world):
        decision = draft(world)
        client.force_login(world.programme_manager)

        client.post(
            url("decision_link_add", decision, kind="operating_model"), {"operating_model": "shared_service"}
        )

        link = DecisionLink.objects.get()
        assert (link.target_id, link.proposed) == (world.initiative.pk, {"operating_model": "shared_service"})

    def test_an_unknown_kind_of_record_is_not_found(self, client, world):
        client.force_login(world.programme_manager)

        assert client.get(url("decision_link_add", draft(world), kind="budget")).status_code == 404

    def test_a_link_is_taken_off_a_draft_only_from_the_confirmation_page(self, client, world):
        decision = draft(world)
        link = about(world, decision, "term", disputed_term(world))
        client.force_login(world.programme_manager)
        remove = url("decision_link_remove", decision, link_id=link.pk)

        assert client.post(remove).status_code == 302
        assert DecisionLink.objects.exists()
        assert "Take this glossary term off D001" in text_of(client.get(remove))
        client.post(remove, {"confirmed": "yes"})
        assert not DecisionLink.objects.exists()

    def test_a_submitted_decision_offers_no_changes_and_refuses_new_ones(self, client, world):
        decision = decision_in(world, "submitted")
        client.force_login(world.programme_manager)

        page = text_of(client.get(url("decision_changes", decision)))
        response = client.post(url("decision_link_add", decision, kind="term"), agree(disputed_term(world)))

        assert "Link a record" not in page
        assert [str(m) for m in response.wsgi_request._messages] == [
            "D001 is awaiting decision, so what it changes cannot be changed now."
        ]
        assert not DecisionLink.objects.exists()


class TestWhoMayChangeIt:
    def test_a_partner_member_may_not_and_an_outsider_cannot_see_it(self, client, world):
        decision = draft(world)
        for person, status in ((world.partner_member, 403), (world.outsider, 404)):
            client.force_login(person)
            assert client.get(url("decision_changes", decision)).status_code == status
            assert client.get(url("decision_link_add", decision, kind="risk")).status_code == status


class TestDecidedMeansFrozen:
    def test_the_page_shows_what_was_decided_whatever_happens_to_the_records_after(self, client, world):
        row = RaciRowFactory(initiative=world.initiative, activity="Agree shared data definitions")
        dwp = RaciColumnFactory(initiative=world.initiative, body=world.lead_body, holder=world.senior_owner)
        hmrc = RaciColumnFactory(initiative=world.initiative, body=world.partner_body)
        RaciCell.objects.create(row=row, column=dwp, value="A")
        RaciCell.objects.create(row=row, column=hmrc, value="R")
        term = disputed_term(world)
        decision = draft(world, raci_row=row)
        about(world, decision, "term", term, status="agreed", agreed_meaning=MEANING)
        approve(world, submitted(world, decision))

        raci_services.raci_row_update(
            row=row, activity="Something else", kind="activity", by=world.programme_manager
        )
        term.refresh_from_db()
        term.agreed_meaning = "A different meaning"
        term.term = "date of death"
        term.save()
        raci_services.raci_row_remove(row=row, by=world.programme_manager)
        client.force_login(world.programme_manager)

        page = text_of(client.get(url("decision", decision)))

        assert "Agree shared data definitions (DWP: A, HMRC: R)" in page
        assert "date of death notified" in page
        assert f"Agreed meaning: from Not set → to {MEANING}" in page
        assert "A different meaning" not in page and "Something else" not in page
        assert "As it stood when it was approved on" in page

    def test_a_rejected_decision_keeps_what_it_would_have_changed_and_says_nothing_was(self, client, world):
        from tests.governance.test_decision_changes import reject

        term = disputed_term(world)
        decision = draft(world)
        about(world, decision, "term", term, status="agreed", agreed_meaning=MEANING)
        reject(world, submitted(world, decision))
        client.force_login(world.programme_manager)

        page = text_of(client.get(url("decision", decision)))

        assert "As it stood when it was rejected on" in page
        assert "Nothing here was changed." in page
        assert "Status: from Disputed → to Agreed" in page

    def test_an_approval_that_cannot_be_made_is_explained_and_leaves_it_awaiting(self, client, world):
        from governance.retirement.services import retire

        term = disputed_term(world)
        decision = draft(world)
        about(world, decision, "term", term, status="agreed", agreed_meaning=MEANING)
        submitted(world, decision)
        retire(record=term, by=world.programme_manager, reason="Duplicate")
        client.force_login(world.senior_owner)

        before = text_of(client.get(url("decision", decision)))
        response = client.post(url("decision_decide", decision), {"outcome": "approve"}, follow=True)

        assert "Cannot be made" in before
        assert [str(m) for m in response.context["messages"]] == [
            "D001 was not approved and nothing was changed: the glossary term “date of death notified” is no "
            "longer in use. Defer it so its drafter can change it, or reject it."
        ]
        decision.refresh_from_db()
        assert decision.status == "submitted"
