"""In Django admin, forums, the escalation route, the glossary, agreements, measures and risk actions change
through their services; assurance records are read-only."""

import datetime

import pytest
from django.urls import reverse

from governance.forums import services as forum_services
from governance.forums.escalation import escalation_raise
from governance.models import (
    AssuranceReview,
    DataDefinition,
    DataSharingAgreement,
    EscalationLevel,
    Forum,
    MeasureReading,
    Recommendation,
    RiskAction,
)
from tests.admin_forms import admin_form_data, admin_url
from tests.governance.register_factories import (
    DataDefinitionFactory,
    DataSharingAgreementFactory,
    MeasureFactory,
    MeasureReadingFactory,
    RiskFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, world):
    client.force_login(world.administrator)
    return client


def change(admin_client, model, record, **changes):
    url = admin_url(model, "change", record.pk)
    return admin_client.post(url, {**admin_form_data(admin_client, url), **changes})


def form_errors(response) -> dict:
    return response.context["adminform"].form.errors


class TestTheEscalationRoute:
    @pytest.fixture
    def route(self, world):
        return [
            forum_services.escalation_level_add(
                initiative=world.initiative,
                name=name,
                who=name,
                forum=None,
                threshold="Stuck",
                by=world.administrator,
            )
            for name in ("Workstream leads", "Programme board", "Senior owners")
        ]

    def test_a_level_added_here_goes_to_the_top_of_the_route(self, admin_client, world, route):
        response = admin_client.post(
            admin_url(EscalationLevel, "add"),
            {
                "initiative": world.initiative.pk,
                "name": "Ministers",
                "who": "Ministers",
                "threshold": "Public",
            },
        )

        assert response.status_code == 302
        assert EscalationLevel.objects.get(name="Ministers").level == 4

    def test_removing_a_level_closes_the_gap(self, admin_client, world, route):
        response = admin_client.post(admin_url(EscalationLevel, "delete", route[0].pk), {"post": "yes"})

        assert response.status_code == 302
        assert list(world.initiative.escalation_levels.values_list("level", "name")) == [
            (1, "Programme board"),
            (2, "Senior owners"),
        ]

    def test_a_level_cannot_be_given_another_initiatives_forum(self, admin_client, world, route):
        elsewhere = Forum.objects.create(
            initiative=RiskFactory().initiative,
            name="Elsewhere board",
            purpose="decisions",
            cadence="monthly",
        )

        response = change(admin_client, EscalationLevel, route[1], forum=elsewhere.pk)

        assert response.status_code == 200
        assert "forum" in form_errors(response)

    def test_a_forums_chair_and_member_bodies_come_from_the_bodies_taking_part(self, admin_client, world):
        data = {
            "initiative": world.initiative.pk,
            "name": "Programme board",
            "purpose": "decisions",
            "cadence": "monthly",
            "chair": world.outsider.pk,
            "member_bodies": [world.lead_body.pk, world.unrelated_body.pk],
        }

        refused = admin_client.post(admin_url(Forum, "add"), data)
        added = admin_client.post(
            admin_url(Forum, "add"),
            {**data, "chair": world.senior_owner.pk, "member_bodies": [world.lead_body.pk]},
        )

        assert set(form_errors(refused)) == {"chair", "member_bodies"}
        assert added.status_code == 302
        forum = Forum.objects.get(initiative=world.initiative)
        assert (forum.chair, list(forum.member_bodies.all())) == (world.senior_owner, [world.lead_body])


