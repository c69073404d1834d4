"""The "generated page, do not edit" note that every page written by a feature of the plugin carries, and its one
detector."""

from __future__ import annotations

from pathlib import Path

from sitekit.site.paths import GENERATED_FOLDERS

WORDS = "do not edit, do not commit"
_HEAD = 600  # the note sits in the front matter, at the top of the page


def generated_note(source: str, feature: str) -> str:
    """The note of a page generated from `source` (a data path) by the plugin's `feature` (its name)."""
    return f"Generated from {source} by the sitekit plugin (src/sitekit/mkdocs/features/{feature}.py): {WORDS}."


def is_generated_text(text: str) -> bool:
    """A page whose front matter carries the note."""
    head = text[:_HEAD]
    return head.startswith("---") and WORDS in head


def is_generated(file: Path, docs_dir: Path) -> bool:
    """A page the build writes: in a generated folder, or carrying the note (campaign stubs sit beside the
    hand-written docs/campagnes/index.md, so a whole folder cannot be skipped for one stub)."""
    if file.parent.relative_to(docs_dir).as_posix() in GENERATED_FOLDERS:
        return True
    try:
        return is_generated_text(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return False  # the page's reader reports it
