"""The register pages as each persona meets them."""

import datetime
import re

import pytest
from django.urls import reverse

from governance.models import DataDefinition, DataSharingAgreement, Escalation, Measure, MeasureReading, Risk
from tests.governance.register_factories import (
    AssessmentFactory,
    BodyMeaningFactory,
    DataDefinitionFactory,
    EscalationLevelFactory,
    MeasureFactory,
    MeasureReadingFactory,
    RiskFactory,
)

pytestmark = pytest.mark.django_db


def url(name, world, *args):
    return reverse(f"governance:{name}", args=[world.initiative.slug, *args])


RISK_FORM = {
    "title": "Families asked twice",
    "category": "operations",
    "is_joint": "True",
    "owner_body": "",
    "owner": "",
    "inherent_likelihood": "4",
    "inherent_impact": "4",
    "current_likelihood": "3",
    "current_impact": "3",
    "target_likelihood": "2",
    "target_impact": "2",
    "appetite": "cautious",
    "treatment": "treat",
    "proximity": "",
    "escalation_threshold": "15",
}


class TestReadingAndRefusing:
    PAGES = ["risk_register", "measures", "glossary", "data_sharing", "risks_export", "measures_export"]

    @pytest.mark.parametrize("page", PAGES)
    def test_an_unrelated_body_gets_not_found(self, client, world, page):
        client.force_login(world.outsider)

        assert client.get(url(page, world)).status_code == 404

    def test_records_of_an_initiative_are_not_found_through_another(self, client, world):
        from tests.factories import InitiativeFactory

        elsewhere = RiskFactory(initiative=InitiativeFactory(lead_body=world.unrelated_body))
        client.force_login(world.programme_manager)

        assert client.get(url("risk_detail", world, elsewhere.pk)).status_code == 404

    @pytest.mark.parametrize("page", PAGES)
    def test_an_assurance_reviewer_reads_every_register(self, client, world, page):
        client.force_login(world.assurance_reviewer)

        assert client.get(url(page, world)).status_code == 200

    @pytest.mark.parametrize("page", ["risk_create", "measure_create", "risks_import", "agreement_create"])
    def test_an_assurance_reviewer_changes_nothing(self, client, world, page):
        client.force_login(world.assurance_reviewer)

        assert client.get(url(page, world)).status_code == 403

    def test_state_changing_endpoints_refuse_get(self, client, world):
        client.force_login(world.programme_manager)

        assert client.get(url("risks_from_checklist", world)).status_code == 405
        assert (
            client.get(url("reading_add", world, MeasureFactory(initiative=world.initiative).pk)).status_code
            == 405
        )
        # Removing an action asks first: tests/test_confirmations.py.


