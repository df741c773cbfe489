"""The export's published JSON Schema: the file in the repository is the one served and the one tests hold
the document to.

Versioning (ADR 0035): an additive change (a new optional field, a new enum value) bumps the minor
version; a breaking one (a field removed, renamed or retyped, or made required) bumps the major
version and the URL (/api/v2/...). A document states the version it was written to.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

SCHEMA_PATH = Path(__file__).with_name("initiative-export.schema.json")
SCHEMA_VERSION = "1.0"


@functools.cache
def schema_text() -> str:
    return SCHEMA_PATH.read_text(encoding="utf-8")


def export_schema() -> dict:
    return json.loads(schema_text())
