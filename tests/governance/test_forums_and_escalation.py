"""Forums, the escalation route, and the generic escalation service (decisions and risks alike)."""

import datetime

import pytest
from django.urls import reverse

from governance.forums import services
from governance.forums.escalation import CannotEscalate, escalation_raise
from governance.models import EscalationLevel, Forum, Risk
from tests.governance.factories import EscalationLevelFactory, ForumFactory, decision_in
from tests.governance.register_factories import RiskFactory, scores

pytestmark = pytest.mark.django_db


def url(name, slug="tell-us-once", **kwargs):
    return reverse(f"governance:{name}", kwargs={"slug": slug, **kwargs})


def route(world, *names):
    return [
        EscalationLevelFactory(initiative=world.initiative, level=i, name=n) for i, n in enumerate(names, 1)
    ]


def levels(world):
    return list(
        EscalationLevel.objects.filter(initiative=world.initiative)
        .order_by("level")
        .values_list("level", "name")
    )


class TestForums:
    def test_a_programme_manager_adds_a_forum_with_chair_members_and_cadence(self, client, world):
        client.force_login(world.programme_manager)

        response = client.post(
            url("forum_add"),
            {
                "name": "Programme board",
                "purpose": "decisions",
                "chair": world.senior_owner.pk,
                "member_bodies": [world.lead_body.pk, world.partner_body.pk],
                "members": "HMRC deputy director",
                "cadence": "monthly",
                "meets_from_day": "9",
                "meets_from_month": "3",
                "meets_from_year": "2027",
            },
        )

        forum = Forum.objects.get()
        assert response.status_code == 302
        assert (forum.purpose, forum.chair, forum.cadence) == ("decisions", world.senior_owner, "monthly")
        assert forum.meets_from == datetime.date(2027, 3, 9)
        assert set(forum.member_bodies.all()) == {world.lead_body, world.partner_body}

    def test_missing_answers_are_explained(self, client, world):
        client.force_login(world.programme_manager)

        body = client.post(url("forum_add"), {}).content.decode()

        for message in (
            "Enter name",
            "Select purpose",
            "Select the chair",
            "Select at least one member body",
        ):
            assert message in body
        assert "---------" not in body

    def test_a_chair_from_outside_the_initiative_is_refused(self, client, world):
        client.force_login(world.programme_manager)

        response = client.post(
            url("forum_add"),
            {
                "name": "Board",
                "purpose": "risk",
                "chair": world.outsider.pk,
                "member_bodies": [world.lead_body.pk],
                "cadence": "monthly",
            },
        )

        assert "Select a valid choice" in response.content.decode()

    def test_forums_are_changed_and_removed(self, client, world):
        forum = ForumFactory(initiative=world.initiative, name="Board")
        client.force_login(world.programme_manager)

        client.post(
            url("forum_edit", pk=forum.pk),
            {
                "name": "Joint board",
                "purpose": "delivery",
                "chair": world.programme_manager.pk,
                "member_bodies": [world.lead_body.pk],
                "cadence": "weekly",
            },
        )
        forum.refresh_from_db()
        renamed = (forum.name, forum.purpose, forum.cadence)
        client.post(url("forums_retire", pk=forum.pk), {"confirmed": "yes", "reason": "Merged"})

        assert renamed == ("Joint board", "delivery", "weekly")
        # Stood down, not deleted: it leaves the list and keeps its record.
        assert not Forum.objects.exists()
        assert Forum.all_records.get(pk=forum.pk).retirement_reason == "Merged"

    def test_two_forums_for_one_purpose_is_too_many_on_the_forums_page_and_the_overview(self, client, world):
        ForumFactory(initiative=world.initiative, name="Programme board", purpose="decisions")
        ForumFactory(initiative=world.initiative, name="Design authority", purpose="decisions")
        ForumFactory(initiative=world.initiative, name="Risk review", purpose="risk")
        client.force_login(world.partner_member)

        forums_page = client.get(url("forums")).content.decode()
        overview = client.get(
            reverse("initiatives:overview", kwargs={"slug": "tell-us-once"})
        ).content.decode()

        warning = "Too many forums: Design authority and Programme board all have the purpose “decisions”"
        assert warning in forums_page
        assert warning in overview
        assert "Risk review" in overview

    def test_one_forum_per_purpose_is_not_too_many(self, client, world):
        ForumFactory(initiative=world.initiative, purpose="decisions")
        ForumFactory(initiative=world.initiative, purpose="delivery")
        client.force_login(world.partner_member)

        assert "Too many forums" not in client.get(url("forums")).content.decode()

    @pytest.mark.parametrize("persona", ["senior_owner", "partner_member", "assurance_reviewer"])
    def test_readers_cannot_change_forums(self, client, world, persona):
        forum = ForumFactory(initiative=world.initiative)
        client.force_login(getattr(world, persona))

        assert client.get(url("forums")).status_code == 200
        assert client.get(url("forum_add")).status_code == 403
        stand_down = url("forums_retire", pk=forum.pk)
        assert client.post(stand_down, {"confirmed": "yes", "reason": "Merged"}).status_code == 403

    def test_an_unrelated_body_gets_not_found(self, client, world):
        client.force_login(world.outsider)

        assert client.get(url("forums")).status_code == 404
        assert client.get(url("escalation")).status_code == 404


