"""Front matter of Markdown pages: the YAML between the first two `---` lines, parsed with file line numbers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitekit.core.problems import Problem, ProblemsError
from sitekit.core.text import decode_utf8
from sitekit.core.yamlfile import YamlDocument, parse_yaml


@dataclass(frozen=True)
class Page:
    """A Markdown page split in two: its front matter (with lines as in the file) and its body."""

    path: str
    meta: YamlDocument | None  # None when the page has no front matter
    body: str
    body_line: int  # line of the file where the body starts (1-based)

    @property
    def data(self) -> dict[str, Any]:
        return self.meta.data if self.meta is not None and isinstance(self.meta.data, dict) else {}


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter text padded so that its lines are the file's lines, body, body's first line).

    The front matter is None when the page does not start with a `---` line or the block is not closed.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            # One empty line stands for the opening `---`: YAML line n is file line n.
            return "\n" + "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    return None, text, 1


def parse_page(text: str, shown: str) -> Page:
    """Split and parse a page; invalid front matter raises ProblemsError with the file's line."""
    meta_text, body, body_line = split_front_matter(text)
    if meta_text is None:
        if text.startswith("---"):
            raise ProblemsError(
                [
                    Problem(
                        shown,
                        1,
                        "front matter",
                        "the front matter is not closed",
                        "end it with a line holding only ---",
                    )
                ]
            )
        return Page(shown, None, body, body_line)
    doc = parse_yaml(meta_text, shown)
    if doc.data is not None and not isinstance(doc.data, dict):
        raise ProblemsError(
            [
                Problem(
                    shown,
                    2,
                    "front matter",
                    "expected keys such as title: and description:",
                    "write one key: value per line between the two --- lines",
                )
            ]
        )
    return Page(shown, doc, body, body_line)


def read_page(path: Path, shown: str) -> Page:
    return parse_page(decode_utf8(path.read_bytes(), shown), shown)
