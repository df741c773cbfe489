"""CSV export and import of the risk register and the shared measures: one column set for both.

A file exported here imports back unchanged (the apostrophe that export puts before a
formula-like cell is taken off again). Derived columns (reference, scores, latest
reading) are written for reading and ignored when importing. Bodies are named by short
name, people by email address, choices by their label or code, dates as 2026-03-31 or
31/03/2026. Rows are numbered as a spreadsheet shows them: the header is row 1.

Importing validates every row before saving anything. A row whose title (risks) or name
(measures) matches a record already in the register updates that record, so importing
the same file twice changes nothing the second time.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from collab.csv_export import FORMULA_TRIGGERS
from governance.checklist import normalise_item
from governance.forms.measures import measure_rule_errors
from governance.models import Measure, Risk
from initiatives.models import Body, Initiative, User

MAX_BYTES = 1_000_000
MAX_ROWS = 2000
MAX_ERRORS_SHOWN = 50


class ImportFileError(Exception):
    """The file as a whole cannot be read: nothing in it was looked at row by row."""


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
    Column("Reference", "reference", export_only=True),
    Column(
        "Title",
        "title",
        required=True,
        takes="Text, up to 200 characters. Matches an existing risk by title.",
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
        "Name",
        "name",
        required=True,
        takes="Text, up to 200 characters. Matches an existing measure by name.",
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
]


def importable(columns: list[Column]) -> list[Column]:
    return [column for column in columns if not column.export_only]


# --- Export ---------------------------------------------------------------------------


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _date(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


def risk_rows(risks: Iterable[Risk]) -> list[list]:
    return [
        [
            risk.reference,
            risk.title,
            risk.cause,
            risk.effect,
            risk.get_category_display(),
            risk.owner_body.short_name if risk.owner_body else "",
            risk.owner.email if risk.owner else "",
            _yes_no(risk.is_joint),
            risk.inherent_likelihood,
            risk.inherent_impact,
            risk.inherent_score,
            risk.current_likelihood,
            risk.current_impact,
            risk.current_score,
            risk.target_likelihood,
            risk.target_impact,
            risk.target_score,
            risk.get_appetite_display(),
            risk.get_treatment_display(),
            risk.get_proximity_display() if risk.proximity else "",
            risk.escalation_threshold,
            _date(risk.review_date),
            risk.get_status_display(),
        ]
        for risk in risks
    ]


def measure_rows(measures: Iterable[Measure]) -> list[list]:
    rows = []
    for measure in measures:
        readings = list(measure.readings.all())
        latest = readings[-1] if readings else None
        rows.append(
            [
                measure.name,
                measure.definition,
                measure.unit,
                measure.get_direction_display() if measure.direction else "",
                measure.baseline if measure.baseline is not None else "",
                _date(measure.baseline_date),
                measure.target if measure.target is not None else "",
                _date(measure.target_date),
                measure.data_source,
                measure.owner_body.short_name if measure.owner_body else "",
                measure.get_frequency_display(),
                measure.investing_body.short_name if measure.investing_body else "",
                "; ".join(sorted(body.short_name for body in measure.benefiting_bodies.all())),
                measure.get_benefit_type_display(),
                _yes_no(measure.agreed_before_start),
                _date(measure.agreed_on),
                latest.value if latest else "",
                _date(latest.taken_on) if latest else "",
            ]
        )
    return rows


# --- Reading the file -----------------------------------------------------------------


def _unneutralise(cell: str) -> str:
    """Undo the export's guard against formulas, so an exported file imports back as it was."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_TRIGGERS):
        return cell[1:]
    return cell


def _normalise_header(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def read_upload(upload, columns: list[Column]) -> list[tuple[int, dict[str, str]]]:
    """The file's data rows as (spreadsheet row number, {column key: text}); raises ImportFileError."""
    if not upload.name.lower().endswith(".csv"):
        raise ImportFileError("The selected file must be a CSV file")
    if upload.size == 0:
        raise ImportFileError("The selected file is empty")
    if upload.size > MAX_BYTES:
        raise ImportFileError("The selected file must be smaller than 1 MB")
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            "The selected file must be saved as UTF-8: in Excel, choose “CSV UTF-8” when saving"
        ) from None
    if "\x00" in text:
        raise ImportFileError("The selected file must be a CSV file")
    try:
        lines = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ImportFileError(f"The selected file could not be read as CSV: {error}") from None
    if not lines or not any(cell.strip() for cell in lines[0]):
        raise ImportFileError("The selected file is empty")

    by_header = {_normalise_header(column.header): column for column in importable(columns)}
    positions = {}
    for index, header in enumerate(lines[0]):
        column = by_header.get(_normalise_header(header))
        if column is not None and column.key not in positions:
            positions[column.key] = index
    missing = [
        column.header for column in importable(columns) if column.required and column.key not in positions
    ]
    if missing:
        raise ImportFileError(f"The file is missing these columns: {', '.join(missing)}")

    rows = [
        (
            number,
            {
                key: _unneutralise(cells[index].strip()) if index < len(cells) else ""
                for key, index in positions.items()
            },
        )
        for number, cells in enumerate(lines[1:], start=2)
        if any(cell.strip() for cell in cells)
    ]
    if not rows:
        raise ImportFileError("The selected file has a header row but no data rows")
    if len(rows) > MAX_ROWS:
        raise ImportFileError(
            f"The selected file has more than {MAX_ROWS:,} rows: split it into smaller files"
        )
    return rows


