"""Demonstration operating-model assessments, recorded through the same service as the wizard.

The answers are the honest ones for each demo initiative, and the engine's recommendation
follows from them. Tell Us Once shows a re-run: first planned with common definitions only
(the engine said lead department; partners asked for a board), then re-assessed once regular
exchange of records was agreed (lead department, with a data-sharing partnership for the
exchange). The identity platform pools budgets for a platform: a joint programme board with a
shared service. Only initiatives the seed has just created get assessments, so seeding twice
adds nothing.
"""

from __future__ import annotations

from initiatives.demo import DemoWorld
from initiatives.models import Initiative, InitiativeRole
from initiatives.services import Checklist, assessment_record

TELL_US_ONCE_FIRST = {
    "answers": {
        "single_owner": "partly",
        "decisions": "one_body",
        "budget": "one_funds_others_benefit",
        "data": "definitions",
        "operations": "handoffs",
        "crisis": False,
        "bodies": 5,
    },
    "chosen_model": "joint_programme_board",
    "choice_reason": (
        "HMRC and Manchester asked for an equal say while they decide whether to join; we will re-run the "
        "checklist once the data sharing agreement is settled."
    ),
    "data_items": [
        "Definition of a notified death (registered with the General Register Office)",
        "National Insurance number as the matching identifier",
    ],
    "joint_risks": ["Families are contacted twice while old and new processes run side by side"],
    "single_body_risks": ["MCC: registrars are not trained in the new notification service"],
    "measures": ["Working days from registering a death to every body acting, reported monthly by DWP"],
}

TELL_US_ONCE_NOW = {
    "answers": {**TELL_US_ONCE_FIRST["answers"], "data": "exchange"},
    "chosen_model": "lead_department",
    "choice_reason": "",
    "data_items": [
        *TELL_US_ONCE_FIRST["data_items"],
        "Date of death and informant details, in the GRO registration format",
        "Which body masters the deceased person's last address",
    ],
    "joint_risks": [
        "Records fail to match for people with common names and dates of birth",
        "A partner joins after the data sharing agreement is signed and delays go-live",
        *TELL_US_ONCE_FIRST["joint_risks"],
    ],
    "single_body_risks": [
        "HMRC: the tax credits system change is not ready in time",
        *TELL_US_ONCE_FIRST["single_body_risks"],
    ],
    "measures": [
        *TELL_US_ONCE_FIRST["measures"],
        "Share of families asked again for something they already told us, quarterly, checked by HMRC",
        "Duplicate letters avoided across bodies, counted once, reported quarterly by DWP",
    ],
}

IDENTITY_PLATFORM = {
    "answers": {
        "single_owner": "partly",
        "decisions": "joint",
        "budget": "pooled",
        "data": "definitions",
        "operations": "shared_platform",
        "crisis": False,
        "bodies": 3,
    },
    "chosen_model": "joint_programme_board",
    "choice_reason": "",
    "data_items": [
        "Identity confidence levels (GPG 45 profiles) each service accepts",
        "One format for the identity check result returned to services",
    ],
    "joint_risks": [
        "People who fail the online check fall back to paper and phone",
        "A service moves late and keeps its old identity contract running",
    ],
    "single_body_risks": ["HMPO: the passport data service runs out of capacity at peak"],
    "measures": [
        "Share of people who prove who they are first time, monthly, reported by HMPO",
        "Identity checking contracts retired across bodies, quarterly, checked by the service board",
    ],
}

# Oldest first, keyed by the demo initiative's slug (copies made by --scale add "-2", "-3", ...).
ASSESSMENTS = {
    "tell-us-once-bereavement": [TELL_US_ONCE_FIRST, TELL_US_ONCE_NOW],
    "shared-identity-checking-platform": [IDENTITY_PLATFORM],
}


def _runs_for(initiative: Initiative) -> list[dict]:
    for slug, runs in ASSESSMENTS.items():
        if initiative.slug == slug or initiative.slug.startswith(f"{slug}-"):
            return runs
    return []


def seed_assessments(world: DemoWorld) -> None:
    for initiative in world.created_initiatives:
        runs = _runs_for(initiative)
        if not runs:
            continue
        manager = initiative.roles.filter(role=InitiativeRole.Role.PROGRAMME_MANAGER).first().user
        participations = list(initiative.participations.all())
        for run in runs:
            assessment_record(
                initiative=initiative,
                answers=run["answers"],
                checklist=Checklist(
                    outcome_statement=initiative.outcome_statement,
                    senior_owner=initiative.senior_owner,
                    decision_rights=list(initiative.senior_owner_decision_rights),
                    data_items=run["data_items"],
                    joint_risks=run["joint_risks"],
                    single_body_risks=run["single_body_risks"],
                    measures=run["measures"],
                    stop_doing={p.body_id: list(p.stop_doing) for p in participations},
                ),
                chosen_model=run["chosen_model"],
                choice_reason=run["choice_reason"],
                by=manager,
            )
