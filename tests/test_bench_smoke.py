"""scripts/bench runs from start to end at a tiny size: a smoke test of the benchmark, never a timed test.

It makes its own database beside the configured one (PostgreSQL) or a temporary SQLite file, so it
needs no test database; its figures are not checked, only that every step ran and printed its section.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEADINGS = ("1. Pages:", "2. Load:", "3. Import:", "4. Pack:", "5. Pages after the import")


@pytest.mark.bench
def test_the_benchmark_runs_every_section_at_a_small_size():
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py"), "--small"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ.copy(),
        timeout=600,  # a guard against a hang, not a time limit: a loaded machine takes minutes
        check=False,
    )

    assert done.returncode == 0, done.stdout + done.stderr
    for heading in HEADINGS:
        assert heading in done.stdout, done.stdout
    assert "Sign-in page alone" in done.stdout
    assert re.search(
        r"workers: +\d+ packs in [\d.]+ s with one worker process, [\d.]+ s with two", done.stdout
    )
