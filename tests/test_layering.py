"""Which module may import which, read from the source with ast: lower layers never import higher ones.

Every import counts, inside functions too (a late import is still a dependency); only imports
under `if TYPE_CHECKING:` are left out, since they never run. A module's layer is the last part
of its name: governance.risks.services is a "services" module.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("collab", "initiatives", "governance", "api")


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # the imported module, or the package a name was imported from
    line: int


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def source_files() -> dict[str, Path]:
    return {
        module_name(path): path
        for app in APPS
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
    }


MODULES = source_files()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _resolve(package: str, name: str, known: set[str]) -> str:
    """`from package import name`: the module `package.name` if there is one, else `package`."""
    return f"{package}.{name}" if f"{package}.{name}" in known else package


def imports_in(module: str, source: str, known: set[str]) -> list[Import]:
    """The project modules `source` imports at run time, wherever the import statement is."""
    found: list[Import] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.extend(Import(module, alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.extend(
                Import(module, _resolve(node.module, alias.name, known), node.lineno) for alias in node.names
            )
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(source))
    return [each for each in found if each.target.split(".")[0] in APPS and each.target != module]


ALL_IMPORTS = [
    each for module, path in MODULES.items() for each in imports_in(module, path.read_text(), set(MODULES))
]


def layer(module: str) -> str:
    return module.rsplit(".", 1)[-1]


def breaches(importer, imported, imports: list[Import] = ALL_IMPORTS) -> list[str]:
    return [
        f"{each.module} (line {each.line}) imports {each.target}"
        for each in imports
        if importer(each.module) and imported(each.target)
    ]


def in_app(*apps: str):
    return lambda module: module.split(".")[0] in apps


def in_layer(*layers: str):
    return lambda module: layer(module) in layers


# Modules a model or queryset may lean on: other models and querysets, and pure declarations.
BENEATH_MODELS = ("models", "querysets", "states", "roles", "operating_models")
# Pure logic, tested as tables: no database, no Django models, nothing of the project but each other.
PURE = (
    "collab.state_machine",
    "governance.decisions.states",
    "governance.assurance.states",
    "governance.risks.scoring",
    "governance.glossary.meanings",
    "governance.raci.validation",
    "governance.measures.progress",
    "governance.measures.charts",
    "governance.impossible_dates",
    "initiatives.recommendation",
)


# Choices a pure function may name.
DECLARATIONS = ("initiatives.operating_models",)


def is_pure(module: str) -> bool:
    return any(module == pure or module.startswith(f"{pure}.") for pure in PURE)


def test_initiatives_and_collab_never_import_governance():
    """governance extends initiatives through registries (initiatives.departures) and template tags."""
    assert breaches(in_app("initiatives", "collab"), in_app("governance")) == []


def test_nothing_imports_the_api_it_sits_on_top():
    """The project's URLs include it by its dotted name; no app below it depends on it."""
    assert breaches(lambda module: not module.startswith("api"), in_app("api")) == []


def test_models_and_querysets_import_only_models_querysets_and_declarations():
    importers = in_layer("models", "querysets")
    assert breaches(importers, lambda target: layer(target) not in BENEATH_MODELS) == []


def test_services_never_import_views_presenters_forms_or_the_admin():
    assert breaches(in_layer("services"), in_layer("views", "presenters", "forms", "admin", "urls")) == []


def test_rules_never_import_services_forms_views_or_presenters():
    forbidden = in_layer("services", "forms", "views", "presenters", "admin", "urls", "tasks")
    assert breaches(in_layer("rules", "predicates"), forbidden) == []


def test_forms_and_presenters_never_import_views():
    assert breaches(in_layer("forms", "presenters"), in_layer("views", "admin", "urls")) == []


def test_only_url_modules_import_views():
    assert breaches(lambda module: layer(module) != "urls", in_layer("views")) == []


def test_the_celery_task_index_is_imported_by_nothing_and_pack_services_and_tasks_stay_apart():
    """governance.tasks exists for Celery's autodiscovery; importing it pulls in every domain's tasks."""
    assert breaches(lambda module: True, lambda target: target == "governance.tasks") == []
    pair = {"governance.packs.services", "governance.tasks"}
    assert breaches(lambda module: module in pair, lambda target: target in pair) == []


def test_pure_modules_import_nothing_but_each_other_and_declared_choices():
    assert breaches(is_pure, lambda target: not (is_pure(target) or target in DECLARATIONS)) == []
    for module, path in MODULES.items():
        if is_pure(module):
            assert "django.db" not in path.read_text(), module


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while (member := stack.pop()) != node:
                component.append(member)
            if component:
                found.append(sorted([node, *component]))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_there_are_no_import_cycles():
    graph: dict[str, set[str]] = {}
    for each in ALL_IMPORTS:
        graph.setdefault(each.module, set()).add(each.target)
    assert _cycles(graph) == []


LATE = "def late():\n    from governance.risks.services import risk_create"
TYPING_ONLY = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from governance.risks import services"


@pytest.mark.parametrize(
    ("source", "seen"),
    [
        ("from governance.risks import services", ["governance.risks.services"]),
        (LATE, ["governance.risks.services"]),
        (TYPING_ONLY, []),
        ("import governance.tasks", ["governance.tasks"]),
        ("from django.db import models", []),
    ],
)
def test_the_checker_sees_every_import_that_runs(source, seen):
    found = imports_in("initiatives.example", source, set(MODULES))

    assert [each.target for each in found] == seen
    assert len(breaches(in_app("initiatives"), in_app("governance"), found)) == len(seen)


def test_the_cycle_finder_finds_a_cycle_through_a_late_import():
    assert _cycles({"a.models": {"a.querysets"}, "a.querysets": {"a.models"}, "a.views": {"a.models"}}) == [
        ["a.models", "a.querysets"]
    ]
