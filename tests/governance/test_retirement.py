"""Retire, don't delete: closing, retiring, withdrawing, ending and standing down, and restoring."""

import csv
import io

import pytest
from django.urls import reverse

from governance.decisions import services as decisions
from governance.models import DataDefinition, DataSharingAgreement, Decision, Forum, Measure, Risk
from governance.packs.content import gather_pack_content
from governance.retirement.services import RetirementRefused, restore, retire
from tests.governance.factories import ForumFactory, decision_in
from tests.governance.register_factories import (
    DataDefinitionFactory,
    DataSharingAgreementFactory,
    MeasureFactory,
    RiskActionFactory,
    RiskFactory,
)

pytestmark = pytest.mark.django_db


def url(name, world, *args):
    return reverse(f"governance:{name}", args=[world.initiative.slug, *args])


def working_list(client, address) -> str:
    """The page without its History section, which keeps naming retired records, as it should."""
    return client.get(address).content.decode().split('class="app-history"')[0]


def confirm(client, address, reason):
    """Press the button on the confirmation page; the page it lands on shows (and so uses up) the message."""
    response = client.post(address, {"confirmed": "yes", "reason": reason})
    if response.status_code == 302:
        client.get(response.url)
    return response


@pytest.fixture
def risk(world):
    return RiskFactory(initiative=world.initiative, title="Data feed fails")


class TestClosingARisk:
    def test_the_close_page_asks_why_and_lists_what_it_touches(self, client, world, risk):
        RiskActionFactory(risk=risk, description="Agree a fallback feed")
        client.force_login(world.programme_manager)

        page = client.get(url("risks_retire", world, risk.pk)).content.decode()

        assert "Why is the risk being closed?" in page
        assert "govuk-warning-text" in page
        assert "Agree a fallback feed" in page
        risk.refresh_from_db()
        assert risk.status == Risk.Status.OPEN

    def test_closing_without_a_reason_is_a_form_error_naming_the_field(self, client, world, risk):
        client.force_login(world.programme_manager)

        response = confirm(client, url("risks_retire", world, risk.pk), "   ")

        assert response.status_code == 200
        assert 'href="#id_reason"' in response.content.decode()
        assert "Enter why the risk is being closed" in response.content.decode()
        risk.refresh_from_db()
        assert not risk.is_retired

    def test_a_post_without_the_confirmation_changes_nothing(self, client, world, risk):
        client.force_login(world.programme_manager)

        response = client.post(url("risks_retire", world, risk.pk), {"reason": "Gone"})

        assert response.url == url("risks_retire", world, risk.pk)

        risk.refresh_from_db()
        assert risk.status == Risk.Status.OPEN

    def test_a_closed_risk_leaves_the_register_and_appears_in_the_closed_view(self, client, world, risk):
        client.force_login(world.programme_manager)

        response = confirm(client, url("risks_retire", world, risk.pk), "Feed replaced by the new API")

        assert response.status_code == 302
        risk.refresh_from_db()
        assert risk.status == Risk.Status.CLOSED
        assert risk.retired_by == world.programme_manager
        assert "Data feed fails" not in working_list(client, url("risk_register", world))
        closed = client.get(url("risks_closed", world)).content.decode()
        assert "Data feed fails" in closed
        assert "Feed replaced by the new API" in closed
        assert "Restore" in closed

    def test_restoring_puts_back_the_status_it_had(self, world):
        draft_risk = RiskFactory(initiative=world.initiative, status=Risk.Status.DRAFT)
        retire(record=draft_risk, by=world.programme_manager, reason="Duplicate")

        restored = restore(record=draft_risk, by=world.programme_manager)

        assert restored.status == Risk.Status.DRAFT
        assert not restored.is_retired

    def test_the_restore_button_brings_it_back_to_the_register(self, client, world, risk):
        retire(record=risk, by=world.programme_manager, reason="Closed too early")
        client.force_login(world.programme_manager)

        client.post(url("risks_restore", world, risk.pk))

        risk.refresh_from_db()
        assert risk.status == Risk.Status.OPEN
        assert "Data feed fails" in client.get(url("risk_register", world)).content.decode()

    def test_history_keeps_who_closed_it_and_why(self, world, risk):
        retire(record=risk, by=world.programme_manager, reason="Feed replaced")

        latest = risk.history.first()

        assert latest.status == Risk.Status.CLOSED
        assert latest.retirement_reason == "Feed replaced"
        assert latest.history_user == world.programme_manager

    def test_closing_twice_is_refused_saying_who_did_it(self, world, risk):
        retire(record=risk, by=world.programme_manager, reason="Feed replaced")

        with pytest.raises(RetirementRefused, match=str(world.programme_manager)):
            retire(record=risk, by=world.senior_owner, reason="Also closing")

    def test_a_closed_risk_cannot_be_edited_until_restored(self, client, world, risk):
        retire(record=risk, by=world.programme_manager, reason="Feed replaced")
        client.force_login(world.programme_manager)

        assert client.get(url("risk_edit", world, risk.pk)).status_code == 404
        assert client.get(url("risk_detail", world, risk.pk)).status_code == 200

    def test_the_csv_export_keeps_closed_risks_with_their_status(self, client, world, risk):
        retire(record=risk, by=world.programme_manager, reason="Feed replaced")
        client.force_login(world.programme_manager)

        rows = list(csv.reader(io.StringIO(client.get(url("risks_export", world)).content.decode())))

        assert rows[1][1] == "Data feed fails"
        assert rows[1][-1] == "Closed"

    def test_a_partner_cannot_close_another_body_s_risk(self, client, world):
        dwp_risk = RiskFactory(initiative=world.initiative, owner_body=world.lead_body)
        client.force_login(world.partner_member)

        assert client.get(url("risks_retire", world, dwp_risk.pk)).status_code == 403
        assert confirm(client, url("risks_retire", world, dwp_risk.pk), "Mine now").status_code == 403


