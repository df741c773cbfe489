"""Checking every row of an import before anything is saved, with row-numbered messages."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone

from collab.govuk_forms import LONG_TEXT_MAX_LENGTH
from governance import impossible_dates
from governance.checklist.items import normalise_item
from governance.measures.forms import measure_rule_errors
from governance.measures.models import Measure
from governance.risks.models import Risk
from initiatives.models import Body, Initiative, User


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
    # The register's reference (R001, M003) from the file, if it has one: the record it updates.
    reference: str = ""
    existing: Any = None  # the Risk or Measure the row updates
    unassessed: bool = False  # a draft row with its assessment blank, as exported
    errors: list[str] = field(default_factory=list)


class RowChecker:
    """Collects values and errors for one row, so every cell's problem is reported, not just the first."""

    def __init__(self, number: int, cells: dict[str, str]):
        self.result = RowResult(number, reference=cells.get("reference", "").strip())
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
        bodies = Body.objects.taking_part_in(initiative)
        people = User.objects.working_on(initiative).with_bodies()
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
    """A row with a reference (R001, M003) updates that record; a row without one, the record of its name."""
    records = list(records)
    by_reference = {record.reference.casefold(): record for record in records}
    by_name: dict[str, list] = {}
    for record in records:
        by_name.setdefault(normalise_item(getattr(record, key)), []).append(record)
    seen: dict[str, int] = {}
    for result in results:
        if result.reference:
            wanted = result.reference.casefold()
            if wanted in seen:
                result.errors.append(
                    f"Row {result.number}: reference {result.reference} is also on row {seen[wanted]}"
                )
            seen.setdefault(wanted, result.number)
            result.existing = by_reference.get(wanted)
            if result.existing is None:
                result.errors.append(
                    f"Row {result.number}: reference {result.reference} is not a {noun} in this register; "
                    f"leave the reference blank to add a new {noun}"
                )
            continue
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


SCORE_KEYS = [
    f"{position}_{axis}"
    for position in ("inherent", "current", "target")
    for axis in ("likelihood", "impact")
]
RISK_CHOICES = [
    ("category", Risk.Category.choices, "category"),
    ("appetite", Risk.Appetite.choices, "risk appetite"),
    ("treatment", Risk.Treatment.choices, "treatment"),
]
# What a draft (or a draft closed as not needed) may leave blank: the model's constraint.
UNASSESSED_KEYS = [*SCORE_KEYS, *(key for key, _choices, _name in RISK_CHOICES), "review_date"]


def _status_cell(cells: dict[str, str]) -> str:
    try:
        return _choice(cells.get("status", ""), Risk.Status.choices, "status", required=False)
    except CellError:
        return ""  # reported with the status cell


def _take_assessment(row: RowChecker) -> None:
    """Scores, category, appetite and treatment: all needed for an open risk.

    A Draft or Closed row may leave them blank, as the export writes a risk not yet assessed.
    A Draft row with scores is refused rather than guessed at: assessing a risk is a decision
    (status Open), and a draft holding scores would still read "Not yet assessed" everywhere.
    """
    status = _status_cell(row.cells)
    optional = status in (Risk.Status.DRAFT, Risk.Status.CLOSED)
    row.result.unassessed = optional and not any(row.cells.get(key) for key in SCORE_KEYS)
    if status == Risk.Status.DRAFT and not row.result.unassessed:
        row.error(
            "a draft risk has no scores yet: clear the likelihood and impact cells to keep it a draft, "
            "or set the status to Open to record an assessed risk"
        )
    for key, choices, name in RISK_CHOICES:
        row.take(key, lambda text, c=choices, n=name: _choice(text, c, n, required=not optional))
    for key in SCORE_KEYS:
        name = key.replace("_", " ")
        if row.result.unassessed:
            row.take(key, lambda _text: None)
        else:
            row.take(key, lambda text, name=name: _whole_number(text, name, 1, 5))


def check_risk_rows(initiative: Initiative, rows: list[tuple[int, dict[str, str]]]) -> ImportCheck:
    context = ImportContext.for_initiative(initiative)
    results = []
    for number, cells in rows:
        row = RowChecker(number, cells)
        row.take("title", lambda text: _text(text, "title", 200, required=True))
        row.take("cause", lambda text: _text(text, "cause", LONG_TEXT_MAX_LENGTH))
        row.take("effect", lambda text: _text(text, "effect", LONG_TEXT_MAX_LENGTH))
        row.take("owner_body", lambda text: context.body(text, "owner body"))
        row.take("owner", context.person)
        row.take(
            "is_joint",
            lambda text: _yes_no_cell(text, "joint risk", yes=("joint",), no=("single", "single body")),
        )
        _take_assessment(row)
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
    for result in results:
        if result.unassessed and result.existing is not None:
            # The export leaves an unassessed risk's cells blank, whatever it holds: blank keeps it.
            for key in UNASSESSED_KEYS:
                if result.values.get(key) in (None, ""):
                    result.values.pop(key, None)
    for result in results:
        raised_on = result.existing.raised_on if isinstance(result.existing, Risk) else timezone.localdate()
        for _field, message in impossible_dates.risk_problems(result.values, raised_on=raised_on):
            result.errors.append(f"Row {result.number}: {message[0].lower()}{message[1:]}")
    return ImportCheck(results)


def check_measure_rows(initiative: Initiative, rows: list[tuple[int, dict[str, str]]]) -> ImportCheck:
    context = ImportContext.for_initiative(initiative)
    results = []
    for number, cells in rows:
        row = RowChecker(number, cells)
        # A draft from the checklist is exported with no definition, unit or direction: still a draft.
        defined = any(cells.get(key) for key in ("definition", "unit", "direction"))
        row.take("name", lambda text: _text(text, "name", 200, required=True))
        row.take("definition", lambda text, d=defined: _text(text, "definition", 5000, required=d))
        row.take("unit", lambda text, d=defined: _text(text, "unit", 50, required=d))
        row.take(
            "direction",
            lambda text, d=defined: _choice(text, Measure.Direction.choices, "direction", required=d),
        )
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
        if not defined:
            # The export leaves a draft's frequency and benefit type blank: blank keeps what it has.
            for key in ("frequency", "benefit_type"):
                if not cells.get(key):
                    row.result.values.pop(key, None)
        if not row.result.errors:
            for _field, message in measure_rule_errors(row.result.values):
                row.error(message[0].lower() + message[1:])
        results.append(row.result)
    _check_duplicates(results, "name", "name")
    _match_existing(results, Measure.all_records.filter(initiative=initiative), "name", "measure")
    return ImportCheck(results)
