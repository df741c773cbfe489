"""Separation of duties: nobody decides a decision they drafted or submitted, and changing who is
accountable is recorded, explained and told to both people (docs/adr/0011)."""

import pytest
from django.core import mail
from django.urls import reverse

from collab.versioned_forms import VERSION_FIELDS
from governance.decisions import services
from governance.decisions.rules import decide_allowed
from governance.decisions.states import Action
from governance.models import Decision, RaciCell
from governance.raci import services as raci_services
from initiatives import services as initiative_services
from initiatives.accountability import ReasonNeeded
from tests.factories import InitiativeRoleFactory, UserFactory
from tests.governance.factories import (
    EscalationLevelFactory,
    ForumFactory,
    RaciColumnFactory,
    RaciRowFactory,
    decision_in,
    draft,
)

pytestmark = pytest.mark.django_db


def name_senior_owner(world, person, *, by=None, reason="Covering while David is away"):
    return initiative_services.initiative_update(
        initiative=world.initiative,
        by=by or world.programme_manager,
        senior_owner=person,
        senior_owner_change_reason=reason,
    )


def route_chaired_by(world, chair, *, level=1):
    forum = ForumFactory(initiative=world.initiative, name="Programme board", chair=chair)
    return EscalationLevelFactory(
        initiative=world.initiative, level=level, name="Programme board", forum=forum
    )


def drafted_by(world, person, **fields):
    return services.decision_create(
        initiative=world.initiative,
        by=person,
        title="Approve the data sharing agreement",
        context="c",
        options="Approve\nDo nothing",
        recommendation="Approve",
        **fields,
    )


@pytest.fixture
def board_chair(world):
    return UserFactory(email="chair@hmrc.example", full_name="Ravi Patel", bodies=[world.partner_body])


class TestWhoDecides:
    def test_a_senior_owner_who_drafted_it_stands_aside_for_the_next_on_the_escalation_route(
        self, world, board_chair
    ):
        route_chaired_by(world, board_chair)
        decision = drafted_by(world, world.senior_owner)

        services.decision_submit(decision=decision, by=world.programme_manager)

        assert decision.decider == board_chair
        assert decision.decider_reason == (
            "David Okafor drafted this, so it goes to Ravi Patel, the next on the escalation route, "
            "as chair of Programme board (level 1)."
        )

    def test_the_holder_of_the_a_who_drafted_it_stands_aside_for_the_senior_owner(self, world):
        row = RaciRowFactory(initiative=world.initiative)
        column = RaciColumnFactory(
            initiative=world.initiative, body=world.partner_body, holder=world.partner_member
        )
        RaciCell.objects.create(row=row, column=column, value="A")
        decision = drafted_by(world, world.partner_member, raci_row=row)

        services.decision_submit(decision=decision, by=world.programme_manager)

        assert decision.decider == world.senior_owner
        assert "Siân Evans drafted this, so it goes to David Okafor, the senior accountable owner" in (
            decision.decider_reason
        )

    def test_the_named_decider_submitting_someone_elses_draft_stands_aside_too(self, world, board_chair):
        route_chaired_by(world, board_chair)
        InitiativeRoleFactory(initiative=world.initiative, user=world.senior_owner)
        decision = draft(world)

        services.decision_submit(decision=decision, by=world.senior_owner)

        assert decision.decider == board_chair
        assert decision.decider_reason.startswith("David Okafor submitted this")

    def test_a_chair_who_drafted_it_is_passed_over_as_well(self, world, board_chair):
        route_chaired_by(world, board_chair)
        name_senior_owner(world, board_chair)
        decision = drafted_by(world, board_chair)

        with pytest.raises(services.NoDecider, match="Ravi Patel drafted D001, so they cannot decide it"):
            services.decision_submit(decision=decision, by=world.programme_manager)

        decision.refresh_from_db()
        assert (decision.status, decision.decider) == ("draft", None)

    def test_with_no_one_left_submission_is_refused_and_says_what_to_do(self, world):
        decision = drafted_by(world, world.senior_owner)

        with pytest.raises(services.NoDecider) as refusal:
            services.decision_submit(decision=decision, by=world.programme_manager)

        assert "David Okafor drafted D001, so they cannot decide it" in str(refusal.value)
        assert "Name another senior accountable owner" in str(refusal.value)
        assert decision.transitions.count() == 1

    def test_a_named_decider_who_did_neither_decides_with_no_reason_given(self, world):
        decision = decision_in(world, "submitted")

        assert (decision.decider, decision.decider_reason) == (world.senior_owner, "")


