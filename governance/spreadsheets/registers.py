"""The registers a CSV file can be imported into, and what each needs: one entry per register."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet

from governance.measures.services import measures_import
from governance.risks.services import risks_import
from governance.spreadsheets.checks import ImportCheck, check_measure_rows, check_risk_rows
from governance.spreadsheets.columns import MEASURE_COLUMNS, RISK_COLUMNS, Column
from initiatives.models import Initiative

Rows = list[tuple[int, dict[str, str]]]


@dataclass(frozen=True)
class Register:
    noun: str  # also the start of its URL names: risks_import, measures_export
    columns: list[Column]
    name_field: str
    check: Callable[[Initiative, Rows], ImportCheck]
    records: Callable[[Initiative], QuerySet]
    # Adds the new rows' records and changes the changed ones, all at once: (new values, [(record, values)]).
    save: Callable[..., None]
    list_url_name: str


REGISTERS = {
    "risks": Register(
        noun="risks",
        columns=RISK_COLUMNS,
        name_field="title",
        check=check_risk_rows,
        records=lambda initiative: initiative.risks.order_by("number"),
        save=risks_import,
        list_url_name="governance:risk_register",
    ),
    "measures": Register(
        noun="measures",
        columns=MEASURE_COLUMNS,
        name_field="name",
        check=check_measure_rows,
        records=lambda initiative: initiative.measures.order_by("pk"),
        save=measures_import,
        list_url_name="governance:measures",
    ),
}
