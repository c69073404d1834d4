"""What of the news is held back before its day: the pages of posts not yet published, the files kept in a
folder named after one of them, and every other file that only such posts link to (an image put in
docs/assets/images/ for a scheduled post is not published before the post); and the links of published pages to
posts not yet published, which would break (the build stops on them, the validator reports them)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from sitekit.core.filestamp import FileMemo
from sitekit.core.problems import Problem, ProblemsError
from sitekit.news.model import Post, is_published, unpublished_sources
from sitekit.pages.frontmatter import read_page
from sitekit.pages.links import page_links, resolve
from sitekit.site.paths import POSTS_DIR

# A page is read again only when it changed (`mkdocs serve` works the schedule out again after each save).
_targets: FileMemo[tuple[tuple[int, str], ...]] = FileMemo()


def link_targets(docs_dir: Path, src_uri: str) -> tuple[tuple[int, str], ...]:
    """(line, docs/ path) of each link and image of a Markdown page that stays in docs/; none if it does not read."""
    path = docs_dir / src_uri
    return _targets.get((docs_dir, src_uri), [path], lambda: _link_targets(docs_dir, src_uri))


def _link_targets(docs_dir: Path, src_uri: str) -> tuple[tuple[int, str], ...]:
    try:
        page = read_page(docs_dir / src_uri, src_uri)
    except (ProblemsError, OSError):
        return ()  # reported by the page checks
    out = []
    for link in page_links(page):
        target = resolve(src_uri, link.path) if link.is_internal and link.path else None
        if target is not None:
            out.append((link.line, target))
    return tuple(out)


def linked_files(docs_dir: Path, src_uri: str) -> set[str]:
    """docs/ paths of the files (not pages) a Markdown page links to or shows."""
    return {target for _, target in link_targets(docs_dir, src_uri) if not target.endswith(".md")}


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


def _post_key(target: str) -> str | None:
    """'actualites/billets/<slug>' for a link to a post file or page in either language, else None."""
    target = re.sub(r"^en/", "", target)
    name = posixpath.basename(target)
    for ending in (".en.md", ".md", ".html"):
        if name.endswith(ending):
            return posixpath.join(posixpath.dirname(target), name[: -len(ending)])
    return None


def unpublished_link_problems(
    docs_dir: Path, posts: Sequence[Post], today: date, shown_as: str = "docs"
) -> list[Problem]:
    """Errors for each link, in a page built on `today`, to a post that is not published on `today`."""
    waiting = {f"{POSTS_DIR}/{p.slug}": p for p in posts if not is_published(p, today)}
    if not waiting:
        return []
    hidden = {p.src_uri for p in waiting.values()} | {f"{POSTS_DIR}/{p.slug}.en.md" for p in waiting.values()}
    out = []
    for path in sorted(docs_dir.rglob("*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
        if src_uri in hidden:
            continue
        for number, target in link_targets(docs_dir, src_uri):
            post = waiting.get(_post_key(target) or "")
            if post is not None:
                out.append(
                    Problem(
                        f"{shown_as}/{src_uri}",
                        number,
                        "link",
                        f"links to the post {post.slug} which is not published before {post.date.isoformat()}",
                        "remove the link until that day, or schedule this page's link in a post of the same date",
                    )
                )
    return out
