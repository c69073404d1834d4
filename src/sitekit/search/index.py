"""The per-language search index files, made from the i18n plugin's merged index (sitekit.search.terms) or read
from the cache when nothing they are made from changed: the merged index, the vocabulary, the pages' titles and
the pages that answer a subject, the code and the word lists that make them.

A build of an unchanged site (a scheduled CI run, a second `make build`) then spends no time on word forms; a
changed page gives new inputs and the indexes are made again. The folder keeps the newest files only.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from sitekit.core.cache import OutputCache, Part, code_files, engine
from sitekit.i18n import strings as i18n
from sitekit.search import terms as search_terms
from sitekit.search.words import WORDS_FILE

KEEP = 8  # index files kept in the folder (the newest): two languages of the last few distinct builds


@lru_cache(maxsize=1)
def _engine() -> str:
    """What makes the indexes: this module and every module it imports (the word forms, the languages), and the
    word lists."""
    return engine([*code_files([__name__]), WORDS_FILE], ["snowballstemmer"], [sys.version])


@dataclass(frozen=True)
class IndexSources:
    """What the indexes are made from: the i18n plugin's merged index (its JSON bytes), the vocabulary's groups of
    words per language, the other titles of each page (its location -> titles), and the pages that answer a
    subject (their location -> the words of its entries: Vocabulary.answers)."""

    merged: bytes
    vocabulary: Mapping[str, Sequence[Sequence[str]]]
    titles: Mapping[str, Sequence[str]]
    answers: Mapping[str, Sequence[str]] = field(default_factory=dict)

    def parts(self) -> list[Part]:
        return [
            self.merged,
            json.dumps(self.vocabulary, ensure_ascii=False, sort_keys=True),
            json.dumps(sorted(self.titles.items()), ensure_ascii=False),
            json.dumps(sorted(self.answers.items()), ensure_ascii=False),
        ]


def index_files(sources: IndexSources, folder: Path | None) -> dict[str, bytes]:
    """Language -> its index as JSON bytes. `folder` (.cache/search/) keeps the indexes and the word stems; None:
    everything is made every time."""
    cache = OutputCache(folder / "indexes" if folder else None, _engine())
    made: dict[str, bytes] = {}

    def make(lang: str) -> bytes:
        if not made:
            made.update(_make(sources, folder))
        return made[lang]

    files = {lang: cache.get(f"{lang}.json", sources.parts(), partial(make, lang)) for lang in i18n.LANGUAGES}
    if made and cache.folder is not None:
        _prune(cache.folder)
    return files


def _make(sources: IndexSources, folder: Path | None) -> dict[str, bytes]:
    # The indexes are made of strings and sets, never cycles: the cyclic garbage collector is paused while they
    # are built (it would go through every object of the build again and again, a fifth of this time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        indexes = search_terms.split_index(
            json.loads(sources.merged),
            i18n.LANGUAGES,
            i18n.DEFAULT_LANGUAGE,
            sources.vocabulary,
            sources.titles,
            stems_folder=folder,
            answers=sources.answers,
        )
    finally:
        if collecting:
            gc.enable()
    return {
        lang: json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
        for lang, index in indexes.items()
    }


def _prune(folder: Path) -> None:
    """Remove all but the KEEP newest index files (a file another build reads at that moment is made again)."""
    try:
        found = sorted(folder.glob("*/*.json"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
        for old in found[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
