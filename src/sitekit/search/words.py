"""The word lists of the search index, as data (words.yml beside this module): each language's stemmer, the
ligatures a folded word spells out, the function words given no plural, and the plural rules. Read once per
process; the file is part of the package, checked by its tests (a mistake in it is the code's, not an author's)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import Field

from sitekit.core.schema import Model

WORDS_FILE = Path(__file__).with_name("words.yml")


class PluralRule(Model):
    """A word ending in `ending` (whose letter before it is not one of `not_after`) has the form `becomes`
    in place of that ending."""

    ending: str = Field(min_length=1)
    becomes: str
    not_after: str = ""

    def form(self, word: str) -> str | None:
        """The other form of `word`, or None when the rule does not apply to it."""
        if not word.endswith(self.ending) or len(word) <= len(self.ending):
            return None
        if word[-len(self.ending) - 1] in self.not_after:
            return None
        return word[: -len(self.ending)] + self.becomes


class WordLists(Model):
    stemmers: dict[str, str]
    ligatures: dict[str, str]
    uninflected: frozenset[str]
    plurals: dict[str, tuple[PluralRule, ...]]
    own_stems: dict[str, dict[str, tuple[str, ...]]] = Field(default_factory=dict)

    def own_stem(self, lang: str) -> dict[str, str]:
        """Each word kept apart in `lang` -> the stem of its group (its name after "=", which no Snowball stem
        starts with)."""
        return {word: f"={stem}" for stem, group in self.own_stems.get(lang, {}).items() for word in group}

    def plural_rules(self, lang: str) -> tuple[PluralRule, ...]:
        return self.plurals.get(lang, ())


@lru_cache(maxsize=1)
def word_lists() -> WordLists:
    """The lists of words.yml, read on first use."""
    return WordLists.model_validate(yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def ligature_table() -> dict[int, str]:
    """The ligatures as a table for str.translate."""
    return str.maketrans(word_lists().ligatures)
