"""Tell Us Once: the initiative and its two runs of the operating-model checklist."""

from __future__ import annotations

from initiatives.models import Initiative
from initiatives.operating_models import OperatingModel

INITIATIVE = {
    "slug": "tell-us-once-bereavement",
    "title": "Tell Us Once for bereavement",
    "outcome": (
        "Bereaved people report a death once; every body that needs to know acts within 10 working days, "
        "without asking the family again."
    ),
    "value_areas": ["operational_delivery", "data_sharing"],
    "status": Initiative.Status.ACTIVE,
    "lead": "DWP",
    "partners": [("HMRC", "partner"), ("MCC", "partner"), ("HMPO", "benefiting"), ("NHSE", "consulted")],
    "programme_managers": ["programme_manager"],
    "senior_owner": "senior_owner",
    "reviewers": ["assurance_reviewer"],
    "decision_rights": [
        "Approve changes to scope within the agreed budget",
        "Approve the data sharing agreement on behalf of the partnership",
        "Decide the order in which partner bodies join",
    ],
    "operating_model": OperatingModel.LEAD_DEPARTMENT,
    "stop_doing": {
        "DWP": ["Stop writing separately to the family about benefit overpayments"],
        "HMRC": ["Stop running a separate bereavement contact line for tax credits"],
        "MCC": ["Stop sending paper notifications to other councils"],
    },
}

# First planned with common definitions only: the engine said lead department, partners asked
# for a board. Re-assessed once regular exchange of records was agreed: lead department, with a
# data-sharing partnership for the exchange.
FIRST_ASSESSMENT = {
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
LATEST_ASSESSMENT = {
    "answers": {**FIRST_ASSESSMENT["answers"], "data": "exchange"},
    "chosen_model": "lead_department",
    "choice_reason": "",
    "data_items": [
        *FIRST_ASSESSMENT["data_items"],
        "Date of death and informant details, in the GRO registration format",
        "Which body masters the deceased person's last address",
    ],
    "joint_risks": [
        "Records fail to match for people with common names and dates of birth",
        "A partner joins after the data sharing agreement is signed and delays go-live",
        *FIRST_ASSESSMENT["joint_risks"],
    ],
    "single_body_risks": [
        "HMRC: the tax credits system change is not ready in time",
        *FIRST_ASSESSMENT["single_body_risks"],
    ],
    "measures": [
        *FIRST_ASSESSMENT["measures"],
        "Share of families asked again for something they already told us, quarterly, checked by HMRC",
        "Duplicate letters avoided across bodies, counted once, reported quarterly by DWP",
    ],
}
