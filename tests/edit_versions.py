"""Every editable record type, as the stale-edit tests meet it: how to make one, where its edit
form is, and two changes to two different fields that two people make from the same version.

Used by tests/test_edit_versions.py (one client per person), tests/test_version_concurrency.py
and tests/browser/test_stale_edit.py (two signed-in browsers).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from governance.assurance.models import AssuranceReview
from governance.glossary.models import DataSharingAgreement
from tests.factories import InitiativeRoleFactory, UserFactory
from tests.governance.factories import EscalationLevelFactory as LevelFactory
from tests.governance.factories import ForumFactory, RaciColumnFactory, RaciRowFactory, draft
from tests.governance.register_factories import DataDefinitionFactory, MeasureFactory, RiskFactory


@dataclass(frozen=True)
class RecordType:
    name: str
    make: Callable  # (world) -> record
    url_name: str
    # Two people's changes, each to a different field: (form field, value typed, field read back).
    first: tuple[str, str]
    second: tuple[str, str]
    url_key: str = "pk"
    same_person: bool = False  # Only the author edits it (an assurance review): two tabs.

    def edit_url(self, world, record) -> str:
        key = record.number if self.url_key == "number" else record.pk
        if self.url_name.startswith("initiatives:"):
            args = [world.initiative.slug] + ([] if self.url_name == "initiatives:edit" else [key])
            return reverse(self.url_name, args=args)
        return reverse(f"governance:{self.url_name}", args=[world.initiative.slug, key])

    def people(self, world):
        if self.same_person:
            return world.assurance_reviewer, world.assurance_reviewer
        return world.programme_manager, second_programme_manager(world)

    def typed(self, world, value: str) -> str:
        """The value as the form posts it: a persona's name stands for their id."""
        person = getattr(world, value, None)
        return str(person.pk) if person is not None else value

    def holds(self, world, record, change: tuple[str, str]) -> bool:
        """Whether the stored record now has this change."""
        field, value = change
        record.refresh_from_db()
        stored = getattr(record, field)
        if isinstance(stored, list):
            return value in stored
        return str(getattr(stored, "pk", stored)) == self.typed(world, value)


def second_programme_manager(world):
    colleague = getattr(world, "_colleague", None)
    if colleague is None:
        colleague = UserFactory(email="pm2@dwp.example", full_name="Tom Reed", bodies=[world.lead_body])
        InitiativeRoleFactory(initiative=world.initiative, user=colleague)
        world._colleague = colleague
    return colleague


def _review(world):
    return AssuranceReview.objects.create(
        initiative=world.initiative,
        review_type=AssuranceReview.ReviewType.HEALTH_CHECK,
        review_date=datetime.date(2026, 1, 12),
        reviewer=world.assurance_reviewer,
        findings="Sound plan.",
        confidence=AssuranceReview.Confidence.AMBER,
    )


def _agreement(world):
    agreement = DataSharingAgreement.objects.create(
        initiative=world.initiative,
        title="Death notifications",
        legal_gateway="Digital Economy Act 2017",
        retention_period="Two years",
        review_date=datetime.date(2027, 1, 1),
    )
    agreement.parties.set([world.lead_body, world.partner_body])
    return agreement


def _forum(world):
    forum = ForumFactory(initiative=world.initiative, chair=world.senior_owner)
    forum.member_bodies.set([world.lead_body, world.partner_body])
    return forum


RECORD_TYPES = [
    RecordType(
        "risk",
        lambda w: RiskFactory(initiative=w.initiative, owner_body=w.lead_body),
        "risk_edit",
        ("current_likelihood", "5"),
        ("title", "Families asked three times"),
    ),
    RecordType(
        "measure",
        lambda w: MeasureFactory(initiative=w.initiative, owner_body=w.lead_body),
        "measure_edit",
        ("name", "Days to notify every body"),
        ("data_source", "Registration service logs"),
    ),
    RecordType(
        "glossary term",
        lambda w: DataDefinitionFactory(initiative=w.initiative),
        "definition_edit",
        ("term", "Date of death notification"),
        ("standard", "ISO 8601 date"),
    ),
    RecordType(
        "data sharing agreement",
        _agreement,
        "agreement_edit",
        ("title", "Death notifications to HMRC"),
        ("retention_period", "Six years"),
    ),
    RecordType(
        "RACI row",
        lambda w: RaciRowFactory(initiative=w.initiative),
        "raci_row_edit",
        ("activity", "Approve the data sharing agreement"),
        ("kind", "decision"),
    ),
    RecordType(
        "RACI column",
        lambda w: RaciColumnFactory(initiative=w.initiative, body=w.lead_body),
        "raci_column_edit",
        ("role_name", "Data protection officer"),
        ("holder", "programme_manager"),
    ),
    RecordType(
        "forum",
        _forum,
        "forum_edit",
        ("name", "Programme board"),
        ("cadence", "weekly"),
    ),
    RecordType(
        "escalation level",
        lambda w: LevelFactory(initiative=w.initiative),
        "escalation_level_edit",
        ("name", "Workstream leads"),
        ("who", "The workstream leads of each body"),
    ),
    RecordType(
        "initiative",
        lambda w: w.initiative,
        "initiatives:edit",
        ("title", "Tell Us Once, bereavement"),
        ("classification", "official_sensitive"),
    ),
    RecordType(
        "participation",
        lambda w: w.initiative.participations.get(body=w.partner_body),
        "initiatives:participation_edit",
        ("stop_doing", "Separate HMRC bereavement letters"),
        ("role", "consulted"),
    ),
    RecordType(
        "assurance review",
        _review,
        "review_edit",
        ("findings", "Sound plan; staffing thin."),
        ("confidence", "red"),
        same_person=True,
    ),
    RecordType(
        "decision draft",
        draft,
        "decision_edit",
        ("title", "Approve the agreement with HMRC"),
        ("recommendation", "Approve with conditions"),
        url_key="number",
    ),
]
