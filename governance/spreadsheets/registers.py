"""The registers a CSV file can be imported into, and what each needs: one entry per register."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from governance.measures.services import measure_create, measure_update
from governance.risks.services import risk_create, risk_update
from governance.spreadsheets.checks import ImportCheck, check_measure_rows, check_risk_rows
from governance.spreadsheets.columns import MEASURE_COLUMNS, RISK_COLUMNS, Column
from initiatives.models import Initiative, User

Rows = list[tuple[int, dict[str, str]]]


@dataclass(frozen=True)
class Register:
    noun: str  # also the start of its URL names: risks_import, measures_export
    columns: list[Column]
    name_field: str
    check: Callable[[Initiative, Rows], ImportCheck]
    records: Callable[[Initiative], QuerySet]
    create: Callable[[Initiative, User, dict], object]
    update: Callable[[Any, User, dict], object]
    list_url_name: str


REGISTERS = {
    "risks": Register(
        noun="risks",
        columns=RISK_COLUMNS,
        name_field="title",
        check=check_risk_rows,
        records=lambda initiative: initiative.risks.order_by("number"),
        create=lambda initiative, by, values: risk_create(initiative=initiative, by=by, **values),
        update=lambda risk, by, values: risk_update(risk=risk, by=by, **values),
        list_url_name="governance:risk_register",
    ),
    "measures": Register(
        noun="measures",
        columns=MEASURE_COLUMNS,
        name_field="name",
        check=check_measure_rows,
        records=lambda initiative: initiative.measures.order_by("pk"),
        create=lambda initiative, by, values: measure_create(initiative=initiative, by=by, **values),
        update=lambda measure, by, values: measure_update(measure=measure, by=by, **values),
        list_url_name="governance:measures",
    ),
}
