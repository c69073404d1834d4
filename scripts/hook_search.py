"""MkDocs hook: one search index per language (site/search/, site/en/search/), tolerant of accents, plurals and the
words of data/vocabulaire.yml."""

from __future__ import annotations

import gc
import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sitekit import hooksupport as hook
from sitekit.i18n import DEFAULT_LANGUAGE, LANGUAGES, lang_prefix
from sitekit.outputs import write_output
from sitekit.search_terms import split_index

# Page URL -> its navigation and front-matter titles, gathered over the languages' builds (the search index holds
# only the first heading: « Cybersécurité en santé », not « Accueil »).
_titles: dict[str, list[str]] = {}


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    _titles[page.url] = [str(title) for title in (page.title, page.meta.get("title")) if title]
    return context


@event_priority(-200)  # after the i18n plugin has merged the languages' entries (-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # inner build of a second language: the outer build writes every index
    merged_path = Path(config.site_dir) / "search" / "search_index.json"
    if not merged_path.is_file():
        return
    merged = json.loads(merged_path.read_bytes())
    vocabulary = hook.project(config).vocabulary.by_language()
    # The indexes are made of strings and sets, never cycles: the cyclic garbage collector is paused while they are
    # built (it would go through every object of the build again and again, a fifth of this hook's time).
    # Word stems are kept in .cache/search/ between builds: only new words go through the stemmer.
    collecting = gc.isenabled()
    gc.disable()
    try:
        indexes = split_index(
            merged, LANGUAGES, DEFAULT_LANGUAGE, vocabulary, _titles, stems_folder=hook.cache_folder(config, "search")
        )
    finally:
        if collecting:
            gc.enable()
    for lang, index in indexes.items():
        folder = Path(config.site_dir) / lang_prefix(lang) / "search"
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
        write_output(folder / "search_index.json", data)
        # Same content as a script, for pages opened from file:// (offline plugin format).
        write_output(folder / "search_index.js", b"var __index = " + data)
