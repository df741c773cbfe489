"""The pack's annex: every closed, retired, withdrawn, ended or stood-down record, with who, when and why."""

from __future__ import annotations

from governance.packs.content.values import person_name
from governance.retirement.registers import REGISTERS
from initiatives.models import Initiative


def retired_records(initiative: Initiative) -> list[dict]:
    """One query per register, whatever the number of records."""
    return [
        {
            "kind": register.closed_title,
            "label": str(record),
            "status": register.done,
            "retired_on": record.retired_at.date().isoformat() if record.retired_at else "",
            "by": person_name(record.retired_by),
            "reason": record.retirement_reason,
        }
        for register in REGISTERS
        for record in register.retired(initiative).select_related("retired_by")
    ]
