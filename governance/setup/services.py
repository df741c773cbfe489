"""Setting an initiative up from its operating model: everything ticked, in one transaction.

Each record is made by its own domain's service, so it keeps its history and its rules. The
plan is worked out again inside the transaction, with the initiative locked, and only offers
still open are taken up: confirming twice, or a double-submitted form, adds nothing twice.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from governance.decisions.services import decision_create
from governance.forums.services import escalation_level_add, forum_create
from governance.glossary.models import DataSharingAgreement
from governance.glossary.services import agreement_create, definitions_add_from_checklist
from governance.measures.services import measures_add_from_checklist
from governance.raci.services import raci_columns_from_bodies, raci_rows_add_starter
from governance.risks.services import risks_add_from_checklist
from governance.setup.facts import gather_set_up_facts
from governance.setup.plan import set_up_plan
from governance.setup.specs import PRIMARY_FORUMS, DecisionSpec, Offer
from initiatives.models import Initiative, Participation, User
from initiatives.services import senior_owner_rights_add

# How long a draft agreement runs before its first review.
AGREEMENT_REVIEW_AFTER = datetime.timedelta(days=365)
NOUNS = {
    "forum": ("forum", "forums"),
    "escalation": ("escalation route", "escalation routes"),
    "columns": ("set of RACI columns", "sets of RACI columns"),
    "raci_row": ("RACI row", "RACI rows"),
    "risk": ("draft risk", "draft risks"),
    "measure": ("draft measure", "draft measures"),
    "term": ("proposed term", "proposed terms"),
    "agreement": ("draft data sharing agreement", "draft data sharing agreements"),
    "right": ("decision right", "decision rights"),
    "decision": ("draft decision", "draft decisions"),
}


@dataclass
class SetUpOutcome:
    added: Counter = field(default_factory=Counter)

    @property
    def summary(self) -> str:
        parts = [
            f"{count} {NOUNS[kind][0] if count == 1 else NOUNS[kind][1]}"
            for kind, count in ((kind, self.added[kind]) for kind in NOUNS)
            if count
        ]
        if not parts:
            return "Nothing new was added: everything you ticked is already in place"
        listed = ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]
        return f"Set up: {listed}"


@transaction.atomic
def initiative_set_up(*, initiative: Initiative, keys: Collection[str], by: User) -> SetUpOutcome:
    """Create every offer in `keys` that the plan still offers; anything else is ignored."""
    Initiative.objects.select_for_update().filter(pk=initiative.pk).values_list("pk").get()
    initiative.refresh_from_db()
    facts = gather_set_up_facts(initiative)
    wanted = set(keys)
    chosen = [offer for offer in (set_up_plan(facts) if facts else []) if offer.key in wanted]
    outcome = SetUpOutcome()
    bodies = [p.body for p in Participation.objects.filter(initiative=initiative).in_role_order()]
    for offer in chosen:
        if offer.kind == "forum":
            _forum(initiative, offer, bodies, by)
        elif offer.kind == "escalation":
            _escalation_route(initiative, offer.item, by)
        elif offer.kind == "columns":
            raci_columns_from_bodies(initiative=initiative, by=by)
        elif offer.kind == "agreement":
            _agreement(initiative, bodies, by)
        elif offer.kind == "decision":
            _decision(initiative, offer.item, by)
        outcome.added[offer.kind] += 1
    _in_bulk(initiative, chosen, by)
    return outcome


def _in_bulk(initiative: Initiative, chosen: list[Offer], by: User) -> None:
    """The offers whose services take a list: RACI rows, checklist records and decision rights."""
    of_kind = {kind: [offer.item for offer in chosen if offer.kind == kind] for kind in NOUNS}
    if of_kind["raci_row"]:
        raci_rows_add_starter(initiative=initiative, rows=of_kind["raci_row"], by=by)
    if of_kind["risk"]:
        risks_add_from_checklist(initiative=initiative, items=of_kind["risk"], by=by)
    if of_kind["measure"]:
        measures_add_from_checklist(initiative=initiative, items=of_kind["measure"], by=by)
    if of_kind["term"]:
        definitions_add_from_checklist(initiative=initiative, items=of_kind["term"], by=by)
    if of_kind["right"]:
        senior_owner_rights_add(initiative=initiative, rights=of_kind["right"], by=by)


def _forum(initiative: Initiative, offer: Offer, bodies: list, by: User) -> None:
    spec = offer.item
    # The structure's own decision forum is chaired by the senior owner.
    chair = initiative.senior_owner if spec in PRIMARY_FORUMS.values() else None
    forum_create(
        initiative=initiative,
        member_bodies=bodies,
        by=by,
        name=spec.name,
        purpose=spec.purpose,
        cadence=spec.cadence,
        chair=chair,
        members="",
        terms_of_reference=spec.why,
    )


def _escalation_route(initiative: Initiative, levels: list[tuple[str, str, str]], by: User) -> None:
    forums = {forum.name.casefold(): forum for forum in initiative.forums.all()}
    for name, who, threshold in levels:
        escalation_level_add(
            initiative=initiative,
            by=by,
            name=name,
            who=who,
            forum=forums.get(who.casefold()),
            threshold=threshold,
        )


def _decision(initiative: Initiative, spec: DecisionSpec, by: User) -> None:
    decision_create(
        initiative=initiative,
        by=by,
        title=spec.title,
        context=spec.context,
        options=spec.options,
        recommendation=spec.recommendation,
        comment="Drafted when the initiative was set up from its operating model",
    )


def _agreement(initiative: Initiative, bodies: list, by: User) -> None:
    agreement_create(
        initiative=initiative,
        by=by,
        parties=bodies,
        title=f"Data sharing agreement: {initiative.title}"[:200],
        legal_gateway="To be confirmed for each exchange before any records move.",
        dpia_status=DataSharingAgreement.DpiaStatus.NOT_STARTED,
        retention_period="To be agreed",
        review_date=timezone.localdate() + AGREEMENT_REVIEW_AFTER,
    )