class TestRiskPages:
    def test_a_programme_manager_adds_a_risk_whose_review_date_follows_its_score(self, client, world):
        client.force_login(world.programme_manager)

        response = client.post(url("risk_create", world), RISK_FORM)

        risk = Risk.objects.get()
        assert response.url == url("risk_detail", world, risk.pk)
        assert risk.is_joint and risk.status == "open" and risk.created_by == world.programme_manager
        assert risk.review_date == datetime.date.today() + datetime.timedelta(days=60)
        assert risk.score_changes.count() == 3

    def test_missing_answers_are_explained(self, client, world):
        client.force_login(world.programme_manager)

        response = client.post(url("risk_create", world), {"escalation_threshold": "30"})

        text = response.content.decode()
        for message in [
            "Enter title",
            "Select category",
            "Select current likelihood",
            "Select risk appetite",
            "Escalation threshold must be a whole number from 1 to 25",
        ]:
            assert message in text
        assert not Risk.objects.exists()

    def test_the_owner_must_work_for_the_owner_body(self, client, world):
        client.force_login(world.programme_manager)
        form = {**RISK_FORM, "owner_body": world.partner_body.pk, "owner": world.programme_manager.pk}

        response = client.post(url("risk_create", world), form)

        assert "Choose someone who works for HMRC, or change the body" in response.content.decode()

    def test_a_partner_member_adds_risks_only_for_their_own_body(self, client, world):
        client.force_login(world.partner_member)

        refused = client.post(url("risk_create", world), {**RISK_FORM, "owner_body": world.lead_body.pk})
        accepted = client.post(url("risk_create", world), {**RISK_FORM, "owner_body": world.partner_body.pk})

        assert "Select a valid choice" in refused.content.decode()
        assert accepted.status_code == 302
        assert Risk.objects.get().owner_body == world.partner_body

    def test_a_partner_member_edits_their_bodys_risk_but_not_another_bodys(self, client, world):
        theirs = RiskFactory(initiative=world.initiative, owner_body=world.partner_body)
        lead = RiskFactory(initiative=world.initiative, owner_body=world.lead_body)
        client.force_login(world.partner_member)

        assert client.get(url("risk_edit", world, theirs.pk)).status_code == 200
        assert client.get(url("risk_edit", world, lead.pk)).status_code == 403
        assert client.post(url("risk_escalate", world, lead.pk), {"reason": "x"}).status_code == 403

    def test_editing_a_score_shows_in_the_history_on_the_risk_page(self, client, world):
        client.force_login(world.programme_manager)
        client.post(url("risk_create", world), RISK_FORM)
        risk = Risk.objects.get()

        client.post(
            url("risk_edit", world, risk.pk), {**RISK_FORM, "current_likelihood": "5", "status": "open"}
        )

        page = client.get(url("risk_detail", world, risk.pk)).content.decode()
        assert "3 \u00d7 3" in page and "5 \u00d7 3" in page
        assert risk.score_changes.count() == 4

    def test_raising_a_score_brings_the_review_date_forward_and_the_risk_page_says_why(self, client, world):
        agreed = datetime.date.today() + datetime.timedelta(days=60)
        risk = RiskFactory(initiative=world.initiative, review_date=agreed)  # current 3 x 3: medium
        client.force_login(world.programme_manager)
        hint = client.get(url("risk_edit", world, risk.pk)).context["form"]["review_date"].help_text
        untouched = {f"review_date_{part}": getattr(agreed, part) for part in ("day", "month", "year")}

        saved = client.post(
            url("risk_edit", world, risk.pk),
            {**RISK_FORM, **untouched, "current_likelihood": "5", "current_impact": "4", "status": "open"},
            follow=True,
        )

        risk.refresh_from_db()
        assert risk.review_date == datetime.date.today() + datetime.timedelta(days=14)
        assert (
            f"its next review comes forward to {risk.review_date.day} {risk.review_date:%B %Y}"
            in saved.content.decode()
        )
        assert "If the current score rises and you leave this date as it is" in hint
        page = client.get(url("risk_detail", world, risk.pk)).content.decode()
        assert "Review date brought forward" in page and "reviewed within 14 days" in page

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            # Closed risks are in the closed view, not the working register (test_retirement.py).
            ("", {"Joint DWP", "Single HMRC"}),
            ("?kind=joint", {"Joint DWP"}),
            ("?kind=single", {"Single HMRC"}),
            ("?status=open", {"Joint DWP", "Single HMRC"}),
            ("?owner_body={hmrc}", {"Single HMRC"}),
            ("?owner_body={dwp}&kind=joint&status=open", {"Joint DWP"}),
        ],
    )
    def test_the_register_filters_by_owner_body_joint_or_single_and_status(
        self, client, world, query, expected
    ):
        RiskFactory(initiative=world.initiative, title="Joint DWP", is_joint=True, owner_body=world.lead_body)
        RiskFactory(initiative=world.initiative, title="Single HMRC", owner_body=world.partner_body)
        RiskFactory(initiative=world.initiative, title="Closed joint", is_joint=True, status="closed")
        client.force_login(world.partner_member)

        response = client.get(
            url("risk_register", world) + query.format(hmrc=world.partner_body.pk, dwp=world.lead_body.pk)
        )

        assert {row.risk.title for row in response.context["register"].rows} == expected

    def test_a_nonsense_filter_is_explained_not_a_crash(self, client, world):
        client.force_login(world.partner_member)

        response = client.get(url("risk_register", world) + "?owner_body=abc&status=sideways")

        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()

    def test_flags_show_on_the_register_and_the_heat_map_counts_only_open_risks(self, client, world):
        RiskFactory(
            initiative=world.initiative,
            current_likelihood=5,
            current_impact=5,
            owner=world.senior_owner,
            owner_body=world.lead_body,
        )
        RiskFactory(
            initiative=world.initiative, review_date=datetime.date.today() - datetime.timedelta(days=1)
        )
        RiskFactory(initiative=world.initiative, status="closed", current_likelihood=5, current_impact=5)
        client.force_login(world.partner_member)

        register = client.get(url("risk_register", world)).context["register"]

        counts = register.flag_counts
        assert (counts.above_threshold, counts.no_owner, counts.review_overdue) == (1, 1, 1)
        assert register.heat_map.plotted == 2
        top_right = register.heat_map.rows[0].cells[4]
        assert (top_right.count, top_right.above_threshold) == (1, 1)

    def test_escalating_needs_a_reason(self, client, world):
        risk = RiskFactory(initiative=world.initiative)
        EscalationLevelFactory(initiative=world.initiative, level=1, name="Programme board")
        client.force_login(world.programme_manager)

        refused = client.post(url("risk_escalate", world, risk.pk), {"reason": ""})
        done = client.post(
            url("risk_escalate", world, risk.pk), {"reason": "Score 20 against 15"}, follow=True
        )

        assert "Enter why the risk needs escalating" in refused.content.decode()
        assert "escalated to the board" in done.content.decode()
        assert Escalation.objects.get().escalated_by == world.programme_manager

    def test_controls_and_actions_are_added_completed_and_removed(self, client, world):
        risk = RiskFactory(initiative=world.initiative)
        client.force_login(world.programme_manager)
        action_form = {
            "kind": "action",
            "description": "Agree a shared format",
            "owner_body": world.lead_body.pk,
        }

        missing_date = client.post(url("risk_action_add", world, risk.pk), action_form)
        client.post(
            url("risk_action_add", world, risk.pk),
            {**action_form, "due_date_day": "1", "due_date_month": "3", "due_date_year": "2027"},
        )
        action = risk.actions.get()
        client.post(url("risk_action_complete", world, risk.pk, action.pk))
        action.refresh_from_db()
        client.post(url("risk_action_remove", world, risk.pk, action.pk), {"confirmed": "yes"})

        assert "Enter the date the action is due" in missing_date.content.decode()
        assert action.status == "done"
        assert not risk.actions.exists()


