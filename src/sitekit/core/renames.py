"""Old names that keep working for this release: environment variables, files, folders, make variables and page
markers renamed by the naming rule (what a developer or a tool types is English). Each old name found is used as
its new name, and told once per process in one line, in the author's language, with the new name to use; an old
name found beside its new one is not read, and that is told once too."""

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
_ignored: set[tuple[str, str]] = set()


def tell(old: str, new: str) -> None:
    """One line on standard error, once per process and name: `old` is the former name of `new`."""
    if (old, new) in _told:
        return
    _told.add((old, new))
    _notice(f"notice: {old} is now called {new} (the old name still works in this release)")


def ignored(old: str, new: str) -> None:
    """One line on standard error, once per process and name: `old` is not read, since `new` (its new name) is
    there too."""
    if (old, new) in _ignored:
        return
    _ignored.add((old, new))
    _notice(f"notice: {old} is not read since {new} exists (move what {old} still holds into {new}, then delete {old})")


def _notice(text: str) -> None:
    try:
        lang = message_language()
    except ValueError:
        lang = "fr"
    print(translate(text, lang), file=sys.stderr)


def told() -> set[tuple[str, str]]:
    """The old names told so far in this process (for tests)."""
    return set(_told)


def told_ignored() -> set[tuple[str, str]]:
    """The old names told not read so far in this process, beside their new one (for tests)."""
    return set(_ignored)


def forget() -> None:
    """Tell every old name again (a test's fresh start)."""
    _told.clear()
    _ignored.clear()


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
    """`root / new`, unless only the old name `root / old` exists: then that one, told once. When both exist, the
    new one is used and the old one is told not read."""
    wanted = root / new
    former = root / old
    if former.exists():
        if not wanted.exists():
            tell(old, new)
            return former
        ignored(old, new)
    return wanted


def shown(root: Path, new: str, old: str) -> tuple[Path, str]:
    """`path(root, new, old)` and its name in messages: the name it has on disk (`new` or `old`)."""
    found = path(root, new, old)
    return found, (new if found == root / new else old)
