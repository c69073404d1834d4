"""The Markdown pages of docs/ as the validator reads them: front matter, prose lines, generated folders left out."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitekit.core.problems import ProblemsError
from sitekit.pages.frontmatter import parse_page
from sitekit.pages.generated import is_generated
from sitekit.pages.prose import outside_code_blocks


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

    @property
    def is_post(self) -> bool:
        """A news post (front matter date:): it tells the news as of its date, and is not reviewed."""
        return "date" in self.front_matter and self.relative.startswith("actualites/")

    def prose_lines(self) -> list[tuple[int, str]]:
        """(line number, text) of the body outside fenced code blocks."""
        return list(outside_code_blocks(self.lines[self.body_start - 1 :], self.body_start))


def read_page(file: Path, docs_dir: Path, shown_as: str = "docs") -> MarkdownPage:
    """Read one page (OSError and UnicodeDecodeError are left to the caller: unreadable input)."""
    text = file.read_text(encoding="utf-8")
    lines = tuple(text.splitlines())
    relative = file.relative_to(docs_dir).as_posix()
    path = f"{shown_as}/{relative}"
    try:
        page = parse_page(text, path)  # the front-matter parser the build's news feature uses
    except ProblemsError as exc:
        return MarkdownPage(path, relative, lines, front_matter_error=exc.problems[0].message)
    if page.meta is None:
        return MarkdownPage(path, relative, lines)
    key_lines = {str(loc[0]): line for loc, line in page.meta.lines.items() if len(loc) == 1}
    return MarkdownPage(path, relative, lines, page.data, key_lines, "", page.body_line)


def read_pages(docs_dir: Path, shown_as: str = "docs") -> list[MarkdownPage]:
    """Every hand-written Markdown page under docs_dir, sorted by path; a page that is not UTF-8 is left out
    (the editorial check names it, with the line of its first bad byte)."""
    pages = []
    for file in sorted(docs_dir.rglob("*.md")):
        try:
            if not is_generated(file, docs_dir):
                pages.append(read_page(file, docs_dir, shown_as))
        except UnicodeDecodeError:
            continue
    return pages
