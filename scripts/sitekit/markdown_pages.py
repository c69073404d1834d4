"""The Markdown pages of docs/ as the validator reads them: front matter, prose lines, generated folders left out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# Folders whose pages the build writes (scripts/hook_*.py): never edited by hand, not checked as prose.
GENERATED_FOLDERS = ("appels/fiches", "kits/fiches", "certification/criteres")
# Every generated stub says so in its text (see sitekit.calls_view.GENERATED_NOTE); a folder holding one is skipped.
GENERATED_WORDS = "do not edit, do not commit"

_FENCE = re.compile(r"^\s*(```+|~~~+)")


@dataclass(frozen=True)
class MarkdownPage:
    """One page: its path as shown in messages, its lines, and its front matter with the line of each key."""

    path: str  # e.g. docs/appels/index.md
    relative: str  # e.g. appels/index.md (relative to docs/)
    lines: tuple[str, ...]
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_lines: dict[str, int] = field(default_factory=dict)
    front_matter_error: str = ""
    body_start: int = 1  # 1-based line where the body begins

    def prose_lines(self) -> list[tuple[int, str]]:
        """(line number, text) of the body outside fenced code blocks."""
        out: list[tuple[int, str]] = []
        fence = ""
        for number in range(self.body_start, len(self.lines) + 1):
            text = self.lines[number - 1]
            match = _FENCE.match(text)
            if fence:
                if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                    fence = ""
                continue
            if match:
                fence = match.group(1)
                continue
            out.append((number, text))
        return out


def read_page(file: Path, docs_dir: Path, shown_as: str = "docs") -> MarkdownPage:
    """Read one page (OSError and UnicodeDecodeError are left to the caller: unreadable input)."""
    text = file.read_text(encoding="utf-8")
    lines = tuple(text.splitlines())
    relative = file.relative_to(docs_dir).as_posix()
    path = f"{shown_as}/{relative}"
    if not lines or lines[0].strip() != "---":
        return MarkdownPage(path, relative, lines)
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return MarkdownPage(path, relative, lines, front_matter_error="front matter has no closing --- line")
    block = "\n".join(lines[1:end])
    key_lines = {}
    for offset, line in enumerate(lines[1:end], start=2):
        key = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if key:
            key_lines.setdefault(key.group(1), offset)
    try:
        data = yaml.safe_load(block) or {}
        error = "" if isinstance(data, dict) else "front matter is not a mapping of keys"
    except yaml.YAMLError as exc:
        data, error = {}, f"front matter is not valid YAML ({str(exc).splitlines()[0]})"
    return MarkdownPage(path, relative, lines, data if isinstance(data, dict) else {}, key_lines, error, end + 2)


def is_generated_folder(folder: Path, docs_dir: Path) -> bool:
    relative = folder.relative_to(docs_dir).as_posix()
    if any(relative == g or relative.startswith(g + "/") for g in GENERATED_FOLDERS):
        return True
    for file in folder.glob("*.md"):
        try:
            if GENERATED_WORDS in file.read_text(encoding="utf-8"):
                return True
        except (OSError, UnicodeDecodeError):
            continue
    return False


def read_pages(docs_dir: Path, shown_as: str = "docs") -> list[MarkdownPage]:
    """Every hand-written Markdown page under docs_dir, sorted by path."""
    skipped: dict[Path, bool] = {}
    pages = []
    for file in sorted(docs_dir.rglob("*.md")):
        folder = file.parent
        if folder not in skipped:
            skipped[folder] = is_generated_folder(folder, docs_dir)
        if not skipped[folder]:
            pages.append(read_page(file, docs_dir, shown_as))
    return pages
