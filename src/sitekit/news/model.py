"""News posts: authors (data/authors.yml), the post model read from front matter, and which posts are published."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Annotated

from pydantic import Field, TypeAdapter, ValidationError

from sitekit.core.problems import Collector, Problem, ProblemsError
from sitekit.core.schema import Day, Localized, Model, Text, identifier, problems_from_pydantic
from sitekit.core.yamlfile import load_mapping
from sitekit.i18n.strings import DEFAULT_LANGUAGE, LANGUAGES, lang_prefix
from sitekit.pages.frontmatter import Page, read_page
from sitekit.site.paths import POSTS_DIR

# The date is in the file name and must equal date:, so both languages of a post share their publication day.
POST_NAME = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)(?:\.(?P<lang>[a-z]{2}))?\.md")
AuthorId = Annotated[str, identifier("equipe-communication")]
_AUTHOR_ID = TypeAdapter(AuthorId)


class Author(Model):
    name: Localized
    role: Localized


class PostMeta(Model):
    """The front matter of a post (keys a communication team writes)."""

    title: Text
    description: Text
    date: Day
    authors: tuple[AuthorId, ...] = Field(min_length=1)
    categories: tuple[Text, ...] = ()
    review_by: Day | None = None


@dataclass(frozen=True)
class Post:
    src_uri: str  # relative to docs/, e.g. actualites/billets/2025-10-01-cybermois.md
    lang: str
    slug: str  # file name without language suffix and extension, e.g. 2025-10-01-cybermois
    meta: PostMeta
    date_line: int

    @property
    def date(self) -> date:
        return self.meta.date

    @property
    def url(self) -> str:
        """Path of the built page from the site root, e.g. en/actualites/billets/2025-10-01-cybermois.html."""
        return f"{lang_prefix(self.lang)}{POSTS_DIR}/{self.slug}.html"


def load_authors(path: Path, shown: str = "data/authors.yml") -> dict[str, Author]:
    doc = load_mapping(
        path,
        shown,
        "expected one entry per author id",
        "write the id, then name: and role: (fr:, en:) indented below it",
    )
    problems = Collector()
    authors: dict[str, Author] = {}
    for key, raw in doc.data.items():
        try:
            _AUTHOR_ID.validate_python(key)
        except ValidationError as exc:
            error = exc.errors(include_url=False)[0]
            context = error.get("ctx") or {}
            problems.add(
                shown, doc.line((key,)), str(key), context.get("problem", error["msg"]), context.get("fix", "")
            )
            continue
        try:
            authors[key] = Author.model_validate(raw)
        except ValidationError as exc:
            problems.extend(problems_from_pydantic(exc, doc, (key,), Author))
    problems.raise_if_errors()
    return authors


def missing_description(shown: str, line: int) -> Problem:
    return Problem(
        shown,
        line,
        "description",
        "a post needs a description",
        "add description: one sentence shown in the news list, the feed and search results",
    )


# The authors when data/authors.yml could not be read (its problem is reported where it was loaded): the posts'
# author ids are not checked against it, so that the file's own problem is the one an author reads.
AUTHORS_NOT_LOADED: Mapping[str, Author] = MappingProxyType({})


def post_problems(page: Page, src_uri: str, authors: Mapping[str, Author]) -> tuple[Post | None, list[Problem]]:
    """The post described by a parsed page, or the problems that prevent it."""
    shown = page.path
    name = POST_NAME.fullmatch(src_uri.rsplit("/", 1)[-1])
    if name is None or (name["lang"] and name["lang"] not in LANGUAGES) or name["lang"] == DEFAULT_LANGUAGE:
        return None, [
            Problem(
                shown,
                0,
                "file name",
                "a post's file name must be <YYYY-MM-DD>-<slug>.md (French) or <YYYY-MM-DD>-<slug>.en.md (English)",
                "rename it, e.g. 2025-10-01-cybermois-2025.md, slug in lower case with hyphens",
            )
        ]
    if page.meta is None:
        return None, [
            Problem(
                shown,
                1,
                "front matter",
                "a post needs a front matter",
                "start the file with --- then title:, description:, date:, authors:, then ---",
            )
        ]
    problems: list[Problem] = []
    data = page.data
    try:
        meta = PostMeta.model_validate(data)
    except ValidationError as exc:
        return None, [
            missing_description(shown, p.line) if (p.field, p.message) == ("description", "missing") else p
            for p in problems_from_pydantic(exc, page.meta, (), PostMeta)
        ]
    problems += _heading_problems(page)
    date_line = page.meta.line(("date",))
    if meta.date.isoformat() != name["date"]:
        problems.append(
            Problem(
                shown,
                date_line,
                "date",
                f"{meta.date.isoformat()} is not the date of the file name ({name['date']})",
                "give the file name and date: the same day",
            )
        )
    for index, author in enumerate(meta.authors):
        if author not in authors and authors is not AUTHORS_NOT_LOADED:
            problems.append(
                Problem(
                    shown,
                    page.meta.line(("authors", index)),
                    f"authors[{index}]",
                    f"{author!r} is not an author id of data/authors.yml",
                    f"use one of {', '.join(sorted(authors))} or add the author there",
                )
            )
    if problems:
        return None, problems
    lang = name["lang"] or DEFAULT_LANGUAGE
    slug = f"{name['date']}-{name['slug']}"
    return Post(src_uri, lang, slug, meta, date_line), []


def _heading_problems(page: Page) -> list[Problem]:
    """A post's heading is its title: (added by the build); a '# ' line of its own would make two."""
    out, fence = [], None
    for offset, line in enumerate(page.body.splitlines()):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            fence = None if fence and stripped.startswith(fence) else (fence or stripped[:3])
        elif fence is None and line.startswith("# "):
            out.append(
                Problem(
                    page.path,
                    page.body_line + offset,
                    "heading",
                    "a post has no # heading of its own",
                    "delete this line: the title: of the front matter is shown as the heading",
                )
            )
    return out


