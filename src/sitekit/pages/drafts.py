"""Pages marked draft in their front matter (`draft: true`, the key Material's blog gives the same meaning): built
only with drafts (make preview, $SITEKIT_DRAFTS), never in a published site: no page, no menu entry, no search entry,
no site-map entry; a link to one from a published page is a link to an unpublished page.

MkDocs itself gives the key no meaning (its own drafts are the `draft_docs:` patterns of mkdocs.yml, shown by every
`mkdocs serve`): the sitekit plugin drops these pages before the build reads them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sitekit.core.filestamp import FileMemo
from sitekit.core.problems import Level, Problem, ProblemsError
from sitekit.core.text import decode_utf8
from sitekit.i18n.strings import DEFAULT_LANGUAGE, LANGUAGES
from sitekit.pages.frontmatter import parse_page, split_front_matter

DRAFT_KEY = "draft"
_YES = ("true", "yes", "oui", "1")
_memo: FileMemo[int] = FileMemo()


def is_draft(front_matter: dict[str, Any]) -> bool:
    """A page's front matter says `draft: true` (or yes, oui: a page meant private stays private)."""
    value = front_matter.get(DRAFT_KEY)
    return value is True or (isinstance(value, str) and value.strip().lower() in _YES)


def draft_line(path: Path) -> int:
    """The line of `draft: true` in the page at `path`, 0 when the page is not a draft (or cannot be read: the
    page checks report that)."""
    return _memo.get(path, [path], lambda: _draft_line(path))


def _draft_line(path: Path) -> int:
    try:
        text = decode_utf8(path.read_bytes(), path.name)
    except (OSError, ProblemsError):
        return 0
    meta, _, _ = split_front_matter(text)
    if meta is None or DRAFT_KEY not in meta:
        return 0  # most pages: no front matter to parse
    try:
        page = parse_page(text, path.name)
    except ProblemsError:
        return 0
    if page.meta is None or not is_draft(page.data):
        return 0
    return page.meta.line((DRAFT_KEY,))


def draft_pages(docs_dir: Path, src_uris: Iterable[str]) -> set[str]:
    """The pages among `src_uris` (Markdown paths relative to `docs_dir`) marked draft, and the translations of a
    French page marked draft (page.en.md beside page.md: a translation is not published without its page)."""
    uris = [uri for uri in src_uris if uri.endswith(".md")]
    drafts = {uri for uri in uris if draft_line(docs_dir / uri)}
    french = {uri[: -len(".md")] for uri in drafts}
    return drafts | {uri for uri in uris if _page_of(uri) in french}


def _page_of(src_uri: str) -> str:
    """page.en.md -> page; page.md -> page.md's own name (never a translation's page)."""
    stem, _, lang = src_uri[: -len(".md")].rpartition(".")
    return stem if stem and lang in LANGUAGES and lang != DEFAULT_LANGUAGE else ""


def without_pages(nav: Any, pages: set[str]) -> Any:
    """mkdocs.yml's `nav:` without the entries of `pages`, and without the sections they leave empty."""
    if isinstance(nav, str):
        return None if nav in pages else nav
    if isinstance(nav, list):
        kept = [item for item in (without_pages(entry, pages) for entry in nav) if item is not None]
        return kept or None
    if isinstance(nav, dict):
        entries = {key: without_pages(value, pages) for key, value in nav.items()}
        return {key: value for key, value in entries.items() if value is not None} or None
    return nav


def draft_notes(pages: Iterable[tuple[str, dict[str, Any], int]], preview_day: str) -> list[Problem]:
    """The validator's one note per page marked draft: (shown path, front matter, line of draft:); `preview_day`
    (YYYY-MM-DD) the day the fix previews."""
    return [
        Problem(
            shown,
            line,
            DRAFT_KEY,
            "the page is a draft (draft: true): it is not published",
            f"see it with make preview DATE={preview_day}; publish it by removing the line draft: true",
            Level.INFO,
        )
        for shown, front_matter, line in pages
        if is_draft(front_matter)
    ]