# --- Checking each cell ---------------------------------------------------------------


class CellError(Exception):
    pass


def _choice(text: str, choices, name: str, *, required: bool = True) -> str:
    if not text:
        if required:
            raise CellError(f"enter the {name}")
        return ""
    wanted = text.casefold()
    for value, label in choices:
        if wanted in (str(value).casefold(), str(label).casefold()):
            return value
    labels = ", ".join(str(label) for _value, label in choices)
    raise CellError(f"{name} must be one of: {labels}")


def _whole_number(text: str, name: str, low: int, high: int, default: int | None = None) -> int:
    if not text and default is not None:
        return default
    if not re.fullmatch(r"\d{1,2}", text) or not low <= int(text) <= high:
        raise CellError(f"{name} must be a whole number from {low} to {high}")
    return int(text)


def _decimal(text: str, name: str) -> Decimal | None:
    if not text:
        return None
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise CellError(f"{name} must be a number, like 12 or 4.5") from None
    if not value.is_finite() or abs(value) >= Decimal("1e12") or value != round(value, 2):
        raise CellError(f"{name} must be a number below a million million, with at most 2 decimal places")
    return value


DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


def _date_cell(text: str, name: str) -> datetime.date | None:
    if not text:
        return None
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    raise CellError(f"{name} must be a real date like 2026-03-31 or 31/03/2026")


def _yes_no_cell(text: str, name: str, *, yes: tuple[str, ...] = (), no: tuple[str, ...] = ()) -> bool:
    word = text.casefold()
    if word in ("yes", "y", "true", *yes):
        return True
    if word in ("no", "n", "false", *no):
        return False
    raise CellError(f"{name} must be yes or no")


def _text(text: str, name: str, max_length: int, *, required: bool = False) -> str:
    if required and not text:
        raise CellError(f"enter the {name}")
    if len(text) > max_length:
        raise CellError(f"{name} must be {max_length} characters or fewer")
    return text


@dataclass
class RowResult:
    number: int
    values: dict = field(default_factory=dict)
    existing: object | None = None
    errors: list[str] = field(default_factory=list)


class RowChecker:
    """Collects values and errors for one row, so every cell's problem is reported, not just the first."""

    def __init__(self, number: int, cells: dict[str, str]):
        self.result = RowResult(number)
        self.cells = cells

    def take(self, key: str, parse: Callable[[str], object]) -> None:
        if key not in self.cells:
            return  # an optional column the file does not have: leave the field as it is
        try:
            self.result.values[key] = parse(self.cells.get(key, ""))
        except CellError as error:
            self.error(str(error))

    def error(self, message: str) -> None:
        self.result.errors.append(f"Row {self.result.number}: {message}")


@dataclass
class ImportContext:
    bodies: dict[str, Body]
    people: dict[str, User]

    @classmethod
    def for_initiative(cls, initiative: Initiative) -> ImportContext:
        bodies = Body.objects.filter(participations__initiative=initiative)
        people = (
            User.objects.filter(is_active=True, memberships__body__participations__initiative=initiative)
            .distinct()
            .prefetch_related("memberships")
        )
        return cls(
            bodies={body.short_name.casefold(): body for body in bodies},
            people={person.email.casefold(): person for person in people},
        )

    def body(self, text: str, name: str) -> Body | None:
        if not text:
            return None
        body = self.bodies.get(text.casefold())
        if body is None:
            known = ", ".join(sorted(b.short_name for b in self.bodies.values()))
            raise CellError(f"{name} “{text}” is not a body taking part; use one of: {known}")
        return body

    def person(self, text: str) -> User | None:
        if not text:
            return None
        person = self.people.get(text.casefold())
        if person is None:
            raise CellError(f"owner email “{text}” is not a person in a body taking part")
        return person


def _check_duplicates(results: list[RowResult], key: str, noun: str) -> None:
    first_seen: dict[str, int] = {}
    for result in results:
        name = normalise_item(result.values.get(key) or "")
        if not name:
            continue
        if name in first_seen:
            result.errors.append(
                f"Row {result.number}: {noun} “{result.values[key]}” is also on row {first_seen[name]}"
            )
        else:
            first_seen[name] = result.number