class TestOtherRegisters:
    @pytest.mark.parametrize(
        ("key", "make", "model", "list_page"),
        [
            ("measures", MeasureFactory, Measure, "measures"),
            ("glossary", DataDefinitionFactory, DataDefinition, "glossary"),
            ("data_sharing", DataSharingAgreementFactory, DataSharingAgreement, "data_sharing"),
            ("forums", ForumFactory, Forum, "forums"),
        ],
    )
    def test_retired_records_leave_the_working_list_and_can_be_restored(
        self, client, world, key, make, model, list_page
    ):
        record = make(initiative=world.initiative)
        label = str(record)
        client.force_login(world.programme_manager)

        confirm(client, url(f"{key}_retire", world, record.pk), "No longer used")

        assert not model.objects.filter(pk=record.pk).exists()
        assert model.all_records.get(pk=record.pk).retirement_reason == "No longer used"
        assert label not in working_list(client, url(list_page, world))
        assert label in client.get(url(f"{key}_closed", world)).content.decode()

        client.post(url(f"{key}_restore", world, record.pk))

        assert model.objects.filter(pk=record.pk).exists()

    def test_a_retired_measure_s_name_is_refused_as_a_form_error_not_a_server_error(self, client, world):
        measure = MeasureFactory(initiative=world.initiative, name="Journey time")
        retire(record=measure, by=world.programme_manager, reason="Replaced")
        client.force_login(world.programme_manager)

        response = client.post(url("measure_create", world), {"name": "Journey time"})

        assert response.status_code == 200
        assert "retired: restore it" in response.content.decode()

    def test_a_retired_measure_is_exported_with_its_status(self, client, world):
        measure = MeasureFactory(initiative=world.initiative, name="Journey time")
        retire(record=measure, by=world.programme_manager, reason="Replaced by end-to-end time")
        client.force_login(world.programme_manager)

        rows = list(csv.reader(io.StringIO(client.get(url("measures_export", world)).content.decode())))

        assert rows[0][-2:] == ["Status", "Why retired"]
        assert rows[1][:2] == [measure.reference, "Journey time"]
        assert rows[1][-2].startswith("Retired on ")
        assert rows[1][-1] == "Replaced by end-to-end time"

    def test_a_stood_down_forum_is_no_longer_offered_to_escalation_levels(self, client, world):
        forum = ForumFactory(initiative=world.initiative, name="Old board")
        retire(record=forum, by=world.programme_manager, reason="Merged")
        client.force_login(world.programme_manager)

        assert "Old board" not in client.get(url("escalation_level_add", world)).content.decode()

    def test_the_pack_annex_lists_every_retired_record_and_the_registers_leave_them_out(self, world):
        measure = MeasureFactory(initiative=world.initiative, name="Journey time")
        term = DataDefinitionFactory(initiative=world.initiative, term="Customer")
        retire(record=measure, by=world.programme_manager, reason="Replaced")
        retire(record=term, by=world.programme_manager, reason="Merged into citizen")

        content = gather_pack_content(world.initiative.pk)

        annex = {(each["kind"], each["label"], each["reason"]) for each in content["retired"]}
        assert ("Retired measures", "Journey time", "Replaced") in annex
        assert ("Withdrawn terms", "Customer", "Merged into citizen") in annex
        assert [m["name"] for m in content["measures"]] == []
        assert [d["term"] for d in content["definitions"]] == []


