"""Whether files changed since they were last read: their stamp (modification time in nanoseconds, size), and a
memo of what was made from them, made again only when a stamp (or another input) changed.

The i18n plugin runs the build's steps once per language and `mkdocs serve` rebuilds after each save: what a step
makes from the project's files (a parsed page, its links, a stylesheet, an engine's fingerprint) is kept in
memory for the process and made again only for the files that changed. Not a content hash: reading every file
to hash it would cost what the memo saves; an edit that keeps both time and size is not seen (editors and git
change the time).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Generic, TypeVar

V = TypeVar("V")

Stamp = tuple[int, int]  # (st_mtime_ns, st_size)
Stamps = tuple[tuple[str, int, int], ...]  # (path, st_mtime_ns, st_size) of each file found


def stamp(path: Path) -> Stamp | None:
    """(modification time in ns, size) of a file (or folder); None when it does not exist or cannot be read."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def stamps(paths: Iterable[Path]) -> Stamps:
    """(path, modification time in ns, size) of each of `paths`, in their order; a path that does not exist is
    left out (a file that appears or goes changes the result all the same)."""
    out = []
    for path in paths:
        found = stamp(path)
        if found is not None:
            out.append((path.as_posix(), *found))
    return tuple(out)


class FileMemo(Generic[V]):
    """The last value made for each key, kept while the stamps of its files and its other inputs are the same.

    `memo.get(key, files, make, inputs)` returns what `make()` returned the last time it was called for `key`,
    unless one of `files` changed (stamps taken before `make` runs, so an edit made meanwhile is seen next time)
    or `inputs` (any value compared with ==: a date, a setting) differs. When `make` raises, nothing is kept.
    """

    def __init__(self) -> None:
        self._kept: dict[Hashable, tuple[Stamps, object, V]] = {}

    def get(self, key: Hashable, files: Iterable[Path], make: Callable[[], V], inputs: object = None) -> V:
        current = stamps(files)
        kept = self._kept.get(key)
        if kept is not None and kept[0] == current and kept[1] == inputs:
            return kept[2]
        value = make()
        self._kept[key] = (current, inputs, value)
        return value

    def clear(self) -> None:
        """Forget every value (tests; a long-running process that wants the memory back)."""
        self._kept.clear()