class TestDeciding:
    def test_the_drafter_cannot_decide_even_if_somehow_named_decider(self, world):
        decision = drafted_by(world, world.senior_owner)
        InitiativeRoleFactory(initiative=world.initiative, user=world.partner_member)
        Decision.objects.filter(pk=decision.pk).update(status="submitted", decider=world.senior_owner)
        decision.refresh_from_db()

        with pytest.raises(services.NotTheDecider, match="You drafted D001"):
            services.decision_decide(decision=decision, by=world.senior_owner, action=Action.APPROVE)

        assert not decide_allowed(world.senior_owner, decision)
        decision.refresh_from_db()
        assert decision.status == "submitted"

    def test_the_submitter_cannot_decide_even_if_somehow_named_decider(self, world):
        decision = decision_in(world, "submitted")
        Decision.objects.filter(pk=decision.pk).update(decider=world.programme_manager)
        decision.refresh_from_db()

        with pytest.raises(services.NotTheDecider, match="You drafted and submitted D001"):
            services.decision_decide(decision=decision, by=world.programme_manager, action=Action.APPROVE)

    def test_the_decide_page_refuses_the_drafter(self, client, world):
        decision = drafted_by(world, world.senior_owner)
        Decision.objects.filter(pk=decision.pk).update(status="submitted", decider=world.senior_owner)
        client.force_login(world.senior_owner)

        response = client.post(
            reverse("governance:decision_decide", kwargs={"slug": "tell-us-once", "number": 1}),
            {"outcome": "approve"},
        )

        assert response.status_code == 403
        assert Decision.objects.get(pk=decision.pk).status == "submitted"


class TestSelfApproval:
    def test_naming_herself_senior_owner_drafting_and_submitting_never_lets_her_approve(self, world):
        pm = world.programme_manager
        name_senior_owner(world, pm)
        decision = drafted_by(world, pm)

        with pytest.raises(services.NoDecider):
            services.decision_submit(decision=decision, by=pm)

        assert Decision.objects.get(pk=decision.pk).status == "draft"

    def test_with_a_route_it_goes_up_it_and_she_still_cannot_approve(self, world, board_chair):
        pm = world.programme_manager
        route_chaired_by(world, board_chair)
        name_senior_owner(world, pm)
        decision = drafted_by(world, pm)

        services.decision_submit(decision=decision, by=pm)

        assert decision.decider == board_chair
        with pytest.raises(services.NotTheDecider):
            services.decision_decide(decision=decision, by=pm, action=Action.APPROVE)

    def test_naming_herself_holder_of_the_a_column_does_not_make_her_the_decider(self, world):
        pm = world.programme_manager
        row = raci_services.raci_row_add(
            initiative=world.initiative, activity="Sign the DSA", kind="decision", by=pm
        )
        column = raci_services.raci_column_add(
            initiative=world.initiative, body=world.lead_body, role_name="Data", holder=pm, by=pm
        )
        RaciCell.objects.create(row=row, column=column, value="A")
        decision = drafted_by(world, pm, raci_row=row)

        services.decision_submit(decision=decision, by=pm)

        assert decision.decider == world.senior_owner


