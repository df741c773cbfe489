"""Shaping a content snapshot for the PDF template: ordering, flags, the heat map and trend charts.

Everything here works on the JSON snapshot alone, never the database, so a pack can be rendered
again from its stored content. Flags that depend on the date (overdue reviews, late actions)
are judged as at the generation date printed on the cover.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from governance.decisions import states as decision_states
from governance.health.checks import HealthItem
from governance.health.facts import InitiativeFacts, facts_from_snapshot
from governance.packs.document import assurance, decision_rights, registers
from governance.packs.document import attachments as attached
from governance.packs.document.formatting import as_date
from governance.packs.document.summary import SummaryLine, summary_lines
from governance.risks import scoring
from initiatives.operating_models import PROFILES

# What assurance reads first, then the rest of the register in one table, then the partnership's
# standing arrangements, which change little from one pack to the next.
SECTIONS = [
    ("summary", "Executive summary"),
    ("health", "Health check"),
    ("decisions", "Decisions"),
    ("risks", "Risks above appetite or escalated"),
    ("measures", "Measures against target"),
    ("register", "The rest of the risk register"),
    ("model", "Operating model"),
    ("bodies", "Participating bodies and roles"),
    ("ownership", "Senior owner and decision rights"),
    ("forums", "Forums and escalation route"),
    ("raci", "RACI matrix"),
    ("definitions", "Shared data definitions"),
    ("assurance", "Assurance reviews and delivery confidence"),
    ("retired", "Annex: closed and retired records"),
]
# Printed only when the pack is asked for with the annex: the complete registers, in full.
ANNEX_SECTIONS = [
    ("full_risks", "Annex: the full risk register"),
    ("full_measures", "Annex: every measure with its readings"),
    ("full_decisions", "Annex: the decision log with each decision's trail"),
    ("full_definitions", "Annex: each body's meaning of every term"),
]

DEFINITION_ORDER = {"disputed": 0, "proposed": 1, "agreed": 2}


@dataclass
class Section:
    anchor: str
    number: int
    title: str

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def new_page(self) -> bool:
        return self.number == 1 or self.anchor.startswith("full_")

    @property
    def template(self) -> str:
        return f"governance/packs/sections/{self.anchor}.html"


@dataclass
class PackDocument:
    content: dict
    version_label: str
    generated_at: datetime.datetime
    fingerprint: str
    as_of: datetime.date
    sections: list[Section]
    summary: list[SummaryLine]
    operating_model: dict
    raci_rows: list[decision_rights.RaciRowView]
    idle_raci_columns: list[str]
    decision_rights_in_raci: list[dict]
    heat_map: list[list[scoring.HeatMapCell]]
    bands: list[dict]
    # Open risks above their escalation threshold (the register's appetite in numbers) or escalated:
    # in full, the joint ones first. Every other risk is one row of the rest of the register.
    risks_in_full: list[registers.RiskRow]
    rest_of_register: list[registers.RiskRow]
    # Every risk by number, for the annex.
    all_risks: list[registers.RiskRow]
    measures: list[registers.MeasureView]
    definitions: list[dict]
    agreements: list[dict]
    decisions: list[dict]
    attachments: list[attached.PackAttachment]
    reviews: list[dict]
    latest_review: dict | None
    # The initiative's facts as gathered with the content (governance.health.facts): every
    # section's figures, the summary and the health check read them, as the overview does.
    facts: InitiativeFacts
    health: list[HealthItem]
    open_recommendations: list[dict] = field(default_factory=list)
    proposed_closed_recommendations: list[dict] = field(default_factory=list)
    closed_recommendations: list[dict] = field(default_factory=list)

    @property
    def decisions_awaiting(self) -> list[dict]:
        return [decision for decision in self.decisions if decision_states.awaits_decider(decision["status"])]

    @property
    def decisions_other(self) -> list[dict]:
        return [
            decision for decision in self.decisions if not decision_states.awaits_decider(decision["status"])
        ]

    @property
    def initiative(self) -> dict:
        return self.content["initiative"]

    @property
    def classification(self) -> str:
        return self.initiative["classification_label"]

    @property
    def title(self) -> str:
        return f"{self.initiative['title']}: governance pack, version {self.version_label}"

    @property
    def fingerprint_groups(self) -> list[str]:
        return [self.fingerprint[i : i + 16] for i in range(0, len(self.fingerprint), 16)]


def pack_document(
    content: dict, *, version_label: str, generated_at: datetime.datetime, fingerprint: str
) -> PackDocument:
    as_of = timezone.localdate(generated_at)
    risk_rows = [registers.risk_row(risk, as_of) for risk in content["risks"]]
    open_rows = [row for row in risk_rows if row.risk["status"] == "open" and row.current_score is not None]
    in_full = sorted(
        (row for row in risk_rows if registers.needs_attention(row)),
        key=lambda row: (not row.risk["is_joint"], -(row.current_score or 0), row.risk["number"]),
    )
    sections = SECTIONS + (ANNEX_SECTIONS if content.get("annex") else [])
    raci_rows, idle_columns = decision_rights.raci_rows(content["raci"])
    reviews = [assurance.review_view(review, as_of) for review in content["reviews"]]
    facts = facts_from_snapshot(content["facts"])
    document = PackDocument(
        content=content,
        version_label=version_label,
        generated_at=timezone.localtime(generated_at),
        fingerprint=fingerprint,
        as_of=as_of,
        sections=[Section(anchor, number, title) for number, (anchor, title) in enumerate(sections, start=1)],
        summary=[],
        operating_model=_operating_model(content),
        raci_rows=raci_rows,
        idle_raci_columns=idle_columns,
        decision_rights_in_raci=decision_rights.decision_rights_in_raci(content["raci"]),
        heat_map=scoring.heat_map(tuple(row.risk["current"]) for row in open_rows),
        bands=registers.band_ranges(),
        risks_in_full=in_full,
        rest_of_register=[row for row in risk_rows if not registers.needs_attention(row)],
        all_risks=risk_rows,
        measures=[registers.measure_view(measure) for measure in content["measures"]],
        definitions=sorted(
            content["definitions"], key=lambda d: (DEFINITION_ORDER.get(d["status"], 3), d["term"].lower())
        ),
        agreements=[registers.agreement_view(agreement) for agreement in content["data_sharing_agreements"]],
        decisions=[decision_rights.decision_view(decision) for decision in content["decisions"]],
        attachments=attached.pack_attachments(content),
        reviews=reviews,
        latest_review=reviews[0] if reviews else None,
        facts=facts,
        health=facts.checks,
        open_recommendations=assurance.recommendations_in(reviews, "open"),
        proposed_closed_recommendations=assurance.recommendations_in(reviews, "proposed_closed"),
        closed_recommendations=assurance.recommendations_in(reviews, "closed"),
    )
    document.summary = summary_lines(document)
    return document


def _operating_model(content: dict) -> dict:
    chosen = content["initiative"]["operating_model"]
    assessment = content["assessment"]
    return {
        "chosen": PROFILES.get(chosen),
        "assessment": assessment,
        "differs": bool(assessment and assessment["chosen_model"] != assessment["recommended_model"]),
        "created_on": as_date(assessment["created_on"]) if assessment else None,
    }
