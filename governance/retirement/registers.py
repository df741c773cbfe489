"""Each register whose records are retired instead of deleted, and how its retirement is worded.

The retirement views and URLs are built from this list, so every register offers the same
journeys: retire with a reason, see the closed records, restore one where that makes sense.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import QuerySet

from governance.decisions.models import Decision
from governance.decisions.rules import WITHDRAW_DECISION
from governance.decisions.services import decision_withdraw
from governance.forums.models import Forum
from governance.forums.rules import CHANGE_FORUMS
from governance.glossary.models import DataDefinition, DataSharingAgreement
from governance.glossary.rules import CHANGE_DEFINITION
from governance.measures.models import Measure
from governance.measures.rules import CHANGE_MEASURE
from governance.predicates import MANAGE_REGISTERS
from governance.retirement.services import retire
from governance.risks.models import Risk
from governance.risks.rules import CHANGE_RISK
from initiatives.models import Initiative


def _withdraw_decision(*, record: Decision, by, reason: str) -> Decision:
    # Decisions change state only through their state machine, which records the trail.
    return decision_withdraw(decision=record, by=by, reason=reason)


@dataclass(frozen=True)
class Register:
    key: str  # URL segment and URL name prefix: "risks"
    model: type[models.Model]
    noun: str  # "risk"
    verb: str  # "close": the action, in the button and the URL
    done: str  # "closed"
    list_url: str  # the working list's URL name
    permission: str
    # Whether the permission is checked against the record (else against the initiative).
    on_record: bool = True
    restorable: bool = True
    lookup: str = "pk"
    retire: Callable[..., object] = retire
    reason_hint: str = ""
    # The record's own page, if it has one (a URL name taking slug and the lookup).
    detail: str = ""

    def records(self, initiative: Initiative) -> QuerySet:
        """Every record of the register in the initiative, retired ones included."""
        return self.model._base_manager.filter(initiative=initiative)

    def retired(self, initiative: Initiative) -> QuerySet:
        # Retirable registers' querysets know what "retired" means for them (a risk imported as closed).
        manager: Any = getattr(self.model, "all_records", None) or self.model._default_manager
        return manager.filter(initiative=initiative).retired()

    @property
    def closed_title(self) -> str:
        """The closed list's title: "Closed risks", "Stood-down forums"."""
        return f"{self.done_slug.capitalize()} {self.noun}s"

    @property
    def verb_slug(self) -> str:
        return self.verb.replace(" ", "-")

    @property
    def done_slug(self) -> str:
        return self.done.replace(" ", "-")

    def url_name(self, action: str) -> str:
        """risks_retire, risks_restore, risks_closed, data_sharing_retire..."""
        return f"{self.key.replace('-', '_')}_{action}"


REGISTERS = [
    Register(
        key="risks",
        model=Risk,
        noun="risk",
        verb="close",
        done="closed",
        list_url="governance:risk_register",
        permission=CHANGE_RISK,
        detail="governance:risk_detail",
        reason_hint="For example: the data feed it depended on has been replaced.",
    ),
    Register(
        key="measures",
        model=Measure,
        noun="measure",
        verb="retire",
        done="retired",
        list_url="governance:measures",
        permission=CHANGE_MEASURE,
        detail="governance:measure_detail",
        reason_hint="For example: replaced by a measure the partners agreed. Its readings are kept.",
    ),
    Register(
        key="glossary",
        model=DataDefinition,
        noun="term",
        verb="withdraw",
        done="withdrawn",
        list_url="governance:glossary",
        permission=CHANGE_DEFINITION,
        reason_hint="For example: merged into another term. Each body's meaning is kept.",
    ),
    Register(
        key="data-sharing",
        model=DataSharingAgreement,
        noun="data sharing agreement",
        verb="end",
        done="ended",
        list_url="governance:data_sharing",
        permission=MANAGE_REGISTERS,
        on_record=False,
        reason_hint="For example: the exchange stopped on 31 March and the records have been deleted.",
    ),
    Register(
        key="forums",
        model=Forum,
        noun="forum",
        verb="stand down",
        done="stood down",
        list_url="governance:forums",
        permission=CHANGE_FORUMS,
        on_record=False,
        reason_hint="For example: merged into the programme board.",
    ),
    Register(
        key="decisions",
        model=Decision,
        noun="decision",
        verb="withdraw",
        done="withdrawn",
        list_url="governance:decisions",
        permission=WITHDRAW_DECISION,
        restorable=False,
        lookup="number",
        detail="governance:decision",
        retire=_withdraw_decision,
        reason_hint="For example: overtaken by the board's decision in March. The trail is kept.",
    ),
]

BY_KEY = {register.key: register for register in REGISTERS}
