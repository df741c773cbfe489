"""Drafts look like drafts: a risk or measure offered from the checklist has no invented assessment.

Until someone assesses it, a draft has no score, band, category, appetite, treatment or review
date; the register, the risk page, the CSV, the health check, the heat map and the pack all say
"Not yet assessed" rather than showing a middling position nobody chose.
"""

import csv
import datetime
import importlib
import io

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from governance.checklist.items import ChecklistItem
from governance.health.checks import health_check
from governance.health.gathering import gather_health_facts
from governance.measures.services import measures_add_from_checklist
from governance.models import Risk, RiskScoreChange
from governance.packs.content import content_fingerprint, gather_pack_content
from governance.packs.document import pack_document
from governance.packs.rendering import pack_html
from governance.risks.presenters import build_heat_map, risk_register
from governance.risks.services import risk_update, risks_add_from_checklist
from tests.governance.register_factories import AssessmentFactory, RiskFactory

pytestmark = pytest.mark.django_db

ASSESSMENT = {
    "category": "operations",
    "appetite": "cautious",
    "treatment": "treat",
    "inherent_likelihood": 4,
    "inherent_impact": 5,
    "current_likelihood": 4,
    "current_impact": 4,
    "target_likelihood": 2,
    "target_impact": 2,
}


def url(name, world, *args):
    return reverse(f"governance:{name}", args=[world.initiative.slug, *args])


def adopt(world, *titles):
    items = [ChecklistItem(title, is_joint=True) for title in titles]
    return risks_add_from_checklist(initiative=world.initiative, items=items, by=world.programme_manager)


def assessment_form(draft):
    """The risk edit form as someone assessing the draft fills it in."""
    typed = {name: str(value) for name, value in ASSESSMENT.items()}
    return {"title": draft.title, "is_joint": "True", "escalation_threshold": "15", "status": "open", **typed}


def pack_for(initiative):
    content = gather_pack_content(initiative.pk)
    return pack_document(
        content, version_label="1", generated_at=timezone.now(), fingerprint=content_fingerprint(content)
    )


class TestADraftHasNoAssessment:
    def test_a_draft_from_the_checklist_has_no_score_choices_or_review_date(self, world):
        (draft,) = adopt(world, "Data quality across bodies")

        draft.refresh_from_db()
        assert draft.status == Risk.Status.DRAFT
        assert (draft.current_score, draft.inherent_score, draft.target_score) == (None, None, None)
        assert (draft.category, draft.appetite, draft.treatment, draft.review_date) == ("", "", "", None)
        assert not draft.is_assessed
        assert not draft.is_above_threshold

    def test_nobody_is_credited_with_a_score_change_when_a_draft_is_added(self, world):
        adopt(world, "Data quality across bodies")

        assert not RiskScoreChange.objects.exists()

    def test_assessing_a_draft_records_its_first_scores_and_sets_a_review_date_from_them(self, world):
        (draft,) = adopt(world, "Data quality across bodies")

        risk_update(
            risk=draft, by=world.senior_owner, status=Risk.Status.OPEN, review_date=None, **ASSESSMENT
        )

        draft.refresh_from_db()
        assert draft.is_assessed and draft.current_score == 16
        assert draft.review_date is not None and draft.review_date > timezone.localdate()
        changes = draft.score_changes.values_list(
            "position", "old_likelihood", "new_likelihood", "changed_by"
        )
        assert sorted(changes) == [
            ("current", None, 4, world.senior_owner.pk),
            ("inherent", None, 4, world.senior_owner.pk),
            ("target", None, 2, world.senior_owner.pk),
        ]

    def test_an_open_risk_without_its_assessment_cannot_be_stored(self, world):
        (draft,) = adopt(world, "Data quality across bodies")

        with pytest.raises(IntegrityError), transaction.atomic():
            Risk.objects.filter(pk=draft.pk).update(status=Risk.Status.OPEN)

    def test_an_open_risk_without_its_assessment_is_refused_by_validation_with_a_message(self, world):
        (draft,) = adopt(world, "Data quality across bodies")
        draft.status = Risk.Status.OPEN

        with pytest.raises(ValidationError, match="An open risk needs its scores"):
            draft.validate_constraints()


