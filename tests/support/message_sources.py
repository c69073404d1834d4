"""The English texts of every problem and build error the code can write, read from its source (not run).

Each text is a template: the literal parts of a string or f-string, `{}` for every value filled in. The test of
the message catalogue (tests/unit/i18n/test_messages.py) checks that each one has its entry in
src/sitekit/i18n/messages.yml, so that no message an author can meet exists in English only.

Where a text is written (the calls that make a problem): `Problem(path, line, field, message, fix, level)`, a
collector's `add(path, line, field, message, fix, level)`, `problem(message, fix)` in a schema check,
`PluginError(message)` in a feature, and the calls listed in SITES below; plus the `(message, fix)` pairs that the
typography check collects in a list.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Modules whose messages an author meets: data loaders, page checks, the validator, the plugin's features.
SOURCES = tuple(sorted((ROOT / "src" / "sitekit").rglob("*.py")))
# Modules whose messages only a developer meets (benchmark, weight budgets, external-link progress).
DEVELOPER_ONLY = {"weight.py", "bench.py"}

# Calls that make a problem or a build error: each argument that is a sentence (a text with a space) is a
# message, a fix, or a field name written in words ("front matter").
SITES = {
    "Problem",
    "add",
    "problem",
    "_RefusedSyntax",
    "PluginError",
    "BuildDateError",
    "load_mapping",
    "say",
    "MessageLanguageError",
}
# Module constants holding a message or a fix (FIX_STALE = "...").
CONSTANT = re.compile(r"(^|_)(FIX|MESSAGE|PROBLEM)(_|$)")


@dataclass(frozen=True)
class Written:
    """One English template and where the code writes it."""

    template: str
    path: str
    line: int


def template_of(node: ast.expr) -> str | None:
    """The template of a string expression: literals kept, every value as `{}`; None if not a string."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("{", "{{").replace("}", "}}")
    if isinstance(node, ast.JoinedStr):
        out = ""
        for part in node.values:
            if isinstance(part, ast.Constant) and isinstance(part.value, str):
                out += part.value.replace("{", "{{").replace("}", "}}")
            else:
                out += "{}"
        return out
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = template_of(node.left), template_of(node.right)
        if left is not None and right is not None:
            return left + right
        if left is not None or right is not None:
            return (left or "{}") + (right or "{}")
    return None  # a conditional: each branch is collected on its own (see _strings)


def _strings(node: ast.expr) -> list[ast.expr]:
    """The string expressions an argument can be: both branches of `a if c else b`, else itself."""
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return [node]


def _pair(node: ast.expr) -> list[ast.expr]:
    """Both texts of a `(message, fix)` tuple, else nothing."""
    if isinstance(node, ast.Tuple) and len(node.elts) == 2 and all(template_of(e) is not None for e in node.elts):
        return list(node.elts)
    return []


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def written_templates(files: tuple[Path, ...] = SOURCES) -> list[Written]:
    """Every English message and fix template the given modules write, in file and line order."""
    found: list[Written] = []
    for file in files:
        if file.name in DEVELOPER_ONLY:
            continue
        tree = ast.parse(file.read_text(encoding="utf-8"))
        shown = file.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            args: list[ast.expr] = []
            if isinstance(node, ast.Call) and _name(node.func) in SITES:
                args += node.args + [k.value for k in node.keywords]
            elif isinstance(node, ast.Call) and _name(node.func) == "append" and node.args:
                args += _pair(node.args[0])  # found.append((message, fix)) in the typography check
            elif isinstance(node, ast.Return) and node.value is not None:
                args += _pair(node.value)  # return message, fix (schema.describe)
            elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and CONSTANT.search(t.id) for t in node.targets
            ):
                args.append(node.value)
            for arg in args:
                for expr in _strings(arg):
                    template = template_of(expr)
                    if template is not None and template.strip("{} ") and " " in template.strip():
                        found.append(Written(template, shown, expr.lineno))
    return found
