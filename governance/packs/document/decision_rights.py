"""The pack's RACI matrix with its check's findings, the decision rights in it, and the decision log."""

from __future__ import annotations

from dataclasses import dataclass

from governance.packs.document.formatting import as_date, as_moment
from governance.raci.validation import Column, Row, check_matrix


@dataclass
class RaciRowView:
    activity: str
    kind_label: str
    cells: list[str]
    problems: list[str]


def raci_rows(raci: dict) -> tuple[list[RaciRowView], list[str]]:
    """Rows with the RACI check's findings, and its warnings about bodies with nothing to do."""
    keys = [column["key"] for column in raci["columns"]]
    check = check_matrix(
        columns=[Column(label=column["label"], body=column["body"]) for column in raci["columns"]],
        rows=[
            Row(label=row["activity"], values=[row["cells"].get(key, "") for key in keys])
            for row in raci["rows"]
        ],
    )
    rows = [
        RaciRowView(
            activity=row["activity"],
            kind_label=row["kind_label"],
            cells=[row["cells"].get(key, "") for key in keys],
            problems=check.row_errors.get(index, []),
        )
        for index, row in enumerate(raci["rows"])
    ]
    return rows, check.warnings


def decision_rights_in_raci(raci: dict) -> list[dict]:
    """Decision rows of the RACI, with who is accountable for each."""
    columns = {column["key"]: column for column in raci["columns"]}
    rights = []
    for row in raci["rows"]:
        if row["kind"] != "decision":
            continue
        accountable = [columns[key] for key, value in row["cells"].items() if value == "A" and key in columns]
        rights.append({"activity": row["activity"], "accountable": accountable})
    return rights


def decision_view(decision: dict) -> dict:
    return {
        **decision,
        "due_date": as_date(decision["due_date"]),
        "created_at": as_moment(decision["created_at"]),
        "trail": [{**step, "at": as_moment(step["at"])} for step in decision["trail"]],
    }
