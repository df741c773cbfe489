"""How many inputs the bad-input fuzz tried, per form: printed at the end of the run and kept under var/."""

from __future__ import annotations

import json
import time
from pathlib import Path

from django.conf import settings

TALLY: dict[str, dict] = {}
NOTES: dict[str, object] = {}


def record(form_key: str, *, inputs: int, seconds: float, outcomes: dict[int, int]) -> None:
    entry = TALLY.setdefault(form_key, {"inputs": 0, "seconds": 0.0, "outcomes": {}})
    entry["inputs"] += inputs
    entry["seconds"] = round(entry["seconds"] + seconds, 2)
    for status, count in outcomes.items():
        entry["outcomes"][str(status)] = entry["outcomes"].get(str(status), 0) + count


def export() -> dict:
    """What this process tallied, in plain types an xdist worker can send to the controller."""
    return {"tally": TALLY, "notes": NOTES}


def merge(exported: dict | None) -> None:
    """Add a worker's tally to this process's (the controller's, which prints the summary)."""
    if not exported:
        return
    for form_key, entry in exported["tally"].items():
        outcomes = {int(status): count for status, count in entry["outcomes"].items()}
        record(form_key, inputs=entry["inputs"], seconds=entry["seconds"], outcomes=outcomes)
    NOTES.update(exported["notes"])


def total_inputs() -> int:
    return sum(entry["inputs"] for entry in TALLY.values())


def write_report() -> Path:
    path = Path(settings.VAR_DIR) / "fuzz-report.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "written_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "forms": len(TALLY),
        "inputs": total_inputs(),
        "seconds": round(sum(entry["seconds"] for entry in TALLY.values()), 1),
        "per_form": TALLY,
        **NOTES,
    }
    path.write_text(json.dumps(report, indent=2, sort_keys=True))
    return path


def summary_line() -> str:
    seconds = sum(entry["seconds"] for entry in TALLY.values())
    return f"bad-input fuzz: {total_inputs()} inputs tried on {len(TALLY)} forms in {seconds:.0f} s"
