"""The complete registers, as their pages download them, for the pack to attach as CSV files.

The rows come from the registers' own export functions, so an attached file has the columns and
cells of a download from the register's page (without filters); the pack stores them as text
in its snapshot, so the files inside a pack say what its pages say, whenever it is built.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Prefetch

from governance import models as gov
from governance.decisions.presenters import DECISION_LOG_COLUMNS, decision_log_rows
from governance.spreadsheets import MEASURE_COLUMNS, RISK_COLUMNS, measure_rows, risk_rows
from initiatives.models import Initiative


def _table(header: Sequence[str], rows: list[list]) -> dict:
    return {
        "header": list(header),
        "rows": [["" if cell is None else str(cell) for cell in row] for row in rows],
    }


def complete_registers(initiative: Initiative) -> dict:
    """Risks, measures (retired ones too, as their download holds them) and the decision log."""
    risks = initiative.risks.select_related("owner_body", "owner").order_by("number")
    measures = (
        gov.Measure.all_records.filter(initiative=initiative)
        .select_related("owner_body", "investing_body")
        .prefetch_related(
            Prefetch("readings", queryset=gov.MeasureReading.objects.order_by("taken_on")),
            "benefiting_bodies",
        )
        .order_by("name")
    )
    decisions = (
        initiative.decisions.select_related("decider", "created_by")
        .prefetch_related("links")
        .order_by("number")
    )
    return {
        "risks": _table([column.header for column in RISK_COLUMNS], risk_rows(risks)),
        "measures": _table([column.header for column in MEASURE_COLUMNS], measure_rows(measures)),
        "decisions": _table(DECISION_LOG_COLUMNS, decision_log_rows(decisions)),
    }