def load_posts(docs_dir: Path, authors: Mapping[str, Author], shown_as: str = "docs") -> list[Post]:
    """Every post of every language; ProblemsError with all problems at once."""
    posts, problems = read_posts(docs_dir, authors, shown_as)
    Collector(problems).raise_if_errors()
    return posts


def read_posts(
    docs_dir: Path, authors: Mapping[str, Author], shown_as: str = "docs"
) -> tuple[list[Post], list[Problem]]:
    """Every valid post of every language, and the problems of the others (for checks that go on)."""
    problems = Collector()
    posts: list[Post] = []
    folder = docs_dir / POSTS_DIR
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        src_uri = path.relative_to(docs_dir).as_posix()
        shown = f"{shown_as}/{src_uri}"
        try:
            page = read_page(path, shown)
        except ProblemsError as exc:
            problems.extend(exc.problems)
            continue
        post, found = post_problems(page, src_uri, authors)
        problems.extend(found)
        if post is not None:
            posts.append(post)
    return posts, problems.problems


def is_published(post: Post, today: date) -> bool:
    """A post is published from its date on (build date SITEKIT_TODAY, see sitekit.core.today)."""
    return post.date <= today


def published_posts(posts: Sequence[Post], today: date, lang: str | None = None) -> list[Post]:
    """Posts published on `today` (in `lang` if given), newest first, then by file name."""
    chosen = [p for p in posts if is_published(p, today) and (lang is None or p.lang == lang)]
    return sorted(chosen, key=lambda p: (-p.date.toordinal(), p.slug))


def unpublished_sources(posts: Sequence[Post], today: date) -> set[str]:
    """src_uri of the post files not to build on `today`."""
    return {p.src_uri for p in posts if not is_published(p, today)}
