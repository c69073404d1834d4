"""A content-addressed store of the files the build is slow to make (kit PDFs, previews, archives).

Each file is stored under the SHA-256 of everything it is made from: its inputs, what made it (the code and
fonts, the libraries' versions: the `engine`) and its kind. Same inputs, same key, same bytes: a build whose
kits did not change renders nothing and publishes the same bytes as a build without the cache. A changed input
gives a new key; stale files are never read again (`make clean` empties the folder). No cache folder (None):
everything is made every time.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

CACHE_DIR = ".cache"  # under the project root, git-ignored

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