class TestRegistersAndPages:
    def test_the_register_shows_not_yet_assessed_and_leaves_drafts_off_the_heat_map(self, client, world):
        adopt(world, "Data quality across bodies")
        RiskFactory(initiative=world.initiative, number=99, current_likelihood=5, current_impact=5)
        client.force_login(world.programme_manager)

        response = client.get(url("risk_register", world))

        page = response.content.decode()
        assert "Not yet assessed" in page
        assert "1 draft from the checklist not yet assessed" in page
        assert response.context["register"].heat_map.plotted == 1

    def test_the_heat_map_plots_only_assessed_open_risks(self, world):
        (draft,) = adopt(world, "Data quality across bodies")
        scored = RiskFactory(initiative=world.initiative, number=99)

        heat_map = build_heat_map(Risk.objects.filter(pk__in=[draft.pk, scored.pk]), timezone.localdate())

        assert heat_map.plotted == 1

    def test_a_draft_is_flagged_only_for_want_of_an_owner_and_has_no_band(self, world):
        (draft,) = adopt(world, "Data quality across bodies")

        register = risk_register(Risk.objects.filter(pk=draft.pk))

        (row,) = register.rows
        assert row.band is None
        assert (row.flags.above_threshold, row.flags.no_owner, row.flags.review_overdue) == (
            False,
            True,
            False,
        )
        assert register.flag_counts.not_yet_assessed == 1

    def test_the_risk_page_says_not_yet_assessed_and_offers_to_assess_it(self, client, world):
        (draft,) = adopt(world, "Data quality across bodies")
        client.force_login(world.programme_manager)

        page = client.get(url("risk_detail", world, draft.pk)).content.decode()

        assert page.count("Not yet assessed") >= 4  # category, appetite, treatment, review, scores
        assert "Assess this risk" in page

    def test_saving_the_edit_form_assesses_the_draft_and_opens_it(self, client, world):
        (draft,) = adopt(world, "Data quality across bodies")
        client.force_login(world.programme_manager)
        form = assessment_form(draft)

        client.post(url("risk_edit", world, draft.pk), form)

        draft.refresh_from_db()
        assert (draft.status, draft.current_score) == (Risk.Status.OPEN, 16)
        page = client.get(url("risk_detail", world, draft.pk)).content.decode()
        assert "Not yet assessed" not in page

    def test_the_edit_form_refuses_an_assessment_with_a_missing_choice(self, client, world):
        (draft,) = adopt(world, "Data quality across bodies")
        client.force_login(world.programme_manager)
        form = {**assessment_form(draft), "appetite": ""}

        response = client.post(url("risk_edit", world, draft.pk), form)

        assert response.status_code == 200
        assert "appetite" in response.context["form"].errors
        draft.refresh_from_db()
        assert draft.status == Risk.Status.DRAFT

    def test_an_assessed_risk_cannot_be_put_back_to_draft(self, client, world):
        risk = RiskFactory(initiative=world.initiative)
        client.force_login(world.programme_manager)

        form = client.get(url("risk_edit", world, risk.pk)).context["form"]

        assert [value for value, _label in form.fields["status"].choices] == ["open", "closed"]

    def test_a_draft_measure_says_not_yet_assessed(self, client, world):
        measures_add_from_checklist(
            initiative=world.initiative, items=[ChecklistItem("Claims made once")], by=world.programme_manager
        )
        client.force_login(world.programme_manager)

        page = client.get(url("measures", world)).content.decode()

        assert "Draft: not yet assessed" in page


class TestCsvExport:
    def rows(self, client, world, name):
        client.force_login(world.programme_manager)
        body = client.get(url(name, world)).content.decode("utf-8-sig")
        return list(csv.DictReader(io.StringIO(body)))

    def test_a_draft_risk_exports_as_not_yet_assessed_with_its_importable_cells_blank(self, client, world):
        adopt(world, "Data quality across bodies")

        (row,) = self.rows(client, world, "risks_export")

        assert row["Current score"] == row["Inherent score"] == row["Target score"] == "Not yet assessed"
        assert row["Current likelihood"] == row["Current impact"] == ""
        assert row["Category"] == row["Risk appetite"] == row["Treatment"] == row["Review date"] == ""

    def test_an_assessed_risk_exports_its_scores(self, client, world):
        RiskFactory(initiative=world.initiative)

        (row,) = self.rows(client, world, "risks_export")

        assert (row["Current likelihood"], row["Current score"], row["Category"]) == ("3", "9", "Operations")

    def test_a_draft_measure_exports_no_invented_frequency(self, client, world):
        measures_add_from_checklist(
            initiative=world.initiative, items=[ChecklistItem("Claims made once")], by=world.programme_manager
        )

        (row,) = self.rows(client, world, "measures_export")

        assert row["Reporting frequency"] == ""
        assert row["Latest reading"] == "Not yet assessed"


