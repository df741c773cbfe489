"""The decision log's services: who decides, the state machine on real rows, and the trail."""

import pytest
from django.core import mail

from governance.decisions import services
from governance.decisions.states import Action
from governance.models import Decision, DecisionTransition, RaciCell
from initiatives.models import Membership
from tests.factories import BodyFactory, ParticipationFactory, UserFactory
from tests.governance.factories import RaciColumnFactory, RaciRowFactory, decision_in, draft, in_a_month

pytestmark = pytest.mark.django_db

STATES = ["draft", "submitted", "returned", "approved", "rejected", "deferred", "superseded", "withdrawn"]
ACTIONS = ["submit", "resubmit", "approve", "reject", "defer", "return", "supersede", "withdraw"]
ALLOWED = {
    ("draft", "submit"),
    ("submitted", "approve"),
    ("submitted", "reject"),
    ("submitted", "defer"),
    ("submitted", "return"),
    ("deferred", "resubmit"),
    ("returned", "resubmit"),
    ("approved", "supersede"),
    ("rejected", "supersede"),
    ("draft", "withdraw"),
    ("submitted", "withdraw"),
    ("returned", "withdraw"),
    ("deferred", "withdraw"),
}


def act(world, decision, action):
    decider = decision.decider or world.senior_owner
    pm = world.programme_manager
    return {
        "submit": lambda: services.decision_submit(decision=decision, by=pm),
        "resubmit": lambda: services.decision_resubmit(decision=decision, by=pm),
        "approve": lambda: services.decision_decide(decision=decision, by=decider, action=Action.APPROVE),
        "reject": lambda: services.decision_decide(
            decision=decision, by=decider, action=Action.REJECT, comment="No"
        ),
        "defer": lambda: services.decision_decide(
            decision=decision, by=decider, action=Action.DEFER, comment="Wait", deferred_until=in_a_month()
        ),
        "return": lambda: services.decision_decide(
            decision=decision, by=decider, action=Action.RETURN, comment="Add the costs"
        ),
        "supersede": lambda: services.decision_supersede(decision=decision, by=pm, reason="Changed"),
        "withdraw": lambda: services.decision_withdraw(decision=decision, by=pm, reason="Overtaken"),
    }[action]()


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("state", STATES)
def test_every_transition_on_a_real_decision_is_allowed_or_refused_as_declared(world, state, action):
    decision = decision_in(world, state)
    trail_before = decision.transitions.count()

    if (state, action) in ALLOWED:
        act(world, decision, action)
        decision.refresh_from_db()
        assert decision.transitions.count() == trail_before + 1
        last = decision.transitions.order_by("pk").last()
        assert (last.from_status, last.to_status) == (state, decision.status)
    else:
        with pytest.raises(services.DecisionChanged):
            act(world, decision, action)
        decision.refresh_from_db()
        assert decision.status == state
        assert decision.transitions.count() == trail_before


class TestTheTrail:
    def test_it_records_who_when_from_to_and_the_comment_for_every_step(self, world):
        decision = decision_in(world, "deferred")
        services.decision_resubmit(decision=decision, by=world.programme_manager, comment="Costs added")
        services.decision_decide(
            decision=decision, by=world.senior_owner, action=Action.APPROVE, comment="Fine"
        )

        trail = list(
            decision.transitions.order_by("pk").values_list(
                "from_status", "to_status", "by__email", "comment"
            )
        )

        assert trail == [
            ("", "draft", "pm@dwp.example", ""),
            ("draft", "submitted", "pm@dwp.example", ""),
            ("submitted", "deferred", "sro@dwp.example", "Later"),
            ("deferred", "submitted", "pm@dwp.example", "Costs added"),
            ("submitted", "approved", "sro@dwp.example", "Fine"),
        ]
        assert all(t.at for t in decision.transitions.all())

    def test_changing_a_decided_decision_supersedes_it_and_drafts_a_linked_copy(self, world):
        old = decision_in(world, "approved")

        new = services.decision_supersede(decision=old, by=world.programme_manager, reason="New legal advice")

        old.refresh_from_db()
        assert old.status == "superseded"
        assert old.superseded_by == new
        assert (new.status, new.supersedes, new.title, new.number) == (
            "draft",
            old,
            old.title,
            old.number + 1,
        )
        assert old.transitions.order_by("pk").last().comment == "New legal advice"
        assert "Drafted to change D001" in new.transitions.get().comment

    def test_a_decision_is_superseded_only_once(self, world):
        old = decision_in(world, "rejected")
        services.decision_supersede(decision=old, by=world.programme_manager, reason="Try again")

        with pytest.raises(services.DecisionChanged, match="already superseded by Priya Shah"):
            services.decision_supersede(decision=old, by=world.programme_manager, reason="And again")

        assert Decision.objects.filter(supersedes=old).count() == 1


