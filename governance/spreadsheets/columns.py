"""The column set, shared by export and import."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    required: bool = False
    # Written on export for people to read; ignored on import.
    export_only: bool = False
    # What the column takes, for the import page.
    takes: str = ""


RISK_COLUMNS = [
    Column(
        "Reference",
        "reference",
        takes="R001 and so on, as exported: updates that risk. Blank for a new risk.",
    ),
    Column(
        "Title",
        "title",
        required=True,
        takes="Text, up to 200 characters. Without a reference, matches an existing risk by title.",
    ),
    Column("Cause", "cause", takes="Text"),
    Column("Effect", "effect", takes="Text"),
    Column(
        "Category",
        "category",
        required=True,
        takes="One of the categories, for example Operations or Information and data",
    ),
    Column("Owner body", "owner_body", takes="Short name of a participating body, for example DWP"),
    Column("Owner email", "owner", takes="Email address of someone in the owner body"),
    Column("Joint risk", "is_joint", required=True, takes="yes or no"),
    *(
        column
        for position in ("inherent", "current", "target")
        for column in (
            Column(f"{position.capitalize()} likelihood", f"{position}_likelihood", True, takes="1 to 5"),
            Column(f"{position.capitalize()} impact", f"{position}_impact", True, takes="1 to 5"),
            Column(f"{position.capitalize()} score", f"{position}_score", export_only=True),
        )
    ),
    Column("Risk appetite", "appetite", required=True, takes="Averse, Minimal, Cautious, Open or Eager"),
    Column("Treatment", "treatment", required=True, takes="Tolerate, Treat, Transfer or Terminate"),
    Column("Proximity", "proximity", takes="Imminent, Near or Distant"),
    Column("Escalation threshold", "escalation_threshold", takes="Whole number from 1 to 25; 15 if blank"),
    Column(
        "Review date", "review_date", takes="2026-03-31 or 31/03/2026; set from the current score if blank"
    ),
    Column("Status", "status", takes="Draft, Open or Closed; Open if blank"),
]

MEASURE_COLUMNS = [
    Column(
        "Reference",
        "reference",
        takes="M001 and so on, as exported: updates that measure. Blank for a new measure.",
    ),
    Column(
        "Name",
        "name",
        required=True,
        takes="Text, up to 200 characters. Without a reference, matches an existing measure by name.",
    ),
    Column("Definition", "definition", required=True, takes="Text"),
    Column("Unit", "unit", required=True, takes="Text, for example days"),
    Column("Direction", "direction", required=True, takes="Higher is better, or Lower is better"),
    Column("Baseline", "baseline", takes="Number"),
    Column("Baseline date", "baseline_date", takes="2026-03-31 or 31/03/2026"),
    Column("Target", "target", takes="Number"),
    Column("Target date", "target_date", takes="2026-03-31 or 31/03/2026"),
    Column("Data source", "data_source", takes="Text"),
    Column("Owner body", "owner_body"),
    Column(
        "Reporting frequency", "frequency", takes="Weekly, Monthly, Quarterly or Annually; Monthly if blank"
    ),
    Column("Investing body", "investing_body", takes="Short name of a participating body"),
    Column(
        "Benefiting bodies",
        "benefiting_bodies",
        takes="Short names separated by semicolons, not the investing body",
    ),
    Column(
        "Benefit type",
        "benefit_type",
        takes="Cash-releasing efficiency, Non-cash-releasing efficiency, or Outcome, not an efficiency",
    ),
    Column("Agreed before work started", "agreed_before_start", takes="yes or no"),
    Column("Date agreed", "agreed_on", takes="2026-03-31 or 31/03/2026"),
    Column("Latest reading", "latest_value", export_only=True),
    Column("Latest reading date", "latest_on", export_only=True),
    # Retired measures are exported too, so the download is the whole register.
    Column("Status", "status", export_only=True),
    Column("Why retired", "retirement_reason", export_only=True),
]


def importable(columns: list[Column]) -> list[Column]:
    return [column for column in columns if not column.export_only]
