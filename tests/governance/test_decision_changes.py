"""A decision is about records and may change them: approval applies every change through the
record's own service, in one transaction, credited to the decision; rejection applies nothing."""

import dataclasses
import datetime

import pytest

from governance.decisions import services
from governance.decisions.changes import services as changes
from governance.decisions.changes.kinds import KINDS
from governance.decisions.states import Action
from governance.glossary.services import CannotAgree
from governance.models import DataDefinition, Decision, DecisionSnapshot, Risk
from governance.retirement.services import retire
from tests.factories import InitiativeFactory
from tests.governance.factories import draft
from tests.governance.register_factories import (
    DataDefinitionFactory,
    DataSharingAgreementFactory,
    RiskFactory,
)

pytestmark = pytest.mark.django_db

MEANING = "The date the registrar recorded the death"


def disputed_term(world, **fields):
    return DataDefinitionFactory(
        initiative=world.initiative, term="date of death notified", status="disputed", **fields
    )


def about(world, decision, kind, record, **proposed):
    return changes.decision_link_add(
        decision=decision, kind=KINDS[kind], record=record, proposed=proposed, by=world.programme_manager
    )


def submitted(world, decision):
    return services.decision_submit(decision=decision, by=world.programme_manager)


def approve(world, decision):
    return services.decision_decide(decision=decision, by=world.senior_owner, action=Action.APPROVE)


def reject(world, decision):
    return services.decision_decide(
        decision=decision, by=world.senior_owner, action=Action.REJECT, comment="Not yet"
    )


def newest_history(record):
    return record.history.order_by("-history_id").first()


class TestEachKindOfChange:
    def test_approval_agrees_a_disputed_term_with_the_meaning_given(self, world):
        term = disputed_term(world)
        decision = draft(world, title="Agree the meaning of date of death notified")
        about(world, decision, "term", term, status="agreed", agreed_meaning=MEANING)

        approve(world, submitted(world, decision))

        term.refresh_from_db()
        assert (term.status, term.agreed_meaning) == ("agreed", MEANING)
        assert term.agreed_on == datetime.date.today()
        row = newest_history(term)
        assert (row.history_user, row.history_change_reason) == (world.senior_owner, "Approved in D001")

    def test_approval_signs_a_data_sharing_agreement_on_the_date_given_and_keeps_its_parties(self, world):
        agreement = DataSharingAgreementFactory(initiative=world.initiative, title="Version 2")
        agreement.parties.set([world.lead_body, world.partner_body])
        decision = draft(world, title="Sign version 2 of the data sharing agreement")
        about(world, decision, "agreement", agreement, signed_on=datetime.date(2026, 11, 30))

        approve(world, submitted(world, decision))

        agreement.refresh_from_db()
        assert agreement.signed_on == datetime.date(2026, 11, 30)
        assert set(agreement.parties.all()) == {world.lead_body, world.partner_body}
        assert newest_history(agreement).history_change_reason == "Approved in D001"

    @pytest.mark.parametrize("treatment", [choice.value for choice in Risk.Treatment])
    def test_approval_sets_a_risks_treatment(self, world, treatment):
        risk = RiskFactory(initiative=world.initiative, treatment="tolerate")
        decision = draft(world)
        about(world, decision, "risk", risk, treatment=treatment)

        approve(world, submitted(world, decision))

        risk.refresh_from_db()
        assert risk.treatment == treatment
        assert newest_history(risk).history_user == world.senior_owner

    def test_approval_changes_the_operating_model(self, world):
        world.initiative.operating_model = "lead_department"
        world.initiative.save()
        decision = draft(world)
        about(world, decision, "operating_model", world.initiative, operating_model="joint_programme_board")

        approve(world, submitted(world, decision))

        world.initiative.refresh_from_db()
        assert world.initiative.operating_model == "joint_programme_board"
        assert newest_history(world.initiative).history_change_reason == "Approved in D001"

    def test_a_record_only_linked_is_left_as_it_is(self, world):
        term = disputed_term(world)
        decision = draft(world)
        about(world, decision, "term", term)
        versions = term.history.count()

        approve(world, submitted(world, decision))

        term.refresh_from_db()
        assert term.status == "disputed"
        assert term.history.count() == versions