class TestChecklistDrafts:
    def test_the_checklist_lists_are_offered_and_added_in_one_go_but_never_twice(self, client, world):
        AssessmentFactory(
            initiative=world.initiative,
            joint_risks=["Data quality across bodies"],
            single_body_risks=["Staff turnover"],
        )
        client.force_login(world.programme_manager)

        page = client.get(url("risk_register", world)).content.decode()
        form = client.get(url("risk_register", world)).context["checklist_form"]
        client.post(url("risks_from_checklist", world), {"items": list(form.offered)})
        again = client.post(url("risks_from_checklist", world), {"items": list(form.offered)}, follow=True)

        assert "From your operating model checklist" in page and "Data quality across bodies (joint)" in page
        assert sorted(Risk.objects.values_list("title", "status")) == [
            ("Data quality across bodies", "draft"),
            ("Staff turnover", "draft"),
        ]
        assert "You already submitted this form: nothing new was created" in again.content.decode()
        assert client.get(url("risk_register", world)).context["checklist_form"] is None

    def test_measures_and_terms_are_offered_too(self, client, world):
        AssessmentFactory(
            initiative=world.initiative, measures=["Repeat contacts"], data_items=["date of death"]
        )
        client.force_login(world.programme_manager)

        client.post(url("measures_from_checklist", world), {"items": ["repeat contacts"]})
        client.post(url("definitions_from_checklist", world), {"items": ["date of death"]})

        assert Measure.objects.get().is_draft
        assert DataDefinition.objects.get().term == "date of death"

    @pytest.mark.parametrize(
        ("page", "action", "noun"),
        [
            ("risk_register", "risks_from_checklist", "risks"),
            ("measures", "measures_from_checklist", "measures"),
            ("glossary", "definitions_from_checklist", "terms"),
        ],
    )
    def test_a_checklist_form_starts_unticked_and_sent_empty_shows_the_govuk_error(
        self, client, world, page, action, noun
    ):
        AssessmentFactory(
            initiative=world.initiative,
            joint_risks=["Data quality"],
            measures=["Repeat contacts"],
            data_items=["date of death"],
        )
        client.force_login(world.programme_manager)

        first_view = client.get(url(page, world)).content.decode()
        sent_empty = client.post(url(action, world), {})
        body = sent_empty.content.decode()

        assert 'id="id_items_0"' in first_view and 'id="id_items_0" checked' not in first_view
        assert sent_empty.status_code == 200
        assert re.search(r"<title>Error: [^<]+</title>", body)
        error = f"Select at least one of the {noun} to add"
        assert f'<a href="#id_items_0">{error}</a>' in body  # the summary links to the first checkbox
        form_group = body.index("govuk-form-group--error")
        assert form_group < body.index(f"</span> {error}") < body.index('id="id_items_0"')
        assert not (Risk.objects.exists() or Measure.objects.exists() or DataDefinition.objects.exists())

    def test_only_programme_managers_adopt_checklist_items(self, client, world):
        AssessmentFactory(initiative=world.initiative, joint_risks=["Data quality"])
        client.force_login(world.partner_member)

        assert client.get(url("risk_register", world)).context["checklist_form"] is None
        assert client.post(url("risks_from_checklist", world), {"items": ["data quality"]}).status_code == 403


