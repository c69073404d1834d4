"""The imports of the package's modules as Python's parser reads them (every import statement, those inside
functions and under `if TYPE_CHECKING:` too): what the layering tests check, and what the cache keys' import reader
(sitekit.core.cache.module_imports) is compared with."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "sitekit"
MODULES = sorted(PACKAGE.rglob("*.py"))


def module_name(file: Path, package: Path = PACKAGE) -> str:
    parts = file.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(file: Path, package: Path = PACKAGE) -> list[tuple[int, str]]:
    """(line, name) of every sitekit module or package a file imports; `from a.b import c` gives a.b and a.b.c
    (c may be a module)."""
    name = module_name(file, package)
    here = name if file.name == "__init__.py" else name.rpartition(".")[0]
    out: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: `.` is this package, each further dot one level up
                anchor = here.rsplit(".", node.level - 1)[0] if node.level > 1 else here
                base = f"{anchor}.{base}" if base else anchor
            out.append((node.lineno, base))
            out += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return [(line, name) for line, name in out if name == "sitekit" or name.startswith("sitekit.")]
