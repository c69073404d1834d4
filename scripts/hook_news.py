"""MkDocs hook: news posts published from their date (CARE_TODAY), the news list, post headers and Atom feeds."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TypedDict

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitekit.checks.editorial import unpublished_link_problems
from sitekit.core.problems import Problem, ProblemsError, format_problems
from sitekit.i18n.strings import Strings
from sitekit.mkdocs import support as hook
from sitekit.news.model import FEED, Author, Post, load_posts, published_posts, unpublished_sources
from sitekit.news.schedule import scheduled_files
from sitekit.news.view import NewsRenderer, atom_feed


class _State(TypedDict, total=False):
    """What on_config prepares from the news posts for the later events of the build."""

    today: date
    authors: dict[str, Author]
    posts: list[Post]
    strings: Strings
    renderer: NewsRenderer
    hidden: set[str]  # docs/ paths of the posts not yet published, and of the files only they use
    by_path: dict[str, Post]  # each post by the absolute path of its source (File.abs_src_path)


_state: _State = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = hook.first_pass_project(config)
    if project is None:
        return config
    docs_dir, today = Path(config.docs_dir), hook.today()
    try:
        posts = load_posts(docs_dir, project.authors)
    except ProblemsError as exc:
        raise PluginError(f"the news posts are invalid:\n{exc}") from None
    renderer = hook.renderer(
        project, "news", lambda templates: NewsRenderer(templates, project.strings, project.authors), "news"
    )
    keep = [*config.extra_css, *map(str, config.extra_javascript)]
    links, hidden = _schedule(docs_dir, posts, today, keep)
    if links:
        raise PluginError(f"a published page links to a post not yet published:\n{format_problems(links)}")
    _state.update(
        {
            "today": today,
            "authors": project.authors,
            "posts": posts,
            "strings": project.strings,
            "renderer": renderer,
            "hidden": hidden,
            # English pages that fall back to the French file find the French post.
            "by_path": {os.path.normpath(os.path.join(config.docs_dir, p.src_uri)): p for p in posts},
        }
    )
    return config


_schedules: dict[str, tuple[object, tuple[list[Problem], set[str]]]] = {}


def _schedule(docs_dir: Path, posts: list[Post], today: date, keep: list[str]) -> tuple[list[Problem], set[str]]:
    """Links to posts not yet published, and the files held back: both read every page of docs/, so they are
    worked out again only when a file of docs/, a post or the date changed (`mkdocs serve` rebuilds after each
    save)."""
    if not unpublished_sources(posts, today):
        return [], set()
    files = sorted(path for path in docs_dir.rglob("*") if path.is_file())
    key = (docs_dir, today, tuple(keep), [(p.src_uri, p.slug, p.date) for p in posts], [_stamp(f) for f in files])
    cached = _schedules.get("last")
    if cached is None or cached[0] != key:
        found = (unpublished_link_problems(docs_dir, posts, today), scheduled_files(docs_dir, posts, today, keep))
        cached = _schedules["last"] = (key, found)
    return cached[1]


def _stamp(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return str(path), stat.st_mtime_ns, stat.st_size


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Drop the posts dated after the build date, and their images, before the i18n plugin (priority -100)
    sorts the languages: no page, no search entry, no sitemap entry, no file."""
    for file in [f for f in files if f.src_uri in _state["hidden"]]:
        files.remove(file)
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    renderer = _state["renderer"]
    post = _state["by_path"].get(page.file.abs_src_path or "")
    if post is not None:
        markdown = renderer.header(post, page.url) + markdown.rstrip("\n") + "\n\n" + renderer.footer(post, page.url)
    lang = hook.page_language(config)
    return hook.fill(
        markdown,
        "actualites",
        lambda: renderer.index(published_posts(_state["posts"], _state["today"], lang), lang, page.url),
    )


def on_post_build(*, config: MkDocsConfig) -> None:
    """The feed of the language being built, under its root (the i18n plugin builds each language in turn)."""
    lang = hook.page_language(config)
    data = atom_feed(
        published_posts(_state["posts"], _state["today"], lang),
        lang,
        config.site_url or "",
        _state["strings"],
        _state["authors"],
        _state["today"],
    )
    hook.write_exports(config, "", {FEED: data})