MEASURE_FORM = {
    "name": "Repeat contacts",
    "definition": "Contacts per bereavement",
    "unit": "contacts",
    "direction": "lower",
    "baseline": "3.5",
    "target": "1",
    "frequency": "monthly",
    "benefit_type": "not_efficiency",
}


class TestMeasurePages:
    def test_a_benefit_is_counted_once_by_the_investing_body(self, client, world):
        client.force_login(world.programme_manager)
        form = {
            **MEASURE_FORM,
            "investing_body": world.lead_body.pk,
            "benefiting_bodies": [world.lead_body.pk, world.partner_body.pk],
        }

        response = client.post(url("measure_create", world), form)

        assert "DWP cannot also benefit" in response.content.decode()
        assert not Measure.objects.exists()

    def test_cash_releasing_needs_an_investing_body(self, client, world):
        client.force_login(world.programme_manager)

        response = client.post(
            url("measure_create", world), {**MEASURE_FORM, "benefit_type": "cash_releasing"}
        )

        assert "A cash-releasing efficiency needs an investing body" in response.content.decode()

    def test_a_measure_is_added_with_its_benefiting_bodies(self, client, world):
        client.force_login(world.programme_manager)
        form = {
            **MEASURE_FORM,
            "investing_body": world.lead_body.pk,
            "benefiting_bodies": [world.partner_body.pk],
            "benefit_type": "cash_releasing",
            "agreed_before_start": "on",
        }

        response = client.post(url("measure_create", world), form)

        measure = Measure.objects.get()
        assert response.url == url("measure_detail", world, measure.pk)
        assert list(measure.benefiting_bodies.all()) == [world.partner_body] and measure.agreed_before_start

    def test_readings_are_one_per_date_and_the_page_shows_chart_table_and_position(self, client, world):
        measure = MeasureFactory(initiative=world.initiative, owner_body=world.partner_body)
        MeasureReadingFactory(measure=measure, taken_on=datetime.date(2026, 1, 1), value=20)
        client.force_login(world.partner_member)
        reading = {
            "reading-taken_on_day": "1",
            "reading-taken_on_month": "1",
            "reading-taken_on_year": "2026",
            "reading-value": "12",
        }

        duplicate = client.post(url("reading_add", world, measure.pk), reading)
        added = client.post(url("reading_add", world, measure.pk), {**reading, "reading-taken_on_month": "2"})
        page = client.get(url("measure_detail", world, measure.pk)).content.decode()

        assert "There is already a reading for 1 January 2026" in duplicate.content.decode()
        assert added.status_code == 302 and MeasureReading.objects.count() == 2
        assert '<svg class="jup-trend-chart"' in page and "<polyline" in page
        assert "1 Feb 2026" in page and "On track" in page and "82% of the way from baseline" in page

    def test_only_the_owner_bodys_members_and_programme_managers_add_readings(self, client, world):
        measure = MeasureFactory(initiative=world.initiative, owner_body=world.lead_body)
        client.force_login(world.partner_member)

        response = client.post(url("reading_add", world, measure.pk), {"reading-value": "1"})

        assert response.status_code == 403