class TestEditing:
    @pytest.mark.parametrize("state", ["draft", "deferred", "returned"])
    def test_drafts_and_deferred_or_returned_decisions_can_be_edited(self, world, state):
        decision = decision_in(world, state)

        services.decision_update(decision=decision, by=world.programme_manager, title="Better title")

        decision.refresh_from_db()
        assert decision.title == "Better title"

    @pytest.mark.parametrize("state", ["submitted", "approved", "rejected", "superseded"])
    def test_submitted_and_decided_decisions_are_never_edited_in_place(self, world, state):
        decision = decision_in(world, state)

        with pytest.raises(services.DecisionChanged):
            services.decision_update(decision=decision, by=world.programme_manager, title="Rewritten")

        decision.refresh_from_db()
        assert decision.title != "Rewritten"


class TestWhoDecides:
    def test_without_a_raci_row_the_senior_owner_decides(self, world):
        decision = draft(world)

        services.decision_submit(decision=decision, by=world.programme_manager)

        assert decision.decider == world.senior_owner

    def a_row_held_by(self, world, holder, body):
        row = RaciRowFactory(initiative=world.initiative)
        accountable = RaciColumnFactory(initiative=world.initiative, body=body, holder=holder)
        RaciCell.objects.create(row=row, column=accountable, value="A")
        return row

    def test_the_holder_of_the_rows_a_decides(self, world):
        row = self.a_row_held_by(world, world.partner_member, world.partner_body)
        decision = draft(world, raci_row=row)

        services.decision_submit(decision=decision, by=world.programme_manager)

        assert decision.decider == world.partner_member

    def test_a_holder_who_has_left_the_body_falls_back_to_the_senior_owner(self, world):
        row = self.a_row_held_by(world, world.partner_member, world.partner_body)
        Membership.objects.filter(user=world.partner_member).delete()
        decision = draft(world, raci_row=row)

        services.decision_submit(decision=decision, by=world.programme_manager)

        assert decision.decider == world.senior_owner

    def test_a_holder_whose_body_no_longer_takes_part_falls_back_to_the_senior_owner(self, world):
        row = self.a_row_held_by(world, world.partner_member, world.partner_body)
        world.initiative.participations.filter(body=world.partner_body).delete()

        assert services.decider_for(draft(world, raci_row=row)) == world.senior_owner

    def test_with_no_one_to_decide_it_refuses_to_submit_and_says_why(self, world):
        world.initiative.senior_owner = None
        world.initiative.save()
        decision = draft(world)

        with pytest.raises(services.NoDecider, match="Name a senior accountable owner"):
            services.decision_submit(decision=decision, by=world.programme_manager)

        decision.refresh_from_db()
        assert (decision.status, decision.decider) == ("draft", None)
        assert decision.transitions.count() == 1

    def test_a_senior_owner_outside_every_participating_body_cannot_decide(self, world):
        world.initiative.senior_owner = UserFactory(bodies=[BodyFactory()])
        world.initiative.save()

        assert services.decider_for(draft(world)) is None

    def test_resubmitting_works_out_the_decider_again(self, world):
        decision = decision_in(world, "deferred")
        new_owner = UserFactory(full_name="Jo Bloggs", bodies=[world.partner_body])
        world.initiative.senior_owner = new_owner
        world.initiative.save()

        services.decision_resubmit(decision=decision, by=world.programme_manager)

        assert decision.decider == new_owner

    def test_only_the_named_decider_can_decide(self, world):
        decision = decision_in(world, "submitted")

        for someone_else in (world.programme_manager, world.administrator):
            with pytest.raises(services.NotTheDecider):
                services.decision_decide(decision=decision, by=someone_else, action=Action.APPROVE)

        assert decision.transitions.count() == 2

    @pytest.mark.parametrize("action", [Action.REJECT, Action.DEFER])
    def test_rejecting_or_deferring_needs_a_comment(self, world, action):
        decision = decision_in(world, "submitted")

        with pytest.raises(ValueError, match="comment"):
            services.decision_decide(decision=decision, by=world.senior_owner, action=action, comment="  ")


