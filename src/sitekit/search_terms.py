"""Per-language search indexes whose extra fields let accent-less and plural queries match.

Material's search (lunr.js) matches a query term as a prefix of an indexed word and
neither folds accents nor stems query terms that carry its automatic wildcard. So the
index itself carries, for each page section, the other forms a reader may type: the
word without accents, its plural, and the words of the whole corpus that share its
Snowball stem. They go in fields that are searched but never displayed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import snowballstemmer

TITLE_FIELD = "title_alt"
TEXT_FIELD = "text_alt"
FIELD_BOOSTS = {TITLE_FIELD: {"boost": 1000.0}, TEXT_FIELD: {"boost": 1.0}}

_STEMMER_NAMES = {"fr": "french", "en": "english"}
_WORD = re.compile(r"[^\W\d_]{3,}")
_TAG = re.compile(r"<[^>]+>")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})
# Function words get no plural: a reader never searches for "avecs" or "cettes".
_NO_INFLECTION = frozenset(
    [
        "ainsi",
        "alors",
        "aussi",
        "autre",
        "autres",
        "avant",
        "avec",
        "cette",
        "dans",
        "depuis",
        "donc",
        "elle",
        "elles",
        "encore",
        "entre",
        "leur",
        "leurs",
        "lorsque",
        "mais",
        "notre",
        "nous",
        "pendant",
        "plus",
        "pour",
        "quand",
        "quel",
        "quelle",
        "sans",
        "selon",
        "sont",
        "sous",
        "tous",
        "tout",
        "toute",
        "toutes",
        "votre",
        "vous",
        "about",
        "after",
        "also",
        "before",
        "from",
        "have",
        "into",
        "more",
        "most",
        "only",
        "other",
        "over",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "very",
        "what",
        "when",
        "where",
        "which",
        "while",
        "will",
        "with",
    ]
)


def fold(word: str) -> str:
    """Lower case without accents or ligatures: 'Hameçonnage' -> 'hameconnage'."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Lower-case words of three letters or more in an HTML fragment."""
    return _WORD.findall(html.unescape(_TAG.sub(" ", text)).lower())


def inflections(word: str, lang: str) -> set[str]:
    """Regular plural (and irregular singular) forms that prefix matching cannot reach."""
    forms: set[str] = set()
    if len(word) < 5 or word in _NO_INFLECTION:
        return forms
    if lang == "fr":
        if word.endswith("aux"):
            forms.add(word[:-3] + "al")
        elif word.endswith("al"):
            forms.add(word[:-2] + "aux")
        elif word.endswith(("eau", "au", "eu")):
            forms.add(word + "x")
        elif not word.endswith(("s", "x", "z")):
            forms.add(word + "s")
    elif lang == "en":
        if word.endswith("ies"):
            forms.add(word[:-3] + "y")
        elif word.endswith("y") and len(word) > 3 and word[-2] not in "aeiou":
            forms.add(word[:-1] + "ies")
        elif word.endswith(("s", "x", "z", "ch", "sh")):
            forms.add(word + "es")
        else:
            forms.add(word + "s")
    return forms


class Variants:
    """Word forms for one language, with stem classes learnt from that language's corpus."""

    def __init__(self, lang: str, corpus: Iterable[str]):
        self.lang = lang
        self._stemmer = snowballstemmer.stemmer(_STEMMER_NAMES.get(lang, "english"))
        self._stems: dict[str, str] = {}
        self._forms: dict[str, frozenset[str]] = {}  # a word's forms and their folded spellings, made once
        self.classes: dict[str, set[str]] = defaultdict(set)
        for text in corpus:
            for word in words(text):
                self.classes[self.stem(word)].add(word)

    def stem(self, word: str) -> str:
        if word not in self._stems:
            self._stems[word] = self._stemmer.stemWord(fold(word))
        return self._stems[word]

    def extra_terms(self, text: str) -> str:
        """Space-separated forms of the words of `text` that `text` does not already contain."""
        present = set(words(text))
        extra: set[str] = set()
        for word in present:
            extra |= self._word_forms(word)
        return " ".join(sorted(extra - present))

    def _word_forms(self, word: str) -> frozenset[str]:
        if word not in self._forms:
            forms = {word} | inflections(word, self.lang) | self.classes.get(self.stem(word), set())
            self._forms[word] = frozenset(forms | {fold(form) for form in forms})
        return self._forms[word]


def split_index(merged: dict[str, Any], languages: Sequence[str], default: str) -> dict[str, dict[str, Any]]:
    """Split the i18n plugin's merged index into one index per language, with variant fields.

    Entries of a non-default language have locations starting with '<lang>/'; in that
    language's own index they become relative to the language folder.
    """
    docs_by_lang: dict[str, list[dict[str, Any]]] = {lang: [] for lang in languages}
    for doc in merged.get("docs", []):
        lang = next((code for code in languages if code != default and doc["location"].startswith(f"{code}/")), default)
        entry = dict(doc)
        if lang != default:
            entry["location"] = entry["location"][len(lang) + 1 :]
        docs_by_lang[lang].append(entry)

    indexes: dict[str, dict[str, Any]] = {}
    for lang, docs in docs_by_lang.items():
        variants = Variants(lang, (d.get("title", "") + " " + d.get("text", "") for d in docs))
        for doc in docs:
            doc[TITLE_FIELD] = variants.extra_terms(doc.get("title", ""))
            doc[TEXT_FIELD] = variants.extra_terms(doc.get("text", ""))
        config = dict(merged.get("config", {}))
        config["lang"] = [lang]
        config["fields"] = {**config.get("fields", {}), **FIELD_BOOSTS}
        indexes[lang] = {**merged, "config": config, "docs": docs}
    return indexes
