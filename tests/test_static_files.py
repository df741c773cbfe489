"""Production serves static files from collectstatic's output: hashed names and a manifest."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_collectstatic_with_production_storage_finds_every_file_the_stylesheets_ask_for(tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DATABASE_URL"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env={**env, "DEBUG": "false", "VAR_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "staticfiles" / "staticfiles.json").read_text())
    assert "govuk/joined-up.min.css" in manifest["paths"]
    assert "govuk/govuk-frontend.min.js" in manifest["paths"]