class TestNumbers:
    def test_decisions_are_numbered_per_initiative(self, world):
        first, second = draft(world), draft(world)
        other_initiative = ParticipationFactory(body=world.lead_body).initiative
        elsewhere = services.decision_create(
            initiative=other_initiative,
            by=world.programme_manager,
            title="t",
            context="c",
            options="o",
            recommendation="r",
        )

        assert (first.reference, second.reference, elsewhere.reference) == ("D001", "D002", "D001")


class TestNotifications:
    def test_the_decider_is_emailed_when_a_decision_awaits_them(
        self, world, django_capture_on_commit_callbacks
    ):
        decision = draft(world, title="Approve the DSA")

        with django_capture_on_commit_callbacks(execute=True):
            services.decision_submit(decision=decision, by=world.programme_manager)

        assert len(mail.outbox) == 1
        email = mail.outbox[0]
        assert email.to == ["sro@dwp.example"]
        assert email.subject == "Decision needed: D001 Approve the DSA"
        assert "/initiatives/tell-us-once/decisions/1/" in email.body

    def test_programme_managers_are_emailed_the_outcome_with_the_comment(
        self, world, django_capture_on_commit_callbacks
    ):
        decision = decision_in(world, "submitted")

        with django_capture_on_commit_callbacks(execute=True):
            services.decision_decide(
                decision=decision, by=world.senior_owner, action=Action.REJECT, comment="Costs too high"
            )

        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == ["pm@dwp.example"]
        assert mail.outbox[0].subject.startswith("D001 rejected")
        assert "Costs too high" in mail.outbox[0].body

    @pytest.mark.parametrize(("action", "says_resubmit"), [(Action.DEFER, True), (Action.APPROVE, False)])
    def test_only_a_deferred_outcome_says_it_can_be_submitted_again(
        self, world, django_capture_on_commit_callbacks, action, says_resubmit
    ):
        decision = decision_in(world, "submitted")

        with django_capture_on_commit_callbacks(execute=True):
            services.decision_decide(
                decision=decision,
                by=world.senior_owner,
                action=action,
                comment="Why",
                deferred_until=in_a_month(),
            )

        assert ("submit it again" in mail.outbox[0].body) is says_resubmit

    def test_a_late_awaiting_email_is_not_sent_once_the_decision_has_moved_on(self, world):
        from governance.decisions.tasks import notify_decision_awaiting

        decision = decision_in(world, "submitted")
        submitted = decision.transitions.get(to_status="submitted")
        services.decision_decide(decision=decision, by=world.senior_owner, action=Action.APPROVE)

        notify_decision_awaiting.delay(decision.pk, submitted.pk)
        notify_decision_awaiting.delay(decision.pk + 999, submitted.pk)

        assert mail.outbox == []

    def test_running_the_awaiting_task_for_the_current_submission_sends_it(self, world):
        from governance.decisions.tasks import notify_decision_awaiting

        decision = decision_in(world, "submitted")
        submitted = decision.transitions.get(to_status="submitted")

        notify_decision_awaiting.delay(decision.pk, submitted.pk)

        assert [m.to for m in mail.outbox] == [["sro@dwp.example"]]


def test_no_code_path_updates_or_deletes_a_transition():
    """DecisionTransition is append-only: the services only ever create rows."""
    import inspect

    from governance.decisions import services as module

    source = inspect.getsource(module)
    assert "DecisionTransition.objects.create" in source
    for forbidden in ("transitions.update", "DecisionTransition.objects.filter(", ".delete()"):
        assert forbidden not in source
    assert not DecisionTransition._meta.get_field("at").editable
