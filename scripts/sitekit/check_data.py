"""Every data file loaded through the build's own loaders; a loader's problems become the validator's.

LOADERS is a registry: one line per data file, `(name, load(root, loaded))`, in dependency order. A loader
reads `loaded` for what earlier loaders returned (e.g. call ids for the criteria) and raises ProblemsError
with every problem it found. To add one after a merge, append a line, for example:

    ("kits", lambda root, loaded: load_kits(root / "kits", root)),
    ("criteria", lambda root, loaded: load_criteria(root / "data/criteria.yml", "data/criteria.yml",
                                                    ids(loaded, "calls"), ids(loaded, "kits"))),
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from .calls import load_calls_document
from .campaigns import load_campaigns
from .criteria import load_criteria
from .i18n import load_strings
from .kits import load_kits
from .news import load_authors
from .problems import Problem, ProblemsError

Loader = Callable[[Path, dict[str, Any]], Any]

LOADERS: list[tuple[str, Loader]] = [
    # "calls" holds (calls, YamlDocument): the deadline checks need each call's line.
    ("calls", lambda root, loaded: load_calls_document(root / "data/calls.yml", "data/calls.yml")),
    ("strings", lambda root, loaded: load_strings(root / "data/strings.yml", "data/strings.yml")),
    ("kits", lambda root, loaded: load_kits(root / "kits", root)),
    # Kit references are checked only when there is at least one kit (None: not checked).
    ("criteria", lambda root, loaded: load_criteria(root / "data/criteria.yml", "data/criteria.yml",
                                                    ids(loaded, "calls") or set(), ids(loaded, "kits") or None)),
    ("authors", lambda root, loaded: load_authors(root / "data/authors.yml", "data/authors.yml")),
    ("campaigns", lambda root, loaded: load_campaigns(root / "data/campagnes", "data/campagnes",
                                                      ids(loaded, "kits") or None)),
]


def ids(loaded: dict[str, Any], name: str) -> set[str] | None:
    """Ids of what a loader returned (None when it failed), for loaders that cross-check references."""
    value = loaded.get(name)
    if value is None:
        return None
    items = value[0] if isinstance(value, tuple) else value
    items = items.values() if isinstance(items, dict) else items
    return {getattr(item, "id") for item in items if hasattr(item, "id")}


def load_all(root: Path, loaders: list[tuple[str, Loader]] | None = None) -> tuple[dict[str, Any], list[Problem]]:
    """Run every loader; return what loaded (by name) and the problems of those that did not."""
    loaded: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, load in LOADERS if loaders is None else loaders:
        try:
            loaded[name] = load(root, loaded)
        except ProblemsError as exc:
            problems.extend(exc.problems)
    return loaded, problems
