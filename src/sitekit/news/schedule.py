"""What of the news is held back before its day: the pages of posts not yet published, the files kept in a
folder named after one of them, and every other file that only such posts link to (an image put in
docs/assets/images/ for a scheduled post is not published before the post)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from sitekit.core.problems import ProblemsError
from sitekit.news.model import POSTS_DIR, Post, unpublished_sources
from sitekit.pages.frontmatter import read_page
from sitekit.pages.links import page_links, resolve

# (docs_dir, src_uri) -> (modification time, size, files): a page is read again only when it changed.
_linked: dict[tuple[Path, str], tuple[int, int, frozenset[str]]] = {}


def linked_files(docs_dir: Path, src_uri: str) -> set[str]:
    """docs/ paths of the files (not pages) a Markdown page links to or shows."""
    try:
        stat = (docs_dir / src_uri).stat()
    except OSError:
        return set()
    cached = _linked.get((docs_dir, src_uri))
    if cached is None or cached[:2] != (stat.st_mtime_ns, stat.st_size):
        cached = _linked[(docs_dir, src_uri)] = (
            stat.st_mtime_ns,
            stat.st_size,
            frozenset(_linked_files(docs_dir, src_uri)),
        )
    return set(cached[2])


def _linked_files(docs_dir: Path, src_uri: str) -> set[str]:
    try:
        page = read_page(docs_dir / src_uri, src_uri)
    except (ProblemsError, OSError):
        return set()  # reported by the page checks
    out = set()
    for link in page_links(page):
        target = resolve(src_uri, link.path) if link.is_internal and link.path else None
        if target is not None and not target.endswith(".md"):
            out.add(target)
    return out


def scheduled_files(docs_dir: Path, posts: Sequence[Post], today: date, keep: Iterable[str] = ()) -> set[str]:
    """docs/ paths of the files not to publish on `today` (`keep`: files the site needs whatever links to them,
    e.g. its stylesheets)."""
    held = unpublished_sources(posts, today)
    if not held:
        return held
    folders = {f"{POSTS_DIR}/{post.slug}/" for post in posts if post.src_uri in held}
    files = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file())
    held |= {f for f in files if any(f.startswith(folder) for folder in folders)}
    by_scheduled: set[str] = set()
    by_others: set[str] = set()
    for src_uri in (f for f in files if f.endswith(".md")):
        (by_scheduled if src_uri in held else by_others).update(linked_files(docs_dir, src_uri))
    return held | ((by_scheduled - by_others - set(keep)) & set(files))
