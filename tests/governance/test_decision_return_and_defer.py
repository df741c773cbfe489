"""Returned for changes and deferred to a date: services, the drafter's email and home page, the timeline."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from governance.decisions import services
from governance.decisions.states import Action
from governance.models import Decision
from initiatives.models import Membership
from tests.governance.factories import decision_in, in_a_month

pytestmark = pytest.mark.django_db

HOME = "/"


def page_of(decision) -> str:
    return reverse(
        "governance:decision", kwargs={"slug": decision.initiative.slug, "number": decision.number}
    )


def decide_url(decision) -> str:
    return reverse(
        "governance:decision_decide", kwargs={"slug": decision.initiative.slug, "number": decision.number}
    )


def date_fields(day: datetime.date | None, name: str = "deferred_until") -> dict[str, str]:
    if day is None:
        return {}
    return {f"{name}_day": str(day.day), f"{name}_month": str(day.month), f"{name}_year": str(day.year)}


def return_it(world, decision, comment="Add the costs for each body"):
    return services.decision_decide(
        decision=decision, by=world.senior_owner, action=Action.RETURN, comment=comment
    )


def time_passes_to_revisit(decision) -> None:
    """The date the decision was deferred to arrives (the stored date moves back, as the clock cannot)."""
    Decision.objects.filter(pk=decision.pk).update(deferred_until=timezone.localdate())


class TestReturningForChanges:
    def test_the_decider_returns_it_to_its_drafter_who_edits_and_resubmits_it(self, world):
        decision = decision_in(world, "submitted")

        return_it(world, decision)
        services.decision_update(decision=decision, by=world.programme_manager, recommendation="Costed")
        services.decision_resubmit(decision=decision, by=world.programme_manager, comment="Costs added")

        decision.refresh_from_db()
        assert (decision.status, decision.recommendation) == ("submitted", "Costed")
        steps = list(decision.transitions.order_by("pk").values_list("from_status", "to_status", "comment"))
        assert steps[-2:] == [
            ("submitted", "returned", "Add the costs for each body"),
            ("returned", "submitted", "Costs added"),
        ]

    def test_returning_needs_a_comment(self, world):
        decision = decision_in(world, "submitted")

        with pytest.raises(ValueError, match="comment"):
            return_it(world, decision, comment=" ")

        decision.refresh_from_db()
        assert decision.status == "submitted"

    def test_resubmitting_a_returned_decision_works_out_the_decider_again(self, world):
        decision = decision_in(world, "returned")
        world.initiative.senior_owner = world.partner_member
        world.initiative.save()

        services.decision_resubmit(decision=decision, by=world.programme_manager)

        assert decision.decider == world.partner_member

    def test_only_the_named_decider_can_return_it(self, world):
        decision = decision_in(world, "submitted")

        with pytest.raises(services.NotTheDecider):
            services.decision_decide(
                decision=decision, by=world.programme_manager, action=Action.RETURN, comment="Mine"
            )


class TestTheDraftersEmail:
    def test_the_drafter_is_emailed_the_deciders_comment_and_the_managers_get_no_outcome_email(
        self, world, django_capture_on_commit_callbacks
    ):
        decision = decision_in(world, "submitted")

        with django_capture_on_commit_callbacks(execute=True):
            return_it(world, decision)

        [email] = mail.outbox
        assert email.to == ["pm@dwp.example"]
        assert email.subject == "D001 returned for changes: Approve the data sharing agreement"
        assert "Add the costs for each body" in email.body
        assert "David Okafor returned your decision" in email.body
        assert "/initiatives/tell-us-once/decisions/1/" in email.body

    def test_a_title_with_a_line_break_still_makes_a_one_line_subject(
        self, world, django_capture_on_commit_callbacks
    ):
        decision = decision_in(world, "submitted", title="Approve the\nagreement")

        with django_capture_on_commit_callbacks(execute=True):
            return_it(world, decision)

        assert mail.outbox[0].subject == "D001 returned for changes: Approve the agreement"

    def test_a_late_returned_email_is_dropped_once_the_drafter_has_resubmitted(self, world):
        from governance.decisions.tasks import notify_decision_returned

        decision = decision_in(world, "returned")
        returned = decision.transitions.get(to_status="returned")
        services.decision_resubmit(decision=decision, by=world.programme_manager)
        mail.outbox.clear()

        notify_decision_returned.delay(decision.pk, returned.pk)

        assert mail.outbox == []

    def test_a_drafter_who_no_longer_takes_part_is_not_emailed(self, world):
        from governance.decisions.tasks import notify_decision_returned

        decision = decision_in(world, "returned")
        Membership.objects.filter(user=world.programme_manager).delete()

        notify_decision_returned.delay(decision.pk, decision.transitions.get(to_status="returned").pk)

        assert mail.outbox == []


class TestDeferringToADate:
    def test_the_date_is_kept_on_the_decision_and_its_trail_until_it_goes_back(self, world):
        decision = decision_in(world, "submitted")
        revisit = in_a_month()

        services.decision_decide(
            decision=decision,
            by=world.senior_owner,
            action=Action.DEFER,
            comment="Later",
            deferred_until=revisit,
        )

        decision.refresh_from_db()
        assert decision.deferred_until == revisit
        assert decision.transitions.get(to_status="deferred").deferred_until == revisit
        services.decision_resubmit(decision=decision, by=world.programme_manager)
        decision.refresh_from_db()
        assert decision.deferred_until is None
        assert decision.transitions.get(to_status="deferred").deferred_until == revisit

    @pytest.mark.parametrize(
        ("revisit", "problem"),
        [(None, "Enter the date to revisit"), (0, "must be in the future"), (-3, "must be in the future")],
    )
    def test_deferring_without_a_future_date_is_refused(self, world, revisit, problem):
        decision = decision_in(world, "submitted")
        day = None if revisit is None else timezone.localdate() + datetime.timedelta(days=revisit)

        with pytest.raises(ValueError, match=problem):
            services.decision_decide(
                decision=decision,
                by=world.senior_owner,
                action=Action.DEFER,
                comment="Later",
                deferred_until=day,
            )

        decision.refresh_from_db()
        assert (decision.status, decision.deferred_until) == ("submitted", None)

    def test_a_date_given_with_another_outcome_is_not_kept(self, world):
        decision = decision_in(world, "submitted")

        services.decision_decide(
            decision=decision, by=world.senior_owner, action=Action.APPROVE, deferred_until=in_a_month()
        )

        decision.refresh_from_db()
        assert decision.deferred_until is None

    def test_it_is_due_for_revisit_only_once_its_date_has_come(self, world):
        decision = decision_in(world, "deferred")
        assert not decision.due_for_revisit

        time_passes_to_revisit(decision)
        decision.refresh_from_db()

        assert decision.due_for_revisit


class TestTheDecideForm:
    @pytest.mark.parametrize(
        ("revisit", "message"),
        [
            (None, "Enter the date to revisit this decision"),
            (0, "The date to revisit this decision must be in the future"),
            (-1, "The date to revisit this decision must be in the future"),
        ],
    )
    def test_deferring_without_a_future_date_is_a_form_error_and_nothing_changes(
        self, client, world, revisit, message
    ):
        decision = decision_in(world, "submitted")
        client.force_login(world.senior_owner)
        day = None if revisit is None else timezone.localdate() + datetime.timedelta(days=revisit)

        response = client.post(
            decide_url(decision), {"outcome": "defer", "comment": "Later", **date_fields(day)}
        )

        body = response.content.decode()
        assert response.status_code == 200
        assert message in body
        assert 'href="#id_deferred_until_0"' in body
        decision.refresh_from_db()
        assert decision.status == "submitted"

    def test_an_impossible_date_is_named_not_a_server_error(self, client, world):
        decision = decision_in(world, "submitted")
        client.force_login(world.senior_owner)

        response = client.post(
            decide_url(decision),
            {
                "outcome": "defer",
                "comment": "Later",
                "deferred_until_day": "31",
                "deferred_until_month": "2",
                "deferred_until_year": "2030",
            },
        )

        assert response.status_code == 200
        assert "Enter a real date" in response.content.decode()

    def test_deferring_to_a_date_shows_the_date_on_the_page_in_the_log_and_in_the_trail(self, client, world):
        decision = decision_in(world, "submitted")
        client.force_login(world.senior_owner)
        revisit = in_a_month()
        shown = f"{revisit:%-d %B %Y}"

        response = client.post(
            decide_url(decision),
            {"outcome": "defer", "comment": "Need costs", **date_fields(revisit)},
            follow=True,
        )

        body = response.content.decode()
        assert "Revisit on" in body
        assert f"Deferred until {shown} by David Okafor" in body
        log = client.get(reverse("governance:decisions", kwargs={"slug": "tell-us-once"})).content.decode()
        assert f"Until {revisit:%-d %b %Y}" in log

    def test_returning_from_the_page_shows_the_comment_to_the_drafter(self, client, world):
        decision = decision_in(world, "submitted")
        client.force_login(world.senior_owner)
        client.post(decide_url(decision), {"outcome": "return", "comment": "Add the costs"})

        client.force_login(world.programme_manager)
        body = client.get(page_of(decision)).content.decode()

        assert "Returned for changes by David Okafor" in body
        assert "Add the costs" in body
        assert "Submit again for decision" in body


class TestTheDraftersHomePage:
    def test_a_returned_decision_is_back_with_its_drafter_with_the_deciders_comment(self, client, world):
        decision = decision_in(world, "returned")
        client.force_login(world.programme_manager)

        body = client.get(HOME).content.decode()

        assert "Decisions back with you" in body
        assert f"{decision.reference}: {decision.title}" in body
        assert "Returned for changes by David Okafor" in body
        assert "Add the costs for each body" in body

    def test_a_deferred_decision_comes_back_only_when_its_date_arrives(self, client, world):
        decision = decision_in(world, "deferred")
        client.force_login(world.programme_manager)
        assert "Decisions back with you" not in client.get(HOME).content.decode()

        time_passes_to_revisit(decision)
        body = client.get(HOME).content.decode()

        assert "Decisions back with you" in body
        assert "due for revisit" in body

    @pytest.mark.parametrize("persona", ["senior_owner", "partner_member"])
    def test_only_the_drafter_sees_it_there(self, client, world, persona):
        decision_in(world, "returned")
        client.force_login(getattr(world, persona))

        assert "Decisions back with you" not in client.get(HOME).content.decode()

    def test_once_resubmitted_it_leaves_the_drafters_home_page(self, client, world):
        decision = decision_in(world, "returned")
        services.decision_resubmit(decision=decision, by=world.programme_manager)
        client.force_login(world.programme_manager)

        assert "Decisions back with you" not in client.get(HOME).content.decode()


class TestTheTimeline:
    def test_each_step_shows_who_when_from_to_and_the_comment_oldest_first(self, client, world):
        decision = decision_in(world, "returned")
        client.force_login(world.partner_member)

        body = client.get(page_of(decision)).content.decode()
        trail = body.split('id="trail"', 1)[1].split("</section>", 1)[0]

        steps = ["Drafted by Priya Shah", "Submitted by Priya Shah", "Returned for changes by David Okafor"]
        assert [trail.index(step) for step in steps] == sorted(trail.index(step) for step in steps)
        assert "Add the costs for each body" in trail
        assert "Awaiting decision" in trail