def _match_existing(results: list[RowResult], records, key: str, noun: str) -> None:
    by_name: dict[str, list] = {}
    for record in records:
        by_name.setdefault(normalise_item(getattr(record, key)), []).append(record)
    for result in results:
        matches = by_name.get(normalise_item(result.values.get(key) or ""), [])
        if len(matches) > 1:
            result.errors.append(
                f"Row {result.number}: more than one {noun} in the register is called "
                f"“{result.values[key]}”; rename one of them first"
            )
        elif matches:
            result.existing = matches[0]


@dataclass
class ImportCheck:
    rows: list[RowResult]

    @property
    def errors(self) -> list[str]:
        return [error for row in self.rows for error in row.errors]

    @property
    def is_valid(self) -> bool:
        return not self.errors


# --- Risks ----------------------------------------------------------------------------


def check_risk_rows(initiative: Initiative, rows: list[tuple[int, dict[str, str]]]) -> ImportCheck:
    context = ImportContext.for_initiative(initiative)
    results = []
    for number, cells in rows:
        row = RowChecker(number, cells)
        row.take("title", lambda text: _text(text, "title", 200, required=True))
        row.take("cause", lambda text: text)
        row.take("effect", lambda text: text)
        row.take("category", lambda text: _choice(text, Risk.Category.choices, "category"))
        row.take("owner_body", lambda text: context.body(text, "owner body"))
        row.take("owner", context.person)
        row.take(
            "is_joint",
            lambda text: _yes_no_cell(text, "joint risk", yes=("joint",), no=("single", "single body")),
        )
        for position in ("inherent", "current", "target"):
            for axis in ("likelihood", "impact"):
                key = f"{position}_{axis}"
                row.take(key, lambda text, name=f"{position} {axis}": _whole_number(text, name, 1, 5))
        row.take("appetite", lambda text: _choice(text, Risk.Appetite.choices, "risk appetite"))
        row.take("treatment", lambda text: _choice(text, Risk.Treatment.choices, "treatment"))
        row.take("proximity", lambda text: _choice(text, Risk.Proximity.choices, "proximity", required=False))
        row.take(
            "escalation_threshold",
            lambda text: _whole_number(text, "escalation threshold", 1, 25, default=15),
        )
        row.take("review_date", lambda text: _date_cell(text, "review date"))
        row.take("status", lambda text: _choice(text, Risk.Status.choices, "status", required=False))
        values = row.result.values
        owner, owner_body = values.get("owner"), values.get("owner_body")
        if owner is not None and owner_body is None:
            row.error("give the owner body for the owner")
        elif owner is not None and not any(m.body_id == owner_body.pk for m in owner.memberships.all()):
            row.error(f"owner {owner.email} does not work for {owner_body.short_name}")
        if not values.get("status"):
            values.pop("status", None)
        results.append(row.result)
    _check_duplicates(results, "title", "title")
    _match_existing(results, initiative.risks.all(), "title", "risk")
    return ImportCheck(results)


# --- Measures -------------------------------------------------------------------------


def check_measure_rows(initiative: Initiative, rows: list[tuple[int, dict[str, str]]]) -> ImportCheck:
    context = ImportContext.for_initiative(initiative)
    results = []
    for number, cells in rows:
        row = RowChecker(number, cells)
        row.take("name", lambda text: _text(text, "name", 200, required=True))
        row.take("definition", lambda text: _text(text, "definition", 5000, required=True))
        row.take("unit", lambda text: _text(text, "unit", 50, required=True))
        row.take("direction", lambda text: _choice(text, Measure.Direction.choices, "direction"))
        row.take("baseline", lambda text: _decimal(text, "baseline"))
        row.take("baseline_date", lambda text: _date_cell(text, "baseline date"))
        row.take("target", lambda text: _decimal(text, "target"))
        row.take("target_date", lambda text: _date_cell(text, "target date"))
        row.take("data_source", lambda text: _text(text, "data source", 200))
        row.take("owner_body", lambda text: context.body(text, "owner body"))
        row.take(
            "frequency",
            lambda text: (
                _choice(text, Measure.Frequency.choices, "reporting frequency", required=False)
                or Measure.Frequency.MONTHLY
            ),
        )
        row.take("investing_body", lambda text: context.body(text, "investing body"))
        row.take(
            "benefiting_bodies",
            lambda text: [
                context.body(part.strip(), "benefiting body")
                for part in re.split(r"[;,]", text)
                if part.strip()
            ],
        )
        row.take(
            "benefit_type",
            lambda text: (
                _choice(text, Measure.BenefitType.choices, "benefit type", required=False)
                or Measure.BenefitType.NOT_AN_EFFICIENCY
            ),
        )
        row.take(
            "agreed_before_start",
            lambda text: _yes_no_cell(text, "agreed before work started") if text else False,
        )
        row.take("agreed_on", lambda text: _date_cell(text, "date agreed"))
        if not row.result.errors:
            for _field, message in measure_rule_errors(row.result.values):
                row.error(message[0].lower() + message[1:])
        results.append(row.result)
    _check_duplicates(results, "name", "name")
    _match_existing(results, initiative.measures.all(), "name", "measure")
    return ImportCheck(results)
