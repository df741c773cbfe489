"""Decision pages: drafting, submitting, deciding in the browser's requests, and who may reach what."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models import Decision
from tests.governance.factories import EscalationLevelFactory, decision_in, draft

pytestmark = pytest.mark.django_db


def url(name, decision=None, slug="tell-us-once", **kwargs):
    if decision is not None:
        kwargs["number"] = decision.number
    return reverse(f"governance:{name}", kwargs={"slug": slug, **kwargs})


def valid_draft(**changes):
    return {
        "title": "Approve the data sharing agreement",
        "context": "Records cannot move without it.",
        "options": "Approve\nDo nothing",
        "recommendation": "Approve it",
        **changes,
    }


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


class TestDrafting:
    def test_a_programme_manager_drafts_a_decision(self, client, world):
        client.force_login(world.programme_manager)
        due = timezone.localdate() + datetime.timedelta(days=7)

        response = client.post(
            url("decision_add"),
            valid_draft(due_date_day=due.day, due_date_month=due.month, due_date_year=due.year),
        )

        decision = Decision.objects.get()
        assert response.status_code == 302
        assert response.url == url("decision", decision)
        assert (decision.status, decision.due_date, decision.created_by) == (
            "draft",
            due,
            world.programme_manager,
        )
        assert decision.transitions.get().to_status == "draft"

    def test_missing_fields_and_a_past_due_date_are_explained(self, client, world):
        client.force_login(world.programme_manager)

        response = client.post(
            url("decision_add"),
            {"title": "", "due_date_day": "1", "due_date_month": "1", "due_date_year": "2020"},
        )

        body = response.content.decode()
        assert response.status_code == 200
        for message in ("Enter title", "Enter context", "Enter recommendation", "today or in the future"):
            assert message in body
        assert not Decision.objects.exists()

    def test_a_raci_row_of_another_initiative_cannot_be_chosen(self, client, world):
        from tests.factories import InitiativeFactory
        from tests.governance.factories import RaciRowFactory

        elsewhere = RaciRowFactory(initiative=InitiativeFactory())
        client.force_login(world.programme_manager)

        response = client.post(url("decision_add"), valid_draft(raci_row=elsewhere.pk))

        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()

    @pytest.mark.parametrize("persona", ["senior_owner", "partner_member", "assurance_reviewer"])
    def test_people_who_are_not_programme_managers_cannot_draft(self, client, world, persona):
        client.force_login(getattr(world, persona))

        assert client.post(url("decision_add"), valid_draft()).status_code == 403
        assert not Decision.objects.exists()

    def test_drafts_can_be_edited_but_a_decided_decision_cannot(self, client, world):
        editable, decided = draft(world), decision_in(world, "approved")
        client.force_login(world.programme_manager)

        client.post(url("decision_edit", editable), valid_draft(title="Sharper title"))
        response = client.post(url("decision_edit", decided), valid_draft(title="Rewritten"), follow=True)

        editable.refresh_from_db()
        decided.refresh_from_db()
        assert editable.title == "Sharper title"
        assert decided.title != "Rewritten"
        assert "never edited. Change it with a new decision instead" in messages_of(response)[-1]


class TestSubmitting:
    def test_submitting_names_the_decider_and_lists_it_on_their_home_page(self, client, world):
        decision = draft(world, title="Approve the DSA")
        client.force_login(world.programme_manager)

        response = client.post(url("decision_submit", decision), follow=True)

        assert "D001 sent to David Okafor for a decision" in messages_of(response)
        client.force_login(world.senior_owner)
        home = client.get("/").content.decode()
        assert "Decisions awaiting you" in home
        assert "D001: Approve the DSA" in home

    def test_the_home_page_lists_nothing_for_people_with_nothing_to_decide(self, client, world):
        decision_in(world, "submitted")
        client.force_login(world.partner_member)

        assert "Decisions awaiting you" not in client.get("/").content.decode()

    def test_without_anyone_to_decide_submitting_is_refused_with_a_message(self, client, world):
        world.initiative.senior_owner = None
        world.initiative.save()
        decision = draft(world)
        client.force_login(world.programme_manager)

        response = client.post(url("decision_submit", decision), follow=True)

        assert "There is no one to decide D001" in messages_of(response)[0]
        decision.refresh_from_db()
        assert decision.status == "draft"

    def test_submit_is_post_only(self, client, world):
        decision = draft(world)
        client.force_login(world.programme_manager)

        assert client.get(url("decision_submit", decision)).status_code == 405


class TestDeciding:
    def test_the_decider_approves_with_a_comment(self, client, world):
        decision = decision_in(world, "submitted")
        client.force_login(world.senior_owner)

        response = client.post(
            url("decision_decide", decision), {"outcome": "approve", "comment": "Go"}, follow=True
        )

        decision.refresh_from_db()
        assert decision.status == "approved"
        assert "D001 approved" in messages_of(response)
        assert decision.transitions.order_by("pk").last().comment == "Go"
        assert "Go" in response.content.decode()

    @pytest.mark.parametrize(
        ("outcome", "message"), [("reject", "rejecting"), ("defer", "deferring"), ("return", "returning")]
    )
    def test_rejecting_or_deferring_without_a_comment_is_explained_and_nothing_changes(
        self, client, world, outcome, message
    ):
        decision = decision_in(world, "submitted")
        client.force_login(world.senior_owner)

        response = client.post(url("decision_decide", decision), {"outcome": outcome, "comment": " "})

        body = response.content.decode()
        assert response.status_code == 200
        assert f"Enter a comment saying why you are {message} this decision" in body
        assert "govuk-error-summary" in body
        decision.refresh_from_db()
        assert decision.status == "submitted"

    def test_choosing_nothing_is_explained(self, client, world):
        decision = decision_in(world, "submitted")
        client.force_login(world.senior_owner)

        response = client.post(url("decision_decide", decision), {"outcome": "", "comment": ""})

        assert "Select approve, reject, defer or return for changes" in response.content.decode()

    def test_a_double_submitted_form_records_one_transition_and_says_who_acted(self, client, world):
        decision = decision_in(world, "submitted")
        client.force_login(world.senior_owner)

        first = client.post(url("decision_decide", decision), {"outcome": "approve", "comment": "Yes"})
        second = client.post(
            url("decision_decide", decision), {"outcome": "approve", "comment": "Yes"}, follow=True
        )

        assert first.status_code == 302
        assert second.status_code == 200
        assert decision.transitions.filter(to_status="approved").count() == 1
        message = messages_of(second)[-1]
        assert message.startswith("This decision was already approved by David Okafor at ")

    def test_a_late_reject_after_an_approval_is_refused_politely(self, client, world):
        decision = decision_in(world, "approved")
        client.force_login(world.senior_owner)

        response = client.post(
            url("decision_decide", decision), {"outcome": "reject", "comment": "No"}, follow=True
        )

        assert response.status_code == 200
        assert "already approved by David Okafor" in messages_of(response)[0]
        decision.refresh_from_db()
        assert decision.status == "approved"

    @pytest.mark.parametrize(
        "persona", ["programme_manager", "partner_member", "assurance_reviewer", "administrator"]
    )
    def test_nobody_but_the_decider_may_decide(self, client, world, persona):
        decision = decision_in(world, "submitted")
        client.force_login(getattr(world, persona))

        response = client.post(url("decision_decide", decision), {"outcome": "approve", "comment": ""})

        assert response.status_code == 403
        decision.refresh_from_db()
        assert decision.status == "submitted"

    def test_the_decide_form_is_shown_only_to_the_decider(self, client, world):
        decision = decision_in(world, "submitted")

        client.force_login(world.senior_owner)
        assert "Record decision" in client.get(url("decision", decision)).content.decode()
        client.force_login(world.administrator)
        assert "Record decision" not in client.get(url("decision", decision)).content.decode()

    def test_a_deferred_decision_is_resubmitted_with_a_note(self, client, world):
        decision = decision_in(world, "deferred")
        client.force_login(world.programme_manager)

        client.post(url("decision_resubmit", decision), {"comment": "Costs added"})

        decision.refresh_from_db()
        assert decision.status == "submitted"
        assert decision.transitions.order_by("pk").last().comment == "Costs added"


class TestChanging:
    def test_change_this_decision_drafts_a_replacement_linked_both_ways(self, client, world):
        old = decision_in(world, "approved")
        client.force_login(world.programme_manager)

        response = client.post(url("decision_change", old), {"reason": "New legal advice"})

        new = Decision.objects.get(supersedes=old)
        assert response.url == url("decision_edit", new)
        old_page = client.get(url("decision", old)).content.decode()
        new_page = client.get(url("decision", new)).content.decode()
        assert f'Replaced by <a class="govuk-link" href="{url("decision", new)}">D002' in old_page
        assert f'Replaces <a class="govuk-link" href="{url("decision", old)}">D001' in new_page
        assert "New legal advice" in old_page

    def test_a_reason_is_required(self, client, world):
        old = decision_in(world, "rejected")
        client.force_login(world.programme_manager)

        response = client.post(url("decision_change", old), {"reason": ""})

        assert "Enter why this decision needs to change" in response.content.decode()
        assert not Decision.objects.filter(supersedes=old).exists()


class TestReading:
    @pytest.mark.parametrize(
        "persona", ["programme_manager", "senior_owner", "partner_member", "assurance_reviewer"]
    )
    def test_members_and_reviewers_read_the_log_and_the_trail(self, client, world, persona):
        decision = decision_in(world, "approved")
        client.force_login(getattr(world, persona))

        listing = client.get(url("decisions"))
        page = client.get(url("decision", decision))

        assert listing.status_code == page.status_code == 200
        assert "D001: Approve the data sharing agreement" in listing.content.decode()
        for text in ("Trail", "Priya Shah", "David Okafor", "Awaiting decision", "Approved"):
            assert text in page.content.decode()

    @pytest.mark.parametrize(
        "name", ["decisions", "decision", "decision_edit", "decision_change", "decision_escalate"]
    )
    def test_an_unrelated_body_gets_not_found(self, client, world, name):
        decision = decision_in(world, "approved")
        client.force_login(world.outsider)

        kwargs = {} if name == "decisions" else {"decision": decision}
        assert client.get(url(name, **kwargs)).status_code == 404

    def test_a_decision_of_another_initiative_is_not_found_through_this_one(self, client, world):
        decision_in(world, "approved")
        client.force_login(world.programme_manager)

        assert client.get(url("decision", number=99)).status_code == 404


class TestEscalating:
    def test_an_open_decision_goes_up_one_level_then_to_the_board(self, client, world):
        EscalationLevelFactory(initiative=world.initiative, level=1, name="Workstream leads")
        EscalationLevelFactory(initiative=world.initiative, level=2, name="Programme board")
        decision = decision_in(world, "submitted")
        client.force_login(world.programme_manager)

        client.post(url("decision_escalate", decision), {"reason": "Over budget"})
        client.post(url("decision_escalate", decision), {"reason": "Board must decide"})
        page = client.get(url("decision", decision)).content.decode()
        again = client.get(url("decision_escalate", decision), follow=True)

        escalations = list(decision.escalations.order_by("escalated_at", "pk"))
        assert [(e.from_level.name, e.to_level and e.to_level.name, e.to_board) for e in escalations] == [
            ("Workstream leads", "Programme board", False),
            ("Programme board", None, True),
        ]
        assert escalations[0].escalated_by == world.programme_manager
        assert "Over budget" in page
        assert "The board" in page
        assert "already been escalated to the board" in messages_of(again)[0]

    def test_a_reason_is_required(self, client, world):
        EscalationLevelFactory(initiative=world.initiative, level=1)
        decision = decision_in(world, "submitted")
        client.force_login(world.programme_manager)

        response = client.post(url("decision_escalate", decision), {"reason": ""})

        assert "Enter why this needs to be escalated" in response.content.decode()
        assert not decision.escalations.exists()

    def test_without_a_route_there_is_nowhere_to_go(self, client, world):
        decision = decision_in(world, "submitted")
        client.force_login(world.programme_manager)

        response = client.get(url("decision_escalate", decision), follow=True)

        assert "no escalation route yet" in messages_of(response)[0]

    def test_a_decided_decision_is_not_escalated(self, client, world):
        EscalationLevelFactory(initiative=world.initiative, level=1)
        decision = decision_in(world, "approved")
        client.force_login(world.programme_manager)

        response = client.post(url("decision_escalate", decision), {"reason": "x"}, follow=True)

        assert "only open items can be escalated" in messages_of(response)[0]
        assert not decision.escalations.exists()

    def test_a_partner_may_not_escalate(self, client, world):
        EscalationLevelFactory(initiative=world.initiative, level=1)
        decision = decision_in(world, "submitted")
        client.force_login(world.partner_member)

        assert client.post(url("decision_escalate", decision), {"reason": "x"}).status_code == 403