class TestRejection:
    def test_rejecting_a_decision_about_a_disputed_term_leaves_it_disputed(self, world):
        term = disputed_term(world)
        decision = draft(world)
        about(world, decision, "term", term, status="agreed", agreed_meaning=MEANING)
        versions = term.history.count()

        reject(world, submitted(world, decision))

        term.refresh_from_db()
        assert (term.status, term.agreed_meaning) == ("disputed", "")
        assert term.history.count() == versions


class TestAllOrNothing:
    def test_a_change_to_a_withdrawn_term_stops_the_approval_and_nothing_changes(self, world):
        term = disputed_term(world)
        risk = RiskFactory(initiative=world.initiative, treatment="tolerate")
        decision = draft(world)
        about(world, decision, "risk", risk, treatment="transfer")
        about(world, decision, "term", term, status="agreed", agreed_meaning=MEANING)
        submitted(world, decision)
        retire(record=term, by=world.programme_manager, reason="Merged into date of death")

        with pytest.raises(changes.ChangesCannotApply) as refusal:
            approve(world, Decision.objects.get(pk=decision.pk))

        assert str(refusal.value) == (
            "D001 was not approved and nothing was changed: the glossary term “date of death notified” "
            "is no longer in use. Defer it so its drafter can change it, or reject it."
        )
        decision.refresh_from_db()
        risk.refresh_from_db()
        assert decision.status == "submitted"
        assert decision.transitions.filter(to_status="approved").count() == 0
        assert risk.treatment == "tolerate"
        assert not DecisionSnapshot.objects.filter(decision=decision).exists()

    def test_a_change_that_no_longer_holds_stops_the_approval(self, world):
        term = disputed_term(world, agreed_meaning="Held already")
        decision = draft(world)
        about(world, decision, "term", term, status="agreed")
        submitted(world, decision)
        # Someone clears the meaning the change relied on.
        DataDefinition.objects.filter(pk=term.pk).update(agreed_meaning="")

        with pytest.raises(changes.ChangesCannotApply, match="a term cannot be agreed without one"):
            approve(world, Decision.objects.get(pk=decision.pk))

        term.refresh_from_db()
        assert term.status == "disputed"

    def test_a_service_refusing_a_later_change_undoes_the_earlier_ones(self, world, monkeypatch):
        risk = RiskFactory(initiative=world.initiative, treatment="tolerate")
        decision = draft(world)
        about(world, decision, "risk", risk, treatment="transfer")
        about(world, decision, "term", disputed_term(world), status="agreed", agreed_meaning=MEANING)
        submitted(world, decision)

        def refuse(record, values, by):
            raise CannotAgree("the glossary refused")

        monkeypatch.setitem(KINDS, "term", dataclasses.replace(KINDS["term"], apply=refuse))
        with pytest.raises(changes.ChangesCannotApply, match="date of death notified: the glossary refused"):
            approve(world, decision)

        risk.refresh_from_db()
        assert risk.treatment == "tolerate"
        assert not risk.history.filter(history_change_reason="Approved in D001").exists()
        assert Decision.objects.get(pk=decision.pk).status == "submitted"


class TestLinks:
    def test_a_record_of_another_initiative_cannot_be_linked(self, world):
        elsewhere = DataDefinitionFactory(initiative=InitiativeFactory(), term="customer")

        with pytest.raises(ValueError, match="another initiative"):
            about(world, draft(world), "term", elsewhere)

    def test_a_record_is_linked_once(self, world):
        term = disputed_term(world)
        decision = draft(world)
        about(world, decision, "term", term)

        with pytest.raises(changes.LinkRefused, match="already about “date of death notified”"):
            about(world, decision, "term", term, status="agreed", agreed_meaning=MEANING)

    def test_a_submitted_decision_takes_no_new_links_and_keeps_the_ones_it_has(self, world):
        term = disputed_term(world)
        decision = draft(world)
        link = about(world, decision, "term", term)
        submitted(world, decision)

        with pytest.raises(changes.LinkRefused, match="D001 is awaiting decision"):
            about(world, decision, "risk", RiskFactory(initiative=world.initiative))
        with pytest.raises(changes.LinkRefused):
            changes.decision_link_remove(link=link, by=world.programme_manager)
        assert decision.links.count() == 1
