"""Governance records of an initiative, one module per area."""

from governance.models.assurance import AssuranceReview, Recommendation
from governance.models.decisions import Decision, DecisionTransition
from governance.models.definitions import BodyMeaning, DataDefinition, DataSharingAgreement
from governance.models.forums import Escalation, EscalationLevel, Forum
from governance.models.measures import Measure, MeasureReading
from governance.models.packs import GovernancePack
from governance.models.raci import RaciCell, RaciColumn, RaciRow
from governance.models.risks import Risk, RiskAction, RiskScoreChange

__all__ = [
    "AssuranceReview",
    "BodyMeaning",
    "DataDefinition",
    "DataSharingAgreement",
    "Decision",
    "DecisionTransition",
    "Escalation",
    "EscalationLevel",
    "Forum",
    "GovernancePack",
    "Measure",
    "MeasureReading",
    "RaciCell",
    "RaciColumn",
    "RaciRow",
    "Recommendation",
    "Risk",
    "RiskAction",
    "RiskScoreChange",
]
