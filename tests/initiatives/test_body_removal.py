"""Removing a body from an initiative: it asks first, lists every record it touches, hands what the body
owns to another body in the same journey, refuses while something must be dealt with first, and ends
the roles of the people who took part only through it."""

import pytest
from django.urls import reverse

from governance.decisions import services as decisions
from governance.models import DataDefinition, DataSharingAgreement, Forum, Measure, Risk, RiskAction
from initiatives.departures import BodyStillNeeded
from initiatives.models import InitiativeRole, Participation
from initiatives.services import participation_consequences, participation_remove
from tests.factories import InitiativeRoleFactory, UserFactory
from tests.governance.factories import ForumFactory, draft
from tests.governance.register_factories import (
    DataDefinitionFactory,
    DataSharingAgreementFactory,
    MeasureFactory,
    RiskActionFactory,
    RiskFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def hmrc(world):
    return world.initiative.participations.get(body=world.partner_body)


@pytest.fixture
def holdings(world):
    """What HMRC, and Siân Evans who takes part only through HMRC, hold in Tell Us Once."""
    hmrc_body, sian = world.partner_body, world.partner_member
    risk = RiskFactory(initiative=world.initiative, title="HMRC feed fails", owner_body=hmrc_body, owner=sian)
    action = RiskActionFactory(risk=risk, description="Build a fallback", owner_body=hmrc_body, owner=sian)
    measure = MeasureFactory(initiative=world.initiative, name="Journey time", owner_body=hmrc_body)
    benefiting = MeasureFactory(initiative=world.initiative, name="Calls avoided", owner_body=world.lead_body)
    benefiting.benefiting_bodies.add(hmrc_body)
    term = DataDefinitionFactory(initiative=world.initiative, term="Customer", master_body=hmrc_body)
    agreement = DataSharingAgreementFactory(initiative=world.initiative, title="Death notifications")
    agreement.parties.set([world.lead_body, hmrc_body])
    forum = ForumFactory(initiative=world.initiative, name="Delivery board", chair=sian)
    forum.member_bodies.set([world.lead_body, hmrc_body])
    InitiativeRoleFactory(initiative=world.initiative, user=sian)
    return {
        "risk": risk,
        "action": action,
        "measure": measure,
        "benefiting": benefiting,
        "term": term,
        "agreement": agreement,
        "forum": forum,
    }


def remove_url(world, participation):
    return reverse("initiatives:participation_remove", args=[world.initiative.slug, participation.pk])


class TestTheConfirmationPage:
    def test_it_lists_every_record_the_removal_touches_and_changes_nothing(
        self, client, world, hmrc, holdings
    ):
        client.force_login(world.programme_manager)

        page = client.get(remove_url(world, hmrc)).content.decode()

        for text in [
            "Remove HM Revenue and Customs from Tell Us Once",
            "govuk-warning-text",
            "HMRC feed fails",  # risk it owns
            "Build a fallback",  # its risk action
            "Journey time",  # measure it owns
            "Calls avoided",  # measure it benefits from
            "Customer",  # term it masters
            "Death notifications",  # agreement it is a party to
            "Delivery board (chaired by Siân Evans)",  # forum chaired by its person
            "Siân Evans: programme manager",  # role that ends
            "Which body takes on what it owns?",
        ]:
            assert text in page, text
        assert Participation.objects.filter(pk=hmrc.pk).exists()
        assert Risk.objects.get(pk=holdings["risk"].pk).owner_body == world.partner_body

    def test_confirming_without_choosing_a_successor_is_a_form_error_naming_the_field(
        self, client, world, hmrc, holdings
    ):
        client.force_login(world.programme_manager)

        response = client.post(remove_url(world, hmrc), {"confirmed": "yes", "successor": ""})

        assert response.status_code == 200
        assert 'href="#id_successor"' in response.content.decode()
        assert "Choose which body takes on what it owns" in response.content.decode()
        assert Participation.objects.filter(pk=hmrc.pk).exists()

    def test_a_body_holding_nothing_needs_no_successor(self, client, world, hmrc):
        client.force_login(world.programme_manager)

        page = client.get(remove_url(world, hmrc)).content.decode()
        client.post(remove_url(world, hmrc), {"confirmed": "yes"})

        assert "Which body takes on" not in page
        assert not Participation.objects.filter(pk=hmrc.pk).exists()


class TestRemovingWithAReassignment:
    def test_what_it_owns_goes_to_the_successor_and_what_it_sits_on_lets_it_go(
        self, client, world, hmrc, holdings
    ):
        client.force_login(world.programme_manager)

        client.post(remove_url(world, hmrc), {"confirmed": "yes", "successor": world.lead_body.pk})

        assert not Participation.objects.filter(pk=hmrc.pk).exists()
        risk = Risk.objects.get(pk=holdings["risk"].pk)
        assert (risk.owner_body, risk.owner) == (world.lead_body, None)
        action = RiskAction.objects.get(pk=holdings["action"].pk)
        assert (action.owner_body, action.owner) == (world.lead_body, None)
        assert Measure.objects.get(pk=holdings["measure"].pk).owner_body == world.lead_body
        assert list(Measure.objects.get(pk=holdings["benefiting"].pk).benefiting_bodies.all()) == []
        assert DataDefinition.objects.get(pk=holdings["term"].pk).master_body == world.lead_body
        assert list(DataSharingAgreement.objects.get(pk=holdings["agreement"].pk).parties.all()) == [
            world.lead_body
        ]
        forum = Forum.objects.get(pk=holdings["forum"].pk)
        assert forum.chair is None
        assert list(forum.member_bodies.all()) == [world.lead_body]

    def test_its_people_s_roles_end_so_they_stop_getting_its_emails(self, world, hmrc, holdings):
        participation_remove(participation=hmrc, by=world.programme_manager, successor=world.lead_body)

        assert not InitiativeRole.objects.filter(
            initiative=world.initiative, user=world.partner_member
        ).exists()
        # Someone who also belongs to a body still taking part keeps their role.
        assert InitiativeRole.objects.filter(
            initiative=world.initiative, user=world.programme_manager
        ).exists()

    def test_someone_in_two_participating_bodies_keeps_their_role(self, world, hmrc):
        both = UserFactory(full_name="Sam Both", bodies=[world.lead_body, world.partner_body])
        InitiativeRoleFactory(initiative=world.initiative, user=both)

        participation_remove(participation=hmrc, by=world.programme_manager)

        assert InitiativeRole.objects.filter(initiative=world.initiative, user=both).exists()

    def test_history_says_who_moved_each_record(self, world, hmrc, holdings):
        participation_remove(participation=hmrc, by=world.programme_manager, successor=world.lead_body)

        latest = Risk.objects.get(pk=holdings["risk"].pk).history.first()
        assert (latest.owner_body_id, latest.history_user) == (world.lead_body.pk, world.programme_manager)


class TestRefusals:
    def test_owned_records_without_a_successor_are_refused_and_nothing_changes(self, world, hmrc, holdings):
        with pytest.raises(
            BodyStillNeeded, match="Choose which body takes on what HM Revenue and Customs owns"
        ):
            participation_remove(participation=hmrc, by=world.programme_manager)

        assert Participation.objects.filter(pk=hmrc.pk).exists()
        assert Risk.objects.get(pk=holdings["risk"].pk).owner_body == world.partner_body

    def test_a_decision_awaiting_one_of_its_people_must_be_dealt_with_first(self, client, world, hmrc):
        world.initiative.senior_owner = world.partner_member
        world.initiative.save()
        decision = draft(world)
        decisions.decision_submit(decision=decision, by=world.programme_manager)
        client.force_login(world.programme_manager)

        page = client.get(remove_url(world, hmrc)).content.decode()
        refused = client.post(remove_url(world, hmrc), {"confirmed": "yes"}, follow=True).content.decode()

        assert "Decisions awaiting one of its people" in page
        assert "Deal with first" in page
        assert "Remove HMRC</button>" not in page
        assert "cannot be removed yet" in refused
        assert Participation.objects.filter(pk=hmrc.pk).exists()

    def test_the_senior_owner_leaving_with_it_is_listed_as_blocking(self, world, hmrc):
        world.initiative.senior_owner = world.partner_member
        world.initiative.save()

        blocking = [
            each for each in participation_consequences(participation=hmrc) if each.blocking and each.items
        ]

        assert [each.items for each in blocking] == [["Siân Evans"]]

    def test_the_successor_must_still_take_part(self, world, hmrc, holdings):
        with pytest.raises(BodyStillNeeded, match="does not take part"):
            participation_remove(
                participation=hmrc, by=world.programme_manager, successor=world.unrelated_body
            )
