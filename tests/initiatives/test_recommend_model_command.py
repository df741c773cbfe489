"""`manage.py recommend_model`: JSON in, JSON out, exit status 2 and one line naming the key on bad input."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from initiatives.recommendation import recommend

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = {
    "single_owner": "partly",
    "decisions": "joint",
    "budget": "pooled",
    "data": "exchange",
    "operations": "handoffs",
    "crisis": True,
    "bodies": 4,
}


def run_command(stdin: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("recommend_model", stdin=io.StringIO(stdin), stdout=stdout, stderr=stderr)
    except SystemExit as exit_:
        return exit_.code, stdout.getvalue(), stderr.getvalue()
    return 0, stdout.getvalue(), stderr.getvalue()


def run_manage_py(stdin: bytes) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "recommend_model"],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "DEBUG": "true"},
        timeout=60,
        check=False,
    )


def test_it_writes_the_engines_result_as_json():
    status, stdout, stderr = run_command(json.dumps(ANSWERS))

    assert status == 0
    assert stderr == ""
    assert json.loads(stdout) == recommend(ANSWERS)
    assert json.loads(stdout)["model"] == "joint_programme_board"


def test_it_prints_the_components_with_why_and_keeps_every_earlier_key():
    status, stdout, _stderr = run_command(json.dumps(ANSWERS))

    printed = json.loads(stdout)
    assert status == 0
    assert list(printed) == ["model", "components", "reasons", "alternatives", "warnings"]
    [component] = printed["components"]
    assert component["model"] == "data_sharing_partnership"
    assert component["why"].startswith("You said records are regularly exchanged between bodies.")
    assert all(reason.startswith("You said ") for reason in printed["reasons"])
    assert [alt["model"] for alt in printed["alternatives"]] == [
        "light_coordination",
        "lead_department",
        "shared_service",
        "data_sharing_partnership",
    ]
    assert printed["warnings"][0].startswith("Joint programme board trade-off")


def test_with_nothing_more_needed_the_components_are_an_empty_list():
    status, stdout, _stderr = run_command(json.dumps({**ANSWERS, "data": "definitions"}))

    assert status == 0
    assert '"components": []' in stdout


def test_as_a_real_process_it_answers_on_stdout_and_exits_zero():
    finished = run_manage_py(json.dumps(ANSWERS).encode())

    assert finished.returncode == 0, finished.stderr
    assert json.loads(finished.stdout) == recommend(ANSWERS)
    assert finished.stderr == b""


def test_it_answers_in_a_bare_shell_with_no_secret_key_and_debug_off():
    bare = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "SECRET_KEY"}}
    finished = subprocess.run(
        [sys.executable, "manage.py", "recommend_model"],
        input=json.dumps(ANSWERS).encode(),
        capture_output=True,
        cwd=ROOT,
        env=bare,
        timeout=60,
        check=False,
    )

    assert finished.returncode == 0, finished.stderr
    assert json.loads(finished.stdout) == recommend(ANSWERS)


def test_as_a_real_process_malformed_json_exits_2_with_one_line_and_no_traceback():
    finished = run_manage_py(b'{"single_owner": "yes",')

    stderr = finished.stderr.decode()
    assert finished.returncode == 2
    assert finished.stdout == b""
    assert stderr.count("\n") == 1
    assert stderr.startswith("answers are not valid JSON")
    assert "Traceback" not in stderr


def test_as_a_real_process_a_wrong_type_names_the_key():
    finished = run_manage_py(json.dumps({**ANSWERS, "crisis": "yes"}).encode())

    assert finished.returncode == 2
    assert finished.stderr.decode().splitlines() == [
        'crisis: must be true or false (a JSON boolean), not "yes"'
    ]


def without(key):
    return {k: v for k, v in ANSWERS.items() if k != key}


@pytest.mark.parametrize(
    ("stdin", "starts_with"),
    [
        (json.dumps(without("bodies")), "bodies: missing"),
        (json.dumps(without("single_owner")), "single_owner: missing"),
        (json.dumps({**ANSWERS, "priority": "high"}), "priority: unknown key"),
        (
            json.dumps({**ANSWERS, "decisions": "consensus"}),
            "decisions: must be one of separate, one_body or joint",
        ),
        (json.dumps({**ANSWERS, "budget": 3}), "budget: must be one of"),
        (json.dumps({**ANSWERS, "data": None}), "data: must be one of"),
        (json.dumps({**ANSWERS, "operations": "Handoffs"}), "operations: must be one of"),
        (json.dumps({**ANSWERS, "crisis": "false"}), "crisis: must be true or false"),
        (json.dumps({**ANSWERS, "crisis": 0}), "crisis: must be true or false"),
        (json.dumps({**ANSWERS, "bodies": 0}), "bodies: must be a whole number of 1 or more"),
        (json.dumps({**ANSWERS, "bodies": 2.5}), "bodies: must be a whole number of 1 or more"),
        (json.dumps({**ANSWERS, "bodies": "2"}), "bodies: must be a whole number of 1 or more"),
        (json.dumps({**ANSWERS, "bodies": True}), "bodies: must be a whole number of 1 or more"),
        ('{"crisis": true, "crisis": false}', "crisis: given more than once"),
        ("[1, 2]", "answers must be a JSON object"),
        ('"answers"', "answers must be a JSON object"),
        ("null", "answers must be a JSON object"),
        ("", "answers are not valid JSON"),
        ("{'single_owner': 'yes'}", "answers are not valid JSON"),
        (json.dumps({**ANSWERS, "bodies": float("nan")}), "bodies: must be a whole number of 1 or more"),
        (json.dumps({**ANSWERS, "line\nbreak": 1}), '"line\\nbreak": unknown key'),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_key(stdin, starts_with):
    status, stdout, stderr = run_command(stdin)

    assert status == 2
    assert stdout == ""
    assert stderr.count("\n") == 1
    assert stderr.startswith(starts_with)


def test_every_problem_is_named_on_the_one_line():
    status, _stdout, stderr = run_command(json.dumps({**without("data"), "crisis": "yes", "colour": "red"}))

    assert status == 2
    assert stderr.count("\n") == 1
    for key in ("colour", "data", "crisis"):
        assert f"{key}: " in stderr