class TestTheGlossary:
    def test_a_term_cannot_be_agreed_without_an_agreed_meaning(self, admin_client, world):
        term = DataDefinitionFactory(initiative=world.initiative, term="customer")

        response = change(admin_client, DataDefinition, term, status="agreed", agreed_meaning="")

        assert response.status_code == 200
        assert response.context["adminform"].form.non_field_errors() == [
            "A term cannot be agreed without an agreed meaning"
        ]
        term.refresh_from_db()
        assert term.status == "proposed"

    def test_a_term_agreed_with_its_meaning_is_dated_and_each_bodys_meaning_kept(self, admin_client, world):
        term = DataDefinitionFactory(initiative=world.initiative, term="customer")

        response = change(
            admin_client,
            DataDefinition,
            term,
            status="agreed",
            agreed_meaning="A person we hold a record for",
            **{f"meaning_{world.partner_body.pk}": "A taxpayer"},
        )

        assert response.status_code == 302
        term.refresh_from_db()
        assert term.agreed_on is not None
        assert dict(term.meanings.values_list("body__short_name", "meaning")) == {"HMRC": "A taxpayer"}

    def test_reverting_a_term_to_an_agreed_version_without_a_meaning_is_refused_on_the_form(
        self, admin_client, world
    ):
        term = DataDefinitionFactory(initiative=world.initiative, term="customer")
        DataDefinition.objects.filter(pk=term.pk).update(status="agreed")  # as an old bug might have left it
        term.refresh_from_db()
        term.save()  # a history version that is agreed with no meaning
        broken = term.history.latest()
        change(admin_client, DataDefinition, term, status="proposed")
        revert_url = reverse(
            "admin:governance_datadefinition_simple_history", args=[term.pk, broken.history_id]
        )

        response = admin_client.post(revert_url, admin_form_data(admin_client, revert_url))

        assert response.status_code == 200
        assert response.context["adminform"].form.non_field_errors() == [
            "A term cannot be agreed without an agreed meaning"
        ]
        term.refresh_from_db()
        assert term.status == "proposed"

    def test_a_completed_dpia_needs_its_date_and_reviewer(self, admin_client, world):
        agreement = DataSharingAgreementFactory(initiative=world.initiative)
        agreement.parties.set([world.lead_body, world.partner_body])

        refused = change(admin_client, DataSharingAgreement, agreement, dpia_status="completed")
        saved = change(
            admin_client,
            DataSharingAgreement,
            agreement,
            dpia_status="completed",
            dpia_date="2026-03-01",
            dpia_reviewer="Data protection officer",
        )

        assert refused.context["adminform"].form.non_field_errors() == [
            "A completed DPIA needs its date and reviewer"
        ]
        assert saved.status_code == 302
        agreement.refresh_from_db()
        assert (agreement.dpia_status, agreement.dpia_date) == ("completed", datetime.date(2026, 3, 1))


class TestMeasuresAndReadings:
    def test_a_second_reading_for_the_same_date_is_refused(self, admin_client, world):
        reading = MeasureReadingFactory(measure=MeasureFactory(initiative=world.initiative))
        data = {"measure": reading.measure.pk, "taken_on": reading.taken_on.isoformat(), "value": "12"}

        response = admin_client.post(admin_url(MeasureReading, "add"), data)

        assert response.status_code == 200
        assert MeasureReading.objects.filter(measure=reading.measure).count() == 1

    def test_a_reading_is_recorded_with_who_recorded_it(self, admin_client, world):
        measure = MeasureFactory(initiative=world.initiative)

        response = admin_client.post(
            admin_url(MeasureReading, "add"), {"measure": measure.pk, "taken_on": "2026-02-01", "value": "12"}
        )

        assert response.status_code == 302
        assert measure.readings.get().recorded_by == world.administrator

    def test_a_measure_keeps_the_rules_of_its_page(self, admin_client, world):
        measure = MeasureFactory(initiative=world.initiative)

        response = change(admin_client, type(measure), measure, target="30")

        assert response.status_code == 200
        assert form_errors(response)["target"] == [
            "When lower is better, the target must be below the baseline"
        ]


class TestRiskActions:
    def test_an_action_owned_by_a_body_not_taking_part_is_refused(self, admin_client, world):
        risk = RiskFactory(initiative=world.initiative)
        data = {
            "risk": risk.pk,
            "kind": "action",
            "description": "Agree a standard",
            "due_date": "2026-12-01",
        }

        refused = admin_client.post(
            admin_url(RiskAction, "add"), {**data, "owner_body": world.unrelated_body.pk}
        )
        added = admin_client.post(admin_url(RiskAction, "add"), {**data, "owner_body": world.partner_body.pk})

        assert "owner_body" in form_errors(refused)
        assert added.status_code == 302
        assert list(risk.actions.values_list("owner_body__short_name", flat=True)) == ["HMRC"]


class TestAssurance:
    @pytest.mark.parametrize("model", [AssuranceReview, Recommendation])
    def test_reviews_and_recommendations_are_not_added_here(self, admin_client, model):
        assert admin_client.get(admin_url(model, "add")).status_code == 403


class TestRefusedRemovals:
    def test_a_level_that_escalations_name_is_not_removed(self, admin_client, world):
        level = forum_services.escalation_level_add(
            initiative=world.initiative,
            name="Board",
            who="Board",
            forum=None,
            threshold="Stuck",
            by=world.administrator,
        )
        risk = RiskFactory(initiative=world.initiative, status="open")
        escalation_raise(initiative=world.initiative, reason="Too high", by=world.administrator, risk=risk)

        response = admin_client.post(admin_url(EscalationLevel, "delete", level.pk), {"post": "yes"})

        assert response.status_code == 200
        assert response.context["title"] == "Cannot delete escalation level"
        assert EscalationLevel.objects.filter(pk=level.pk).exists()
