#!/usr/bin/env python3
"""Code shape: list the modules and functions too long to read in one sitting.

    python scripts/code_shape.py

A module over 400 lines splits within its domain; a function over 60 lines splits by what it
does. A function's length counts from its `def` line to the last line of its body (decorators
excluded), methods and nested functions included. Migrations and tests are left out: they are
generated or read as tables of cases. Exits non-zero if anything is too long.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
ROOT = Path(__file__).resolve().parent.parent
SKIPPED_DIRECTORIES = {"migrations", "tests", "node_modules", "var", "static"}


@dataclass(frozen=True)
class TooLong:
    path: str
    name: str  # the module itself, or the function's dotted name inside it
    lines: int
    limit: int

    def __str__(self) -> str:
        return f"{self.path}: {self.name} has {self.lines} lines (limit {self.limit})"


def _skipped(relative: Path) -> bool:
    return any(part in SKIPPED_DIRECTORIES or part.startswith(".") for part in relative.parts)


def python_modules(root: Path = ROOT) -> list[Path]:
    return sorted(path for path in root.rglob("*.py") if not _skipped(path.relative_to(root)))


def _functions(tree: ast.AST, prefix: str = ""):
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield f"{prefix}{node.name}", node
            yield from _functions(node, f"{prefix}{node.name}.")
        elif isinstance(node, ast.ClassDef):
            yield from _functions(node, f"{prefix}{node.name}.")
        else:
            yield from _functions(node, prefix)


def module_shape(path: Path, root: Path = ROOT) -> list[TooLong]:
    source = path.read_text(encoding="utf-8")
    relative = str(path.relative_to(root))
    found = []
    module_lines = len(source.splitlines())
    if module_lines > MAX_MODULE_LINES:
        found.append(TooLong(relative, "module", module_lines, MAX_MODULE_LINES))
    for name, node in _functions(ast.parse(source, filename=relative)):
        lines = node.end_lineno - node.lineno + 1
        if lines > MAX_FUNCTION_LINES:
            found.append(TooLong(relative, f"{name}()", lines, MAX_FUNCTION_LINES))
    return found


def too_long(root: Path = ROOT) -> list[TooLong]:
    return [found for path in python_modules(root) for found in module_shape(path, root)]


def main() -> int:
    found = too_long()
    for item in found:
        print(item)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
