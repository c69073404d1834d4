"""The Markdown pages of docs/ checked before MkDocs reads them: size, UTF-8, front matter parsed with the data
files' YAML rules (no anchor, alias or deep nesting), and the plain text of the title and description that
the theme writes into every page's head.

MkDocs itself stops on a page that is not UTF-8 with a traceback, and parses front matter with PyYAML's
plain safe loader (an alias bomb there would exhaust memory): this check runs first (scripts/hook_safety.py).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from sitekit.core.cache import code_files, engine, read_json, store_json
from sitekit.core.filestamp import FileMemo
from sitekit.core.problems import Problem, ProblemsError
from sitekit.core.text import decode_utf8, text_problem
from sitekit.pages.frontmatter import parse_page

MAX_PAGE_BYTES = 1_000_000  # one Markdown page (the longest today is about 20 kB)
HEAD_FIELDS = ("title", "description")  # front matter the theme writes into <title> and <meta>


def page_source_problems(docs_dir: Path, shown_as: str = "docs", cache_folder: Path | None = None) -> list[Problem]:
    """Every problem of every Markdown page under `docs_dir`, in path order. `cache_folder` (.cache/pages/) keeps
    the fingerprints of the pages found without problem: a later build reads them again but does not parse them."""
    known = _known_good(cache_folder)
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        problems += source_problems(path, f"{shown_as}/{path.relative_to(docs_dir).as_posix()}", known)
    if known is not None:
        known.save()
    return problems


class KnownGood:
    """Fingerprints of pages checked without problem (their shown name, their bytes and this check's code), kept in
    a file between builds."""

    def __init__(self, file: Path):
        self.file = file
        self.added = False
        found = read_json(file)
        self.fingerprints: set[str] = {f for f in found if isinstance(f, str)} if isinstance(found, list) else set()
        self.seen: set[str] = set()  # those of the pages of this build

    def save(self) -> None:
        """Write the file when pages were added; when it holds many more pages than the build has (old versions of
        edited pages), keep those of this build only."""
        if len(self.fingerprints) > 4 * len(self.seen) + 100:
            self.fingerprints &= self.seen
            self.added = True
        if self.added:
            store_json(self.file, sorted(self.fingerprints))
            self.added = False


_known: dict[Path, KnownGood] = {}


def _known_good(folder: Path | None) -> KnownGood | None:
    if folder is None:
        return None
    file = folder / f"checked-{_engine()[:16]}.json"
    if file not in _known:
        _known[file] = KnownGood(file)
    return _known[file]


@lru_cache(maxsize=1)
def _engine() -> str:
    """What the check is made of: its code and the code it calls (every module it imports)."""
    return engine(code_files([__name__]), [])


# The i18n plugin checks the pages once per language, and `mkdocs serve` after each save: a page is read again
# only when it changed. (path, shown) -> its problems and its fingerprint ("" when it was not taken).
_checked: FileMemo[tuple[list[Problem], str]] = FileMemo()


def source_problems(path: Path, shown: str, known: KnownGood | None = None) -> list[Problem]:
    """The problems of one page: too large, not UTF-8, front matter that does not parse, head fields that are
    not plain text."""
    problems, fingerprint = _checked.get((path, shown), [path], lambda: _checked_page(path, shown, known))
    if known is not None and fingerprint:
        known.seen.add(fingerprint)
    return list(problems)


def _checked_page(path: Path, shown: str, known: KnownGood | None) -> tuple[list[Problem], str]:
    """The page's problems, and its fingerprint when `known` is given: a page `known` holds is not parsed, one
    found without problem is added to it."""
    size = path.stat().st_size
    if known is None or size > MAX_PAGE_BYTES:
        return _source_problems(path, shown, size), ""
    fingerprint = hashlib.sha256(shown.encode("utf-8") + b"\0" + path.read_bytes()).hexdigest()
    if fingerprint in known.fingerprints:
        return [], fingerprint
    problems = _source_problems(path, shown, size)
    if not problems:
        known.fingerprints.add(fingerprint)
        known.added = True
    return problems, fingerprint


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