class TestChangingWhoIsAccountable:
    def test_a_new_senior_owner_does_not_change_the_decider_of_a_submitted_decision(self, world):
        decision = decision_in(world, "submitted")
        newcomer = UserFactory(bodies=[world.partner_body])

        name_senior_owner(world, newcomer)

        decision.refresh_from_db()
        assert decision.decider == world.senior_owner
        services.decision_decide(decision=decision, by=world.senior_owner, action=Action.APPROVE)
        assert decision.status == "approved"

    def test_replacing_the_senior_owner_without_a_reason_is_refused(self, world):
        with pytest.raises(ReasonNeeded, match="Say why the senior accountable owner is changing"):
            name_senior_owner(world, world.partner_member, reason="  ")

        world.initiative.refresh_from_db()
        assert world.initiative.senior_owner == world.senior_owner

    def test_replacing_the_senior_owner_is_kept_with_who_and_why_and_both_are_emailed(
        self, world, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            name_senior_owner(world, world.partner_member, reason="David is on leave")

        latest = world.initiative.history.latest()
        assert (latest.history_user, latest.history_change_reason) == (
            world.programme_manager,
            "David is on leave",
        )
        assert sorted(m.to[0] for m in mail.outbox) == ["partner@hmrc.example", "sro@dwp.example"]
        replaced = next(m for m in mail.outbox if m.to == ["sro@dwp.example"])
        assert (
            replaced.subject
            == "You are no longer the senior accountable owner for Tell Us Once for bereavement"
        )
        assert "Siân Evans is, from now on" in replaced.body
        assert "Changed by Priya Shah" in replaced.body and "Why: David is on leave" in replaced.body

    def test_changing_the_holder_of_a_column_with_an_a_needs_a_reason_and_tells_both(
        self, world, django_capture_on_commit_callbacks
    ):
        newcomer = UserFactory(
            email="new.holder@hmrc.example", full_name="Ann Lee", bodies=[world.partner_body]
        )
        row = RaciRowFactory(initiative=world.initiative)
        column = RaciColumnFactory(
            initiative=world.initiative, body=world.partner_body, holder=world.partner_member
        )
        RaciCell.objects.create(row=row, column=column, value="A")
        change = {"column": column, "role_name": "", "holder": newcomer, "by": world.programme_manager}

        with pytest.raises(ReasonNeeded):
            raci_services.raci_column_update(**change)
        with django_capture_on_commit_callbacks(execute=True):
            raci_services.raci_column_update(**change, change_reason="Siân has moved team")

        latest = column.history.latest()
        assert (latest.holder_id, latest.history_change_reason) == (newcomer.pk, "Siân has moved team")
        assert sorted(m.to[0] for m in mail.outbox) == ["new.holder@hmrc.example", "partner@hmrc.example"]
        gained = next(m for m in mail.outbox if m.to == ["new.holder@hmrc.example"])
        assert gained.subject.startswith("You are now the holder of the “HMRC” column in the RACI matrix")
        assert "in place of Siân Evans" in gained.body

    def test_changing_the_holder_of_a_column_without_an_a_needs_no_reason(self, world):
        column = RaciColumnFactory(
            initiative=world.initiative, body=world.partner_body, holder=world.partner_member
        )

        raci_services.raci_column_update(column=column, role_name="", holder=None, by=world.programme_manager)

        column.refresh_from_db()
        assert column.holder is None
        assert mail.outbox == []

    def test_the_column_form_asks_why_when_the_holder_of_an_a_changes(self, client, world):
        row = RaciRowFactory(initiative=world.initiative)
        column = RaciColumnFactory(
            initiative=world.initiative, body=world.partner_body, holder=world.partner_member
        )
        RaciCell.objects.create(row=row, column=column, value="A")
        newcomer = UserFactory(bodies=[world.partner_body])
        client.force_login(world.programme_manager)
        edit_url = reverse("governance:raci_column_edit", kwargs={"slug": "tell-us-once", "pk": column.pk})
        data = {"role_name": "", "holder": newcomer.pk, **version_of(client, edit_url)}

        response = client.post(edit_url, data)

        assert "Say why the holder of the “HMRC” column" in response.content.decode()
        column.refresh_from_db()
        assert column.holder == world.partner_member


def version_of(client, edit_url) -> dict:
    """The hidden version field the edit form was read at, as a browser would post it back."""
    form = client.get(edit_url).context["form"]
    return {name: form[name].value() or "" for name in VERSION_FIELDS if name in form.fields}
