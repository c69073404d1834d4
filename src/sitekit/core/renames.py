"""Old names that keep working for this release: environment variables, files, folders, make variables and page
markers renamed by the naming rule (what a developer or a tool types is English). Each old name found is used as
its new name, and told once per process in one line, in the author's language, with the new name to use."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from sitekit.i18n.messages import message_language, translate

# Environment variables: new name -> old name, still read when the new one is not set.
ENVIRONMENT = {
    "SITEKIT_TODAY": "CARE_TODAY",
    "SITEKIT_PROFILE": "SITE_PROFILE",
}

_told: set[tuple[str, str]] = set()


def tell(old: str, new: str) -> None:
    """One line on standard error, once per process and name: `old` is the former name of `new`."""
    if (old, new) in _told:
        return
    _told.add((old, new))
    try:
        lang = message_language()
    except ValueError:
        lang = "fr"
    print(
        translate(f"notice: {old} is now called {new} (the old name still works in this release)", lang),
        file=sys.stderr,
    )


def told() -> set[tuple[str, str]]:
    """The old names told so far in this process (for tests)."""
    return set(_told)


def forget() -> None:
    """Tell every old name again (a test's fresh start)."""
    _told.clear()


def environment(name: str, environ: Mapping[str, str] | None = None) -> str:
    """The value of the environment variable `name` (stripped; "" when unset), or of its old name, told once."""
    env = os.environ if environ is None else environ
    value = env.get(name, "").strip()
    old = ENVIRONMENT.get(name)
    if not value and old is not None:
        value = env.get(old, "").strip()
        if value:
            tell(old, name)
    return value


def environment_value(name: str, environ: Mapping[str, str] | None = None) -> str:
    """The value of the environment variable `name` itself (stripped; "" when unset), its old name ignored."""
    return (os.environ if environ is None else environ).get(name, "").strip()


def path(root: Path, new: str, old: str) -> Path:
    """`root / new`, unless only the old name `root / old` exists: then that one, told once."""
    wanted = root / new
    former = root / old
    if not wanted.exists() and former.exists():
        tell(old, new)
        return former
    return wanted
