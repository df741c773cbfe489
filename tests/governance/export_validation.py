"""Holding an export to its published schema, with every format checked (dates and times included)."""

from __future__ import annotations

import datetime

import jsonschema

from governance.export.schema import export_schema

FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("date-time", raises=ValueError)
def is_date_time(value: object) -> bool:
    # RFC 3339: a date, a "T", a time and an offset; jsonschema checks this only with an optional extra.
    if not isinstance(value, str):
        return True
    moment = datetime.datetime.fromisoformat(value)
    return "T" in value and moment.tzinfo is not None


def schema_problems(document: dict) -> list[str]:
    validator = jsonschema.Draft202012Validator(export_schema(), format_checker=FORMATS)
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(document)
    ]
