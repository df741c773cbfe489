"""No module over 400 lines and no function over 60 lines, outside migrations and tests."""

import importlib.util
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("code_shape", ROOT / "scripts" / "code_shape.py")
code_shape = importlib.util.module_from_spec(_spec)
sys.modules["code_shape"] = code_shape  # dataclasses look their module up there
_spec.loader.exec_module(code_shape)


def _function(name, body_lines):
    body = "\n".join(f"    x{i} = {i}" for i in range(body_lines))
    return f"def {name}():\n{body}\n"


def test_no_module_or_function_in_the_application_is_too_long():
    found = code_shape.too_long()

    assert found == [], "\n".join(str(item) for item in found)


def test_it_counts_a_function_from_its_def_line_to_the_end_of_its_body(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "fits.py").write_text("@decorator\n" + _function("fits", 59))
    (tmp_path / "app" / "long.py").write_text(_function("long", 60))

    found = code_shape.too_long(tmp_path)

    assert [(item.path, item.name, item.lines) for item in found] == [("app/long.py", "long()", 61)]


def test_it_finds_long_methods_and_nested_functions_by_their_dotted_names(tmp_path):
    nested = textwrap.indent(_function("inner", 61), "    ")
    source = "class Report:\n" + textwrap.indent(_function("outer", 1) + nested, "    ")
    (tmp_path / "report.py").write_text(source)

    found = code_shape.too_long(tmp_path)

    assert [item.name for item in found] == ["Report.outer()", "Report.outer.inner()"]


def test_it_flags_a_module_over_400_lines(tmp_path):
    (tmp_path / "fits.py").write_text("x = 1\n" * 400)
    (tmp_path / "long.py").write_text("x = 1\n" * 401)

    found = code_shape.too_long(tmp_path)

    assert [(item.path, item.name, item.lines) for item in found] == [("long.py", "module", 401)]


def test_it_leaves_out_migrations_and_tests(tmp_path):
    for folder in ("app/migrations", "tests"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "long.py").write_text("x = 1\n" * 401 + _function("long", 61))

    assert code_shape.too_long(tmp_path) == []
