"""Feature `news`: news posts published from their date (the build date), the news list (`<!-- news-index -->`),
the newest posts (`<!-- news-latest -->`, on the staff home), post headers and footers, and the Atom feed of each
language."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitekit.core.filestamp import FileMemo
from sitekit.core.problems import Problem, ProblemsError
from sitekit.mkdocs.features import Feature
from sitekit.mkdocs.support import Build, fill, page_language, write_exports
from sitekit.news.model import Post, load_posts, published_posts, unpublished_sources
from sitekit.news.schedule import scheduled_files, unpublished_link_problems
from sitekit.news.view import NewsRenderer, atom_feed
from sitekit.project import Project
from sitekit.site.paths import FEED


@dataclass(frozen=True)
class _Prepared:
    """What on_config prepares from the news posts for the later events of the build."""

    project: Project
    posts: list[Post]
    renderer: NewsRenderer
    hidden: set[str]  # docs/ paths of the posts not yet published, and of the files only they use
    by_path: dict[str, Post]  # each post by the absolute path of its source (File.abs_src_path)


class NewsFeature(Feature):
    name = "news"

    def __init__(self, build: Build) -> None:
        super().__init__(build)
        self._prepared: _Prepared | None = None
        self._schedule: FileMemo[tuple[list[Problem], set[str]]] = FileMemo()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = self.build.first_pass_project(config)
        if project is None:
            return config
        docs_dir, today = Path(config.docs_dir), self.build.today
        try:
            posts = load_posts(docs_dir, project.authors)
        except ProblemsError as exc:
            raise PluginError(f"the news posts are invalid:\n{self.build.format(exc.problems)}") from None
        renderer = self.build.renderer(
            project, "news", lambda templates: NewsRenderer(templates, project.strings, project.authors), "news"
        )
        keep = [*config.extra_css, *map(str, config.extra_javascript)]
        links, hidden = self._scheduled(docs_dir, posts, today, keep)
        if links:
            raise PluginError(f"a published page links to a post not yet published:\n{self.build.format(links)}")
        # English pages that fall back to the French file find the French post.
        by_path = {os.path.normpath(os.path.join(config.docs_dir, p.src_uri)): p for p in posts}
        self._prepared = _Prepared(project, posts, renderer, hidden, by_path)
        return config

    def _scheduled(
        self, docs_dir: Path, posts: list[Post], today: date, keep: list[str]
    ) -> tuple[list[Problem], set[str]]:
        """Links to posts not yet published, and the files held back: both read every page of docs/, so they are
        worked out again only when a file of docs/, a post or the date changed (`mkdocs serve` rebuilds after each
        save)."""
        if not unpublished_sources(posts, today):
            return [], set()
        files = sorted(path for path in docs_dir.rglob("*") if path.is_file())
        return self._schedule.get(
            docs_dir,
            files,
            lambda: (unpublished_link_problems(docs_dir, posts, today), scheduled_files(docs_dir, posts, today, keep)),
            inputs=(today, tuple(keep), tuple((p.src_uri, p.slug, p.date) for p in posts)),
        )

    @property
    def _ready(self) -> _Prepared:
        if self._prepared is None:
            raise RuntimeError("the news feature's on_config has not run")
        return self._prepared

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Drop the posts dated after the build date, and their images, before the i18n plugin (priority -100)
        sorts the languages: no page, no search entry, no sitemap entry, no file."""
        hidden = self._ready.hidden
        for file in [f for f in files if f.src_uri in hidden]:
            files.remove(file)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        prepared = self._ready
        renderer = prepared.renderer
        post = prepared.by_path.get(page.file.abs_src_path or "")
        if post is not None:
            markdown = (
                renderer.header(post, page.url) + markdown.rstrip("\n") + "\n\n" + renderer.footer(post, page.url)
            )
        lang = page_language(config)

        def published() -> list[Post]:
            return published_posts(prepared.posts, self.build.today, lang)

        markdown = fill(markdown, "news-index", lambda: renderer.index(published(), lang, page.url))
        return fill(markdown, "news-latest", lambda: renderer.latest(published(), lang, page.url))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The feed of the language being built, under its root (the i18n plugin builds each language in turn)."""
        prepared, lang, today = self._ready, page_language(config), self.build.today
        project = prepared.project
        data = atom_feed(
            published_posts(prepared.posts, today, lang),
            lang,
            config.site_url or "",
            project.strings,
            project.authors,
            today,
        )
        write_exports(config, "", {FEED: data})