class TestHealthCheckAndPack:
    def test_the_health_check_counts_drafts_as_not_yet_assessed(self, world):
        adopt(world, "Data quality across bodies", "Staff turnover")

        facts, flags = gather_health_facts(world.initiative)

        assert (facts.draft_risks, flags.not_yet_assessed, flags.review_overdue) == (2, 2, 0)
        (risks,) = [item for item in health_check(facts) if item.key == "risks"]
        assert "2 risks not yet assessed" in risks.detail

    def test_the_pack_lists_drafts_as_not_yet_assessed_and_neither_scores_nor_plots_them(self, world):
        adopt(world, "Data quality across bodies")
        RiskFactory(initiative=world.initiative, number=99, title="Funding ends", status="closed")

        document = pack_for(world.initiative)
        html = strip_tags(pack_html(document))

        rest = {row.risk["title"]: row for row in document.rest_of_register}
        assert list(rest) == ["Data quality across bodies", "Funding ends"]
        assert rest["Data quality across bodies"].current_score is None
        assert document.risks_in_full == []
        assert sum(cell.count for row in document.heat_map for cell in row) == 0
        assert "Not yet assessed" in html
        assert "0 open risks and 1 not yet assessed" in html

    def test_a_pack_built_before_the_change_shows_its_drafts_as_not_assessed(self, world):
        RiskFactory(initiative=world.initiative, status="draft")
        content = gather_pack_content(world.initiative.pk)
        for risk in content["risks"]:
            del risk["assessed"]  # as the snapshot of an older pack has it

        document = pack_document(content, version_label="1", generated_at=timezone.now(), fingerprint="x")

        (row,) = document.rest_of_register
        assert (row.current_score, row.band, row.review_date) == (None, None, None)


class TestClearingInventedAssessments:
    """The data migration: drafts added before this change carried a placeholder 3 x 3 assessment."""

    migration = importlib.import_module("governance.migrations.0010_drafts_not_yet_assessed")

    def placeholder_draft(self, world, title="Data quality", **fields):
        placeholders = {
            "status": "draft",
            "checklist_item": title,
            "category": "project",
            "appetite": "cautious",
            "treatment": "treat",
            "review_date": datetime.date.today() + datetime.timedelta(days=90),
            **dict.fromkeys(self.migration.SCORE_FIELDS, 3),
        }
        risk = RiskFactory(initiative=world.initiative, title=title, **{**placeholders, **fields})
        for position in ("inherent", "current", "target"):
            RiskScoreChange.objects.create(
                risk=risk,
                position=position,
                new_likelihood=3,
                new_impact=3,
                changed_by=world.programme_manager,
                note=self.migration.PLACEHOLDER_NOTE,
            )
        return risk

    def test_a_never_assessed_draft_loses_its_placeholders_and_says_so_in_its_history(self, world):
        risk = self.placeholder_draft(world)

        self.migration.clear_invented_assessments(apps, None)

        risk.refresh_from_db()
        assert not risk.is_assessed and risk.current_score is None
        assert (risk.category, risk.appetite, risk.treatment, risk.review_date) == ("", "", "", None)
        assert not risk.score_changes.exists()
        assert risk.history.first().history_change_reason.startswith("Placeholder assessment")

    def test_a_draft_someone_rescored_keeps_what_they_typed(self, world):
        risk = self.placeholder_draft(world)
        RiskScoreChange.objects.create(
            risk=risk,
            position="current",
            old_likelihood=3,
            old_impact=3,
            new_likelihood=3,
            new_impact=3,
            changed_by=world.senior_owner,
        )

        self.migration.clear_invented_assessments(apps, None)

        risk.refresh_from_db()
        assert (risk.current_score, risk.category) == (9, "project")

    def test_a_typed_choice_on_a_draft_is_kept_while_the_placeholders_go(self, world):
        risk = self.placeholder_draft(world, category="legal")

        self.migration.clear_invented_assessments(apps, None)

        risk.refresh_from_db()
        assert (risk.current_score, risk.category, risk.appetite) == (None, "legal", "")

    def test_open_risks_and_drafts_not_from_the_checklist_are_untouched(self, world):
        opened = self.placeholder_draft(world, status="open")
        own = self.placeholder_draft(world, title="Typed in", checklist_item="")

        self.migration.clear_invented_assessments(apps, None)

        for risk in (opened, own):
            risk.refresh_from_db()
            assert risk.current_score == 9


def test_the_checklist_adopts_drafts_from_the_register_page(client, world):
    AssessmentFactory(initiative=world.initiative, joint_risks=["Data quality"], single_body_risks=[])
    client.force_login(world.programme_manager)

    client.post(url("risks_from_checklist", world), {"items": ["data quality"]})

    (risk,) = world.initiative.risks.all()
    assert (risk.title, risk.status, risk.current_score) == ("Data quality", "draft", None)
