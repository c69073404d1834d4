"""A content-addressed store of the files the build is slow to make (kit PDFs, previews, archives).

Each file is stored under the SHA-256 of everything it is made from: its inputs, what made it (the code and
fonts, the libraries' versions: the `engine`) and its kind. The code is found, not listed: `code_files` gives the
source of the modules that make an output and of every sitekit module they import, so that a module added later
is in the key as soon as it is imported. Same inputs, same key, same bytes: a build whose
kits did not change renders nothing and publishes the same bytes as a build without the cache. A changed input
gives a new key; stale files are never read again (`make clean` empties the folder). No cache folder (None):
everything is made every time.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from sitekit.core.filestamp import FileMemo

CACHE_DIR = ".cache"  # under the project root, git-ignored
PACKAGE = Path(__file__).resolve().parents[1]  # the sitekit package's folder

# What a cache key is made of: text, bytes or numbers (None and booleans included), in order.
Part = str | bytes | int | float | bool | None


def fingerprint(parts: Iterable[Part]) -> str:
    """SHA-256 of a sequence of parts, each tagged with its type and length (no two sequences collide)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else repr(part).encode("utf-8")
        digest.update(f"{type(part).__name__}:{len(data)}:".encode())
        digest.update(data)
    return digest.hexdigest()


def engine(files: Iterable[Path], packages: Iterable[str], others: Iterable[str] = ()) -> str:
    """What makes the outputs: the bytes of `files` (code, fonts), the installed versions of `packages` and
    `others` (e.g. the zlib and Python versions)."""
    parts: list[Part] = [*others]
    for file in files:
        parts += [file.name, file.read_bytes()]
    for package in packages:
        try:
            parts += [package, version(package)]
        except PackageNotFoundError:
            parts += [package, None]
    return fingerprint(parts)


# An import statement of a sitekit module, absolute or relative: `import sitekit.x`, `from sitekit.x import a, b`,
# `from . import y`, `from ..x import (a,\n b)`; read as text (3 ms for the package, where parsing it is 100 ms).
_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(?P<base>sitekit(?:\.\w+)*|\.+(?:\w+(?:\.\w+)*)?)[ \t]+import[ \t]+"
    r"(?P<names>\([^)]*\)|[^\n#]*)|import[ \t]+(?P<modules>sitekit(?:\.\w+)*(?:[ \t]*,[ \t]*[\w.]+)*))",
    re.MULTILINE,
)


def module_imports(package: Path = PACKAGE) -> dict[str, frozenset[str]]:
    """Each module of the package (dotted name) -> the modules of the package it imports, wherever the import
    statement is (a function, `if TYPE_CHECKING:`); `from a import b` counts a, and a.b when b is a module. Read
    again only when a file of the package changed."""
    files = sorted(package.rglob("*.py"))
    return _graphs.get(package, files, lambda: _module_imports(package, files))


_graphs: FileMemo[dict[str, frozenset[str]]] = FileMemo()


def _module_imports(package: Path, files: list[Path]) -> dict[str, frozenset[str]]:
    names = {_module_name(file, package): file for file in files}
    graph: dict[str, frozenset[str]] = {}
    for name, file in names.items():
        here = name if file.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for match in _IMPORT.finditer(file.read_text(encoding="utf-8")):
            if match["modules"]:
                found.update(part.strip().split()[0] for part in match["modules"].split(","))
                continue
            base = match["base"]
            if base.startswith("."):
                dots = len(base) - len(base.lstrip("."))
                anchor = here.rsplit(".", dots - 1)[0] if dots > 1 else here
                base = f"{anchor}.{base[dots:]}" if base[dots:] else anchor
            found.add(base)
            for item in re.sub(r"#[^\n]*", "", match["names"]).strip().strip("()").split(","):
                if item.split():
                    found.add(f"{base}.{item.split()[0]}")  # `b` of `b as c`: a module, or a name (left out below)
        graph[name] = frozenset(found & names.keys())
    return graph


def _module_name(file: Path, package: Path) -> str:
    parts = file.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def code_files(roots: Iterable[str], package: Path = PACKAGE) -> list[Path]:
    """The source files of the modules `roots` (dotted names) and of every module of the package they import,
    directly or through others, with the __init__.py of their packages; sorted."""
    graph = module_imports(package)
    seen: set[str] = set()
    pending = list(roots)
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        if name not in graph:
            raise ValueError(f"{name} is not a module of {package}")  # a misspelt root: a developer's mistake
        seen.add(name)
        parents = name.split(".")
        pending += [".".join(parents[:end]) for end in range(1, len(parents))]
        pending += graph[name]
    return sorted(_file_of(name, package) for name in seen)


def importers(module: str, package: Path = PACKAGE) -> list[str]:
    """The modules of the package that import `module` themselves, sorted."""
    return sorted(name for name, imported in module_imports(package).items() if module in imported)


def _file_of(name: str, package: Path) -> Path:
    path = package.parent.joinpath(*name.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


class OutputCache:
    """Files made from inputs, stored as <folder>/<key[:2]>/<key>.<kind>."""

    def __init__(self, folder: Path | None, engine: str):
        self.folder = folder
        self.engine = engine
        self.made = 0  # files made (not found in the cache) by this instance
        self.found = 0

    def get(self, kind: str, inputs: Iterable[Part], make: Callable[[], bytes]) -> bytes:
        """The bytes `make()` returns for these inputs: read from the cache when they were made before."""
        if self.folder is None:
            self.made += 1
            return make()
        key = fingerprint([kind, self.engine, *inputs])
        path = self.folder / key[:2] / f"{key}.{kind}"
        try:
            data = path.read_bytes()
        except OSError:
            pass
        else:
            self.found += 1
            return data
        data = make()
        self.made += 1
        store(path, data)
        return data


def store(path: Path, data: bytes) -> None:
    """Write a cache file through a temporary file of this process and a rename: a concurrent build never reads half
    a file; a cache that cannot be written (read-only checkout) only makes builds slower."""
    tmp = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(tmp, path)
    except OSError:
        if tmp:
            Path(tmp).unlink(missing_ok=True)


def read_json(path: Path) -> object:
    """What a JSON file of the cache holds; None when it is missing or unreadable (made again, then)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def store_json(path: Path, value: object) -> None:
    """Keep `value` in a JSON file of the cache (keys sorted: the same value, the same bytes)."""
    store(path, json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8"))
