"""Every record's page has a History section: who changed what, when, from what to what.

Readers who may see the record see its history, not only administrators: here a partner
member who edits none of these records reads each change a programme manager made.
"""

import datetime

import pytest
from django.urls import reverse

from governance.assurance import services as assurance
from governance.decisions import services as decisions
from governance.forums import services as forums
from governance.glossary import services as glossary
from governance.measures import services as measures
from governance.raci import services as raci
from governance.risks import services as risks
from initiatives import services as initiatives
from tests.edit_versions import RECORD_TYPES
from tests.governance.factories import EscalationLevelFactory as LevelFactory
from tests.governance.factories import ForumFactory, RaciColumnFactory, RaciRowFactory, draft
from tests.governance.register_factories import (
    DataDefinitionFactory,
    MeasureFactory,
    MeasureReadingFactory,
    RiskFactory,
)

pytestmark = pytest.mark.django_db


def page(world, name, *args):
    namespace = "initiatives" if name in ("bodies", "team") else "governance"
    return reverse(f"{namespace}:{name}", args=[world.initiative.slug, *args])


def _agreement(world):
    return next(kind for kind in RECORD_TYPES if kind.name == "data sharing agreement").make(world)


def _review(world):
    return next(kind for kind in RECORD_TYPES if kind.name == "assurance review").make(world)


# (record type, make it, change it as the programme manager, where it is read, what the change reads as)
CHANGES = [
    (
        "risk",
        lambda w: RiskFactory(initiative=w.initiative, title="Families asked twice"),
        lambda w, r: risks.risk_update(risk=r, by=w.programme_manager, title="Families asked thrice"),
        lambda w, r: page(w, "risk_detail", r.pk),
        ("Title", "Families asked twice", "Families asked thrice"),
    ),
    (
        "measure",
        lambda w: MeasureFactory(initiative=w.initiative, unit="days"),
        lambda w, m: measures.measure_update(measure=m, by=w.programme_manager, unit="working days"),
        lambda w, m: page(w, "measure_detail", m.pk),
        ("Unit", "days", "working days"),
    ),
    (
        "measure reading",
        lambda w: MeasureReadingFactory(measure=MeasureFactory(initiative=w.initiative), value=12),
        lambda w, reading: measures.reading_remove(reading=reading, by=w.programme_manager),
        lambda w, reading: page(w, "measure_detail", reading.measure_id),
        ("Removed", "", ""),
    ),
    (
        "glossary term",
        lambda w: DataDefinitionFactory(initiative=w.initiative, standard=""),
        lambda w, d: glossary.definition_update(definition=d, by=w.programme_manager, standard="ISO 8601"),
        lambda w, d: page(w, "glossary"),
        ("Identifier or format standard", "(blank)", "ISO 8601"),
    ),
    (
        "body meaning",
        lambda w: DataDefinitionFactory(initiative=w.initiative),
        lambda w, d: glossary.definition_update(
            definition=d, by=w.programme_manager, meanings={w.lead_body: "A person who has died"}
        ),
        lambda w, d: page(w, "glossary"),
        ("Meaning", "(blank)", "A person who has died"),
    ),
    (
        "data sharing agreement",
        _agreement,
        lambda w, a: glossary.agreement_update(
            agreement=a, by=w.programme_manager, parties=list(a.parties.all()), retention_period="Six years"
        ),
        lambda w, a: page(w, "data_sharing"),
        ("Retention period", "Two years", "Six years"),
    ),
    (
        "RACI row",
        lambda w: RaciRowFactory(initiative=w.initiative, activity="Approve the budget"),
        lambda w, r: raci.raci_row_update(
            row=r, by=w.programme_manager, activity="Approve the shared budget", kind=r.kind
        ),
        lambda w, r: page(w, "raci"),
        ("Activity", "Approve the budget", "Approve the shared budget"),
    ),
    (
        "RACI column",
        lambda w: RaciColumnFactory(initiative=w.initiative, body=w.lead_body, role_name=""),
        lambda w, c: raci.raci_column_update(column=c, role_name="DPO", holder=None, by=w.programme_manager),
        lambda w, c: page(w, "raci"),
        ("Role name", "(blank)", "DPO"),
    ),
    (
        "forum",
        lambda w: ForumFactory(initiative=w.initiative, name="Board", chair=w.senior_owner),
        lambda w, f: forums.forum_update(
            forum=f, by=w.programme_manager, name="Programme board", member_bodies=[w.lead_body]
        ),
        lambda w, f: page(w, "forums"),
        ("Name", "Board", "Programme board"),
    ),
    (
        "escalation level",
        lambda w: LevelFactory(initiative=w.initiative, who="Leads"),
        lambda w, level: forums.escalation_level_update(
            level=level, by=w.programme_manager, who="Workstream leads"
        ),
        lambda w, level: page(w, "escalation"),
        ("Who", "Leads", "Workstream leads"),
    ),
    (
        "participation",
        lambda w: w.initiative.participations.get(body=w.partner_body),
        lambda w, p: initiatives.participation_update(
            participation=p, by=w.programme_manager, role="consulted", stop_doing=[]
        ),
        lambda w, p: page(w, "bodies"),
        ("Role", "Partner", "Consulted"),
    ),
    (
        "team role",
        lambda w: w.initiative.roles.get(user=w.assurance_reviewer),
        lambda w, role: initiatives.role_remove(assignment=role, by=w.programme_manager),
        lambda w, role: page(w, "team"),
        ("Removed", "", ""),
    ),
    (
        "decision draft",
        draft,
        lambda w, d: decisions.decision_update(
            decision=d, by=w.programme_manager, recommendation="Approve now"
        ),
        lambda w, d: page(w, "decision", d.number),
        ("Recommendation", "Approve", "Approve now"),
    ),
    (
        "assurance review",
        _review,
        lambda w, r: assurance.assurance_review_update(
            review=r,
            by=w.assurance_reviewer,
            review_type=r.review_type,
            review_date=r.review_date,
            findings="Sound plan; staffing thin.",
            scale=r.scale,
            confidence=r.confidence,
        ),
        lambda w, r: page(w, "review_detail", r.pk),
        ("Findings", "Sound plan.", "Sound plan; staffing thin."),
    ),
]


@pytest.mark.parametrize(("kind", "make", "change", "where", "reads"), CHANGES, ids=[c[0] for c in CHANGES])
def test_the_records_page_shows_who_changed_what_from_what_to_what(
    client, world, kind, make, change, where, reads
):
    record = make(world)
    change(world, record)
    client.force_login(world.partner_member)

    response = client.get(where(world, record))

    assert response.status_code == 200
    section = response.content.decode().split('id="record-history"', 1)[1]
    changer = world.assurance_reviewer if kind == "assurance review" else world.programme_manager
    assert f"by {changer.get_full_name()}" in section
    label, old, new = reads
    assert label in section
    assert old in section
    assert new in section
    assert datetime.date.today().strftime("%B %Y") in section
