"""Feature `search`: one search index per language (site/search/, site/en/search/), tolerant of accents, plurals
and the words of the vocabulary (data/vocabulary.yml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sitekit.i18n.strings import lang_prefix
from sitekit.mkdocs.features import Feature
from sitekit.mkdocs.support import Build
from sitekit.search.index import IndexSources, index_files
from sitekit.site.outputs import write_output


class SearchFeature(Feature):
    name = "search"

    def __init__(self, build: Build) -> None:
        super().__init__(build)
        # Page URL -> its navigation and front-matter titles, gathered over the languages' builds (the search index
        # holds only the first heading: « Cybersécurité en santé », not « Accueil »).
        self._titles: dict[str, list[str]] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """This feature writes each language's index from the entries of all: the i18n plugin's removal of the
        English entries that repeat a French one is switched off (mkdocs.yml says so too). It would take pages out
        of the English index, and it compares every French section with every English one: a tenth of a
        1,000-page build."""
        i18n = config.plugins.get("i18n")
        if i18n is not None and getattr(i18n.config, "reconfigure_search", False):
            i18n.config.reconfigure_search = False
        return config

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        self._titles[page.url] = [str(title) for title in (page.title, page.meta.get("title")) if title]
        return context

    @event_priority(-200)  # after the i18n plugin has merged the languages' entries (-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        i18n = config.plugins.get("i18n")
        if i18n is not None and getattr(i18n, "building", False):
            return  # inner build of a second language: the outer build writes every index
        merged_path = Path(config.site_dir) / "search" / "search_index.json"
        if not merged_path.is_file():
            return
        vocabulary = self.build.project(config).vocabulary
        # Made again only when the merged index, the vocabulary or the titles changed (.cache/search/).
        sources = IndexSources(merged_path.read_bytes(), vocabulary.by_language(), self._titles, vocabulary.answers())
        files = index_files(sources, self.build.cache_folder("search"))
        for lang, data in files.items():
            folder = Path(config.site_dir) / lang_prefix(lang) / "search"
            write_output(folder / "search_index.json", data)
            # Same content as a script, for pages opened from file:// (offline plugin format).
            write_output(folder / "search_index.js", b"var __index = " + data)