class TestGlossaryAndDataSharing:
    def test_terms_whose_meanings_differ_are_shown_disputed_at_the_top(self, client, world):
        DataDefinitionFactory(initiative=world.initiative, term="address")
        customer = DataDefinitionFactory(initiative=world.initiative, term="customer")
        BodyMeaningFactory(definition=customer, body=world.lead_body, meaning="A person claiming a benefit")
        BodyMeaningFactory(definition=customer, body=world.partner_body, meaning="A taxpayer")
        client.force_login(world.assurance_reviewer)

        glossary = client.get(url("glossary", world)).context["glossary"]

        assert [entry.definition.term for entry in glossary.disputed] == ["customer"]
        assert [entry.definition.term for entry in glossary.others] == ["address"]

    def test_agreeing_a_term_needs_an_agreed_meaning(self, client, world):
        client.force_login(world.programme_manager)
        form = {"term": "case", "status": "agreed", "agreed_meaning": ""}

        refused = client.post(url("definition_create", world), form)
        client.post(url("definition_create", world), {**form, "agreed_meaning": "One bereavement"})

        assert "Enter the agreed meaning before marking the term agreed" in refused.content.decode()
        assert DataDefinition.objects.get().agreed_on == datetime.date.today()

    def test_each_body_has_a_meaning_box_and_a_partner_fills_only_their_own(self, client, world):
        definition = DataDefinitionFactory(
            initiative=world.initiative, term="customer", master_body=world.lead_body
        )
        client.force_login(world.partner_member)
        field = f"meaning_{world.partner_body.pk}"

        form = client.get(url("definition_edit", world, definition.pk)).context["form"]
        client.post(
            url("definition_edit", world, definition.pk),
            {field: "A taxpayer", f"meaning_{world.lead_body.pk}": "Sneaky", "status": "agreed"},
        )

        assert [each.name for each in form.visible_fields()] == [field]
        assert list(definition.meanings.values_list("body__short_name", "meaning")) == [
            ("HMRC", "A taxpayer")
        ]
        definition.refresh_from_db()
        assert definition.status == "proposed"

    def test_a_completed_dpia_needs_its_date_and_reviewer(self, client, world):
        client.force_login(world.programme_manager)
        form = {
            "title": "Death notifications",
            "parties": [world.lead_body.pk, world.partner_body.pk],
            "legal_gateway": "Digital Economy Act 2017, s35",
            "dpia_status": "completed",
            "retention_period": "6 years",
            "review_date_day": "1",
            "review_date_month": "4",
            "review_date_year": "2027",
        }

        refused = client.post(url("agreement_create", world), form)
        done = client.post(
            url("agreement_create", world),
            {
                **form,
                "dpia_date_day": "3",
                "dpia_date_month": "2",
                "dpia_date_year": "2026",
                "dpia_reviewer": "DWP data protection officer",
            },
        )

        assert "Enter the date the DPIA was completed" in refused.content.decode()
        assert "Enter who reviewed the DPIA" in refused.content.decode()
        assert done.status_code == 302 and DataSharingAgreement.objects.get().parties.count() == 2

    def test_an_initiative_that_exchanges_records_is_prompted_for_an_agreement(self, client, world):
        AssessmentFactory(initiative=world.initiative, answers={"data": "exchange"})
        client.force_login(world.programme_manager)

        page = client.get(url("data_sharing", world)).content.decode()

        assert "exchanges records between bodies but has no data sharing agreement" in page


def test_the_overview_shows_the_health_check_and_counts_flagged_risks(client, world):
    RiskFactory(initiative=world.initiative, current_likelihood=5, current_impact=4)
    client.force_login(world.partner_member)

    page = client.get(reverse("initiatives:overview", args=[world.initiative.slug])).content.decode()

    assert "Health check" in page and "govuk-task-list" in page
    assert "1 risk with no owner" in page
    assert f'href="{url("risk_register", world)}"' in page


class TestQueryCounts:
    """The register pages read a fixed number of queries, however many records they show."""

    def count(self, client, address):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(address).status_code == 200
        return len(queries)

    def add_records(self, world, copies):
        for _ in range(copies):
            RiskFactory(initiative=world.initiative, owner_body=world.lead_body, owner=world.senior_owner)
            measure = MeasureFactory(initiative=world.initiative, owner_body=world.partner_body)
            MeasureReadingFactory(measure=measure)
            MeasureReadingFactory(measure=measure)
            definition = DataDefinitionFactory(initiative=world.initiative, master_body=world.lead_body)
            BodyMeaningFactory(definition=definition, body=world.lead_body)

    @pytest.mark.parametrize(
        "page", ["risk_register", "measures", "glossary", "risks_export", "measures_export"]
    )
    def test_the_query_count_does_not_grow_with_the_records(self, client, world, page):
        client.force_login(world.programme_manager)
        self.add_records(world, 1)
        few = self.count(client, url(page, world))
        self.add_records(world, 8)

        assert self.count(client, url(page, world)) == few
