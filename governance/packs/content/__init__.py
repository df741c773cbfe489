"""Everything a governance pack says, gathered from the database as plain JSON.

The snapshot is what the worker renders and what the fingerprint is taken over, so it holds
records and their labels only: nothing that depends on the moment of generation. Each record
type is read with one query filtered by the initiative (never one query per record), so the
number of queries is the same for an initiative with three risks or three hundred.
"""

from __future__ import annotations

import hashlib
import json

from governance.packs.content import assurance, attachments, decision_rights, partnership, registers, retired
from initiatives.models import Initiative

# Bump when the shape changes, so a pack built from an older shape is never mistaken for a new one.
# 3: the initiative's facts (governance.health.checks) replace the health check's finished items.
# 4: the annex of closed and retired records; the facts are governance.health.facts's, with every
#    figure the pack prints; risks say if assessed.
# 5: recommendations are open, proposed closed or closed (no longer done), with the evidence
#    proposed for their closure and who closed them.
# 6: the complete registers as CSV rows (attached to the PDF), and whether the pack prints them in
#    an annex.
CONTENT_SCHEMA = 6


def gather_pack_content(initiative_id: int, *, annex: bool = False) -> dict:
    """`annex`: print the complete registers at the end as well as attaching them. It is part of the
    content, so a pack with the annex and one without are two packs, each found again by its fingerprint."""
    initiative = Initiative.objects.select_related("lead_body", "senior_owner").get(pk=initiative_id)
    return {
        "schema": CONTENT_SCHEMA,
        "annex": annex,
        "initiative": partnership.overview(initiative),
        "bodies": partnership.bodies(initiative),
        "people": partnership.people(initiative),
        "assessment": partnership.assessment(initiative),
        "forums": decision_rights.forums(initiative),
        "escalation_levels": decision_rights.escalation_levels(initiative),
        "escalations": decision_rights.escalations(initiative),
        "raci": decision_rights.raci(initiative),
        "risks": registers.risks(initiative),
        "measures": registers.measures(initiative),
        "definitions": registers.definitions(initiative),
        "data_sharing_agreements": registers.agreements(initiative),
        "decisions": decision_rights.decisions(initiative),
        "reviews": assurance.reviews(initiative),
        "retired": retired.retired_records(initiative),
        "registers": attachments.complete_registers(initiative),
        "facts": _facts(initiative),
    }


def _facts(initiative: Initiative) -> dict:
    """The facts the summary and the health check both read, as of today: a risk passing its
    review date changes the pack. Counted from the records, not read from the pages' cache (ADR
    0027): a pack is a record of its own, built once."""
    from governance.health.checks import facts_snapshot
    from governance.health.facts import count_initiative_facts

    return facts_snapshot(count_initiative_facts(initiative).counts)


def content_fingerprint(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
