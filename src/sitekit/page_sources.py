"""The Markdown pages of docs/ checked before MkDocs reads them: size, UTF-8, front matter parsed with the data
files' YAML rules (no anchor, alias or deep nesting), and the plain text of the title and description that
the theme writes into every page's head.

MkDocs itself stops on a page that is not UTF-8 with a traceback, and parses front matter with PyYAML's
plain safe loader (an alias bomb there would exhaust memory): this check runs first (scripts/hook_safety.py).
"""

from __future__ import annotations

from pathlib import Path

from sitekit.frontmatter import parse_page
from sitekit.problems import Problem, ProblemsError
from sitekit.text import decode_utf8, text_problem

MAX_PAGE_BYTES = 1_000_000  # one Markdown page (the longest today is about 20 kB)
HEAD_FIELDS = ("title", "description")  # front matter the theme writes into <title> and <meta>


def page_source_problems(docs_dir: Path, shown_as: str = "docs") -> list[Problem]:
    """Every problem of every Markdown page under `docs_dir`, in path order."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        problems += source_problems(path, f"{shown_as}/{path.relative_to(docs_dir).as_posix()}")
    return problems


# (path, shown) -> (modification time, size, problems): the i18n plugin checks the pages once per language, and
# `mkdocs serve` after each save; a page is read again only when it changed.
_checked: dict[tuple[Path, str], tuple[int, int, list[Problem]]] = {}


def source_problems(path: Path, shown: str) -> list[Problem]:
    """The problems of one page: too large, not UTF-8, front matter that does not parse, head fields that are
    not plain text."""
    stat = path.stat()
    cached = _checked.get((path, shown))
    if cached is not None and cached[:2] == (stat.st_mtime_ns, stat.st_size):
        return list(cached[2])
    problems = _source_problems(path, shown, stat.st_size)
    _checked[(path, shown)] = (stat.st_mtime_ns, stat.st_size, problems)
    return list(problems)


def _source_problems(path: Path, shown: str, size: int) -> list[Problem]:
    if size > MAX_PAGE_BYTES:
        return [
            Problem(
                shown,
                0,
                "",
                f"page of {size:,} bytes, over the limit of {MAX_PAGE_BYTES:,} bytes",
                "split it into several pages",
            )
        ]
    try:
        page = parse_page(decode_utf8(path.read_bytes(), shown), shown)
    except ProblemsError as exc:
        return list(exc.problems)
    out = []
    for key in HEAD_FIELDS:
        value = page.data.get(key)
        if value is None or page.meta is None:
            continue
        line = page.meta.line((key,))
        if not isinstance(value, str):
            out.append(
                Problem(shown, line, key, f"expected text, got {type(value).__name__}", "write it as text, in quotes")
            )
            continue
        found = text_problem(value)
        if found is not None:
            out.append(Problem(shown, line, key, *found))
    return out
