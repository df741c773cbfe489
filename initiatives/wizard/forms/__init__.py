"""One form per question of the operating-model checklist, and the form that confirms a model.

Each step form reads its starting values from the draft (`initial_from`) and says what to keep
in the draft (`draft_values`), so the same form both asks the question and re-checks a stored
answer against the initiative as it is now.
"""

from __future__ import annotations

from initiatives.wizard.forms.answers import (
    ANSWER_OPTIONS,
    BodiesForm,
    BudgetForm,
    CrisisForm,
    DataForm,
    DecisionsForm,
    OperationsForm,
    SingleOwnerForm,
    answer_label,
)
from initiatives.wizard.forms.choice import ModelChoiceForm
from initiatives.wizard.forms.ownership import DecisionRightsForm, OutcomeForm, SeniorOwnerForm, StopDoingForm
from initiatives.wizard.forms.registers import (
    DataItemsForm,
    JointRisksForm,
    MeasuresForm,
    SingleBodyRisksForm,
)
from initiatives.wizard.forms.step import StepForm

__all__ = [
    "ANSWER_OPTIONS",
    "BodiesForm",
    "BudgetForm",
    "CrisisForm",
    "DataForm",
    "DataItemsForm",
    "DecisionRightsForm",
    "DecisionsForm",
    "JointRisksForm",
    "MeasuresForm",
    "ModelChoiceForm",
    "OperationsForm",
    "OutcomeForm",
    "SeniorOwnerForm",
    "SingleBodyRisksForm",
    "SingleOwnerForm",
    "StepForm",
    "StopDoingForm",
    "answer_label",
]
