"""Scheduled content checked now: every post dated after the build date is checked as it will be published on
its day — its links, images and anchors, links to posts published after it, its review date on that day — and
each problem is reported
today at its file and line with the publication date, so that no build on that day can fail because of it.

(The post's front matter, translation, alternative texts and typography are checked every day for every post by
the editorial and translations checks; campaign items are checked when their file is loaded, whatever their date.)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from sitekit.checks.families import generated_pages
from sitekit.checks.freshness import freshness_problems
from sitekit.checks.links import Anchors, Site, anchor_problem
from sitekit.core.problems import Problem, ProblemsError
from sitekit.i18n.strings import DEFAULT_LANGUAGE, LANGUAGES, lang_prefix
from sitekit.news.model import Post, is_published
from sitekit.pages.frontmatter import Page, read_page
from sitekit.pages.links import MarkdownLink, heading_ids, headings, page_links, resolve
from sitekit.pages.markdown import read_page as read_markdown_page
from sitekit.project import Project

FIX_PATH = (
    "write the path from the post's folder: ../../ goes up to docs/ (a kit page is ../../kits/fiches/<kit>.md, "
    "an image kept beside the post is <post file name without .md>/<image>.png)"
)


class _Docs:
    """What docs/ will hold on a post's day: its files, generated pages, and posts by their file."""

    def __init__(self, docs_dir: Path, posts: Sequence[Post], generated: set[str], site: Site | None):
        self.dir = docs_dir
        self.generated = generated
        self.files = {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file()} | generated
        self.posts = {p.src_uri: p for p in posts}
        self.site = site
        self._ids: dict[str, Anchors | None] = {}

    def post_of(self, target: str) -> Post | None:
        """The post a link points to (either language's file), if it is a post."""
        found = self.posts.get(target)
        if found is None and target.endswith(".md"):
            for lang in LANGUAGES:
                if lang != DEFAULT_LANGUAGE and target.endswith(f".{lang}.md"):
                    found = self.posts.get(target[: -len(f".{lang}.md")] + ".md")
        return found

    def anchors(self, target: str, lang: str) -> Anchors | None:
        """Anchors of the page `target` (a docs/ .md path) in `lang`: from the built page when it is built today,
        else from its Markdown headings; None when they cannot be known (a generated page before a build)."""
        key = f"{lang}:{target}"
        if key not in self._ids:
            self._ids[key] = self._read_anchors(target, lang)
        return self._ids[key]

    def _read_anchors(self, target: str, lang: str) -> Anchors | None:
        stem = target[: -len(".md")]
        for other in LANGUAGES:
            if other != DEFAULT_LANGUAGE and stem.endswith(f".{other}"):
                stem = stem[: -len(other) - 1]
        source = f"{stem}.{lang}.md" if lang != DEFAULT_LANGUAGE else f"{stem}.md"
        built = f"{lang_prefix(lang)}{stem}.html"
        if self.site is not None and built in self.site.files:
            page = self.site.page(built)
            shown = source if (self.dir / source).is_file() else f"{stem}.md"
            return Anchors(f"docs/{shown}", page.ids, page.headings)
        if target in self.generated:
            return None  # its headings come from its data: known once it is built (--site)
        for candidate in (source, f"{stem}.md"):
            if (self.dir / candidate).is_file():
                try:
                    page_read = read_page(self.dir / candidate, candidate)
                except ProblemsError:
                    return None  # its own problems are reported by the editorial check
                return Anchors(f"docs/{candidate}", heading_ids(page_read), headings(page_read))
        return None


def _link_problem(docs: _Docs, post: Post, page: Page, link: MarkdownLink) -> Problem | None:
    """What would break on the post's day because of this link (None when nothing)."""
    if not link.is_internal:
        return None  # an address on the web: checked by --external
    day = post.date.isoformat()
    path, anchor = link.path, link.anchor

    def problem(message: str, fix: str) -> Problem:
        return Problem(page.path, link.line, "link", message, fix)

    if not path:  # an anchor of the post itself
        ids = heading_ids(page)
        if anchor and anchor not in ids:
            return problem(
                f"anchor {link.url!r}: no heading #{anchor} in this post",
                "use the anchor of one of its headings (## Heading gives #heading)",
            )
        return None
    target = resolve(post.src_uri, path)
    if target is None:
        return problem(f"link {link.url!r} leaves docs/", FIX_PATH)
    if target.endswith(".html"):
        return problem(
            f"link {link.url!r} to a built page",
            f"link to its Markdown file instead: {link.url.replace('.html', '.md', 1)}",
        )
    if target not in docs.files:
        return problem(f"link {link.url!r}: docs/{target} does not exist", FIX_PATH)
    linked = docs.post_of(target)
    if linked is not None and not is_published(linked, post.date):
        return problem(
            f"link {link.url!r}: the post {linked.slug} is published only on {linked.date.isoformat()}, after {day}",
            "move one of the two dates, or link it from a post published on that day or later",
        )
    if anchor and target.endswith(".md"):
        known = docs.anchors(target, post.lang)
        if known is not None and anchor not in known.ids:
            others = [found for lang in LANGUAGES if lang != post.lang and (found := docs.anchors(target, lang))]
            return problem(*anchor_problem(link.url, anchor, known, others))
    return None


def scheduled(problems: Iterable[Problem], day: date) -> list[Problem]:
    """Problems of a post that is published on `day`, told as such."""
    return [replace(p, message=f"scheduled for {day.isoformat()}: {p.message}") for p in problems]


def scheduled_problems(
    docs_dir: Path,
    posts: Sequence[Post],
    today: date,
    project: Project,
    site: Site | None = None,
    grace_days: int = 30,
    shown_as: str = "docs",
) -> list[Problem]:
    """Every problem the posts not yet published will have on their day, reported today."""
    docs = _Docs(docs_dir, posts, generated_pages(project), site)
    out: list[Problem] = []
    for post in sorted(posts, key=lambda p: p.src_uri):
        if is_published(post, today):
            continue
        file = docs_dir / post.src_uri
        try:
            page = read_page(file, f"{shown_as}/{post.src_uri}")
        except ProblemsError:
            continue  # the editorial check reports it
        found = [p for link in page_links(page) if (p := _link_problem(docs, post, page, link)) is not None]
        as_markdown = read_markdown_page(file, docs_dir, shown_as)
        found += freshness_problems([as_markdown], post.date, grace_days)  # a review_by passed by then
        out += scheduled(found, post.date)
    return out
