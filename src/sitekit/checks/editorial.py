"""The validator's editorial check: every Markdown page of docs/ (its front matter, images and French typography,
news posts included), the links to posts not yet published, the menu's labels and the French texts of the data
files. Each job lives in its own module; this one walks the pages and the data files. Pure: returns problems,
never raises for bad input."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from sitekit.checks.images import image_problems
from sitekit.checks.metadata import metadata_problems
from sitekit.checks.navigation import navigation_problems
from sitekit.checks.typography import french_data_problems, is_french, typography_problems
from sitekit.core.problems import Problem, ProblemsError
from sitekit.core.text import decode_utf8
from sitekit.news.model import AUTHORS_NOT_LOADED, Author, Post, load_authors, post_problems
from sitekit.news.schedule import unpublished_link_problems
from sitekit.pages.frontmatter import parse_page
from sitekit.pages.generated import is_generated_text
from sitekit.pages.prose import prose, prose_lines
from sitekit.project import AUTHORS
from sitekit.site.paths import POSTS_DIR


def page_problems(
    text: str, src_uri: str, shown: str, authors: Mapping[str, Author]
) -> tuple[Post | None, list[Problem]]:
    """Every editorial problem of one Markdown page (and the post it is, if it is a valid post)."""
    try:
        page = parse_page(text, shown)
    except ProblemsError as exc:
        return None, list(exc.problems)
    problems: list[Problem] = []
    post = None
    if src_uri.startswith(POSTS_DIR + "/"):
        post, found = post_problems(page, src_uri, authors)
        problems += found
    else:
        problems += metadata_problems(page)
    french = is_french(src_uri)
    if french and page.meta is not None:
        for key in ("title", "description"):
            value = page.data.get(key)
            if isinstance(value, str):
                problems += typography_problems(prose(value), shown, page.meta.line((key,)), key)
    for number, line, text_only in prose_lines(page.body, page.body_line):
        problems += image_problems(line, shown, number)
        if french:
            problems += typography_problems(text_only, shown, number)
    return post, problems


def editorial_problems(
    docs_dir: Path, root: Path, today: date, shown_as: str = "docs", authors: Mapping[str, Author] | None = None
) -> list[Problem]:
    """Every editorial problem of the pages under `docs_dir` and the French texts of the data files under `root`.

    `authors`: data/authors.yml already loaded (the validator's data check did); else it is loaded here.
    """
    problems: list[Problem] = []
    if authors is None:
        try:
            authors = load_authors(root / AUTHORS, AUTHORS)
        except ProblemsError as exc:
            problems += exc.problems  # (the validator passes the project's, AUTHORS_NOT_LOADED when it failed)
            authors = AUTHORS_NOT_LOADED
    posts: list[Post] = []
    for path in sorted(docs_dir.rglob("*.md")):
        src_uri = path.relative_to(docs_dir).as_posix()
        shown = f"{shown_as}/{src_uri}"
        try:
            text = decode_utf8(path.read_bytes(), shown)
        except ProblemsError as exc:
            problems += exc.problems
            continue
        if is_generated_text(text):
            continue
        post, found = page_problems(text, src_uri, shown, authors)
        problems += found
        if post is not None:
            posts.append(post)
    problems += unpublished_link_problems(docs_dir, posts, today, shown_as)
    problems += navigation_problems(root)
    problems += french_data_problems(root)
    return sorted(problems)