class TestTheRoute:
    def test_levels_are_added_at_the_top_and_can_be_moved(self, client, world):
        client.force_login(world.programme_manager)
        for name in ("Workstream leads", "Programme board", "Senior owners"):
            client.post(
                url("escalation_level_add"), {"name": name, "who": "Someone", "threshold": "Stuck for a week"}
            )

        client.post(
            url("escalation_level_move", pk=EscalationLevel.objects.get(name="Senior owners").pk),
            {"direction": "up"},
        )

        assert levels(world) == [(1, "Workstream leads"), (2, "Senior owners"), (3, "Programme board")]

    def test_removing_a_level_closes_the_gap(self, world):
        _first, second, _third = route(world, "One", "Two", "Three")

        services.escalation_level_remove(level=second, by=world.programme_manager)

        assert levels(world) == [(1, "One"), (2, "Three")]

    def test_a_level_with_escalations_recorded_cannot_be_removed(self, client, world):
        first, _second = route(world, "One", "Two")
        escalation_raise(
            initiative=world.initiative,
            decision=decision_in(world, "submitted"),
            reason="x",
            by=world.programme_manager,
        )
        client.force_login(world.programme_manager)

        response = client.post(url("escalation_level_remove", pk=first.pk), {"confirmed": "yes"}, follow=True)

        assert "cannot be removed because escalations are recorded against it" in response.content.decode()
        assert levels(world) == [(1, "One"), (2, "Two")]

    def test_moving_past_either_end_changes_nothing(self, world):
        first, second = route(world, "One", "Two")

        services.escalation_level_move(level=first, direction="up", by=world.programme_manager)
        services.escalation_level_move(level=second, direction="down", by=world.programme_manager)
        services.escalation_level_move(level=second, direction="sideways", by=world.programme_manager)

        assert levels(world) == [(1, "One"), (2, "Two")]

    def test_the_route_is_shown_on_the_overview_in_order(self, client, world):
        route(world, "Workstream leads", "Programme board")
        client.force_login(world.assurance_reviewer)

        body = client.get(reverse("initiatives:overview", kwargs={"slug": "tell-us-once"})).content.decode()

        assert body.index("Workstream leads: Workstream leads") < body.index(
            "Programme board: Workstream leads"
        )


class TestEscalatingARisk:
    """The risk register calls the same service; the Escalation model holds either."""

    @pytest.fixture
    def risk(self, world):
        return Risk.objects.create(
            initiative=world.initiative,
            number=1,
            title="Councils cannot receive notifications electronically",
            category="technology",
            **scores(inherent=(4, 4), current=(4, 4), target=(2, 3)),
            appetite="cautious",
            treatment="treat",
            review_date=datetime.date(2027, 1, 1),
        )

    def test_a_risk_goes_up_the_same_route(self, world, risk):
        _one, two = route(world, "Workstream leads", "Programme board")

        escalation = escalation_raise(
            initiative=world.initiative, risk=risk, reason="Score 16", by=world.programme_manager
        )

        risk.refresh_from_db()
        assert (escalation.risk, escalation.decision, escalation.to_level) == (risk, None, two)
        assert risk.escalation_level == two

    def test_a_closed_risk_is_not_escalated(self, world, risk):
        route(world, "One")
        risk.status = Risk.Status.CLOSED
        risk.save()

        with pytest.raises(CannotEscalate):
            escalation_raise(initiative=world.initiative, risk=risk, reason="x", by=world.programme_manager)

    def test_exactly_one_of_risk_or_decision(self, world, risk):
        route(world, "One")

        with pytest.raises(ValueError, match="exactly one"):
            escalation_raise(initiative=world.initiative, reason="x", by=world.programme_manager)
        with pytest.raises(ValueError, match="exactly one"):
            escalation_raise(
                initiative=world.initiative,
                risk=risk,
                decision=decision_in(world, "draft"),
                reason="x",
                by=world.programme_manager,
            )


class TestOverviewPanel:
    def test_it_shows_raci_rows_failing_and_decisions_awaiting(self, client, world):
        from governance.raci import services as raci

        raci.raci_row_add(
            initiative=world.initiative,
            activity="Own data definitions",
            kind="activity",
            by=world.programme_manager,
        )
        decision_in(world, "submitted", title="Approve the DSA")
        client.force_login(world.partner_member)

        body = client.get(reverse("initiatives:overview", kwargs={"slug": "tell-us-once"})).content.decode()

        assert "1 row does not have exactly one A and at least one R" in body
        assert "Own data definitions" in body
        assert "D001: Approve the DSA" in body
        for link in ("raci", "forums", "escalation", "decisions"):
            assert f'href="{url(link)}"' in body


class TestWhereEscalationsGo:
    """Risks and decisions say where they were sent in the same words, from governance.forums.escalation."""

    def escalate_risk(self, client, risk, reason="Score 20"):
        return client.post(url("risk_escalate", pk=risk.pk), {"reason": reason}, follow=True)

    def test_a_risk_and_a_decision_sent_up_are_announced_alike_by_the_levels_name_and_number(
        self, client, world
    ):
        route(world, "Workstream leads", "Programme board")
        risk, decision = RiskFactory(initiative=world.initiative), decision_in(world, "submitted")
        client.force_login(world.programme_manager)

        risk_done = self.escalate_risk(client, risk)
        decision_done = client.post(
            url("decision_escalate", number=decision.number), {"reason": "Over budget"}, follow=True
        )

        assert f"{risk.reference} escalated to Programme board (level 2)" in risk_done.content.decode()
        assert (
            f"{decision.reference} escalated to Programme board (level 2)" in decision_done.content.decode()
        )

    def test_a_risk_sent_on_past_the_top_of_the_route_is_with_the_board_not_its_last_level(
        self, client, world
    ):
        route(world, "Workstream leads", "Programme board")
        risk = RiskFactory(initiative=world.initiative)
        client.force_login(world.programme_manager)

        self.escalate_risk(client, risk)
        self.escalate_risk(client, risk, reason="Beyond the programme board")
        page = client.get(url("risk_detail", pk=risk.pk))

        assert page.context["page"].escalated_to == "the board"
        assert "sent it to the board" in page.content.decode()
