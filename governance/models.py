"""Every governance model, re-exported from its domain package so Django finds them in one app."""

from governance.assurance.models import AssuranceReview, Recommendation, RecommendationStep
from governance.decisions.changes.models import DecisionLink, DecisionSnapshot
from governance.decisions.models import Decision, DecisionEmailFailure, DecisionSeen, DecisionTransition
from governance.forums.models import Escalation, EscalationLevel, Forum
from governance.glossary.models import BodyMeaning, DataDefinition, DataSharingAgreement
from governance.measures.models import Measure, MeasureReading
from governance.packs.models import GovernancePack
from governance.raci.models import RaciCell, RaciColumn, RaciRow
from governance.risks.models import Risk, RiskAction, RiskScoreChange
from governance.spreadsheets.models import ImportJob

__all__ = [
    "AssuranceReview",
    "BodyMeaning",
    "DataDefinition",
    "DataSharingAgreement",
    "Decision",
    "DecisionEmailFailure",
    "DecisionLink",
    "DecisionSeen",
    "DecisionSnapshot",
    "DecisionTransition",
    "Escalation",
    "EscalationLevel",
    "Forum",
    "GovernancePack",
    "ImportJob",
    "Measure",
    "MeasureReading",
    "RaciCell",
    "RaciColumn",
    "RaciRow",
    "Recommendation",
    "RecommendationStep",
    "Risk",
    "RiskAction",
    "RiskScoreChange",
]