class TestWithdrawingADecision:
    @pytest.mark.parametrize("state", ["draft", "submitted", "returned", "deferred"])
    def test_its_drafter_withdraws_it_with_a_reason_kept_in_the_trail(self, client, world, state):
        decision = decision_in(world, state)
        client.force_login(world.programme_manager)

        response = confirm(client, url("decisions_retire", world, decision.number), "Overtaken by events")

        assert response.status_code == 302
        decision.refresh_from_db()
        assert decision.status == Decision.Status.WITHDRAWN
        assert decision.retirement_reason == "Overtaken by events"
        last = decision.transitions.order_by("-at", "-pk").first()
        assert (last.from_status, last.to_status, last.comment) == (state, "withdrawn", "Overtaken by events")
        assert decision.title not in working_list(client, url("decisions", world))
        assert decision.title in client.get(url("decisions_closed", world)).content.decode()

    def test_a_submitted_decision_withdrawn_leaves_the_decider_s_queue(self, world):
        decision = decision_in(world, "submitted")
        decider = decision.decider

        decisions.decision_withdraw(decision=decision, by=world.programme_manager, reason="Not needed")

        assert list(Decision.objects.awaiting_decision_by(decider)) == []

    def test_a_decided_decision_cannot_be_withdrawn(self, world):
        decision = decision_in(world, "approved")

        with pytest.raises(decisions.DecisionChanged):
            decisions.decision_withdraw(decision=decision, by=world.programme_manager, reason="Oops")

    def test_only_its_drafter_may_withdraw_it(self, client, world):
        decision = decision_in(world, "draft")
        client.force_login(world.senior_owner)

        assert client.get(url("decisions_retire", world, decision.number)).status_code == 403
        with pytest.raises(decisions.NotTheDrafter):
            decisions.decision_withdraw(decision=decision, by=world.senior_owner, reason="Mine")

    def test_withdrawn_decisions_have_no_restore(self, client, world):
        decision = decision_in(world, "draft")
        decisions.decision_withdraw(decision=decision, by=world.programme_manager, reason="Not needed")
        client.force_login(world.programme_manager)

        page = client.get(url("decisions_closed", world)).content.decode()

        assert "Not needed" in page
        assert "Restore" not in page


def test_a_risk_imported_as_closed_is_in_the_closed_view_and_can_be_restored(client, world):
    imported = RiskFactory(initiative=world.initiative, title="Imported closed", status=Risk.Status.OPEN)
    imported.status = Risk.Status.CLOSED
    imported.save()
    client.force_login(world.programme_manager)

    assert "Imported closed" in client.get(url("risks_closed", world)).content.decode()

    client.post(url("risks_restore", world, imported.pk))

    imported.refresh_from_db()
    assert imported.status == Risk.Status.OPEN
