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
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from sitekit.core.cache import read_json, store_json
from sitekit.search.words import ligature_table, word_lists
from sitekit.site.paths import CRITERION_PAGES, NEWS_INDEX, POSTS_DIR

TITLE_FIELD = "title_alt"
TEXT_FIELD = "text_alt"
FIELD_BOOSTS = {TITLE_FIELD: {"boost": 1000.0}, TEXT_FIELD: {"boost": 1.0}}
# Pages that tell the news or detail one item rank after the reference pages of their subject: lunr multiplies
# every field of their sections by these (a location prefix, from the language's root -> its boost).
PAGE_BOOSTS = {
    f"{POSTS_DIR}/": 0.3,
    NEWS_INDEX: 0.3,
    f"{CRITERION_PAGES}/": 0.3,
}

# A page that answers a subject (a vocabulary entry's page:) carries, as words of its title, each one-word term of
# the entry and each phrase written as one word: PHRASE_MARK, then the phrase's words without accents, joined (and
# the same without the words of one or two letters inside it). The search worker looks up every run of 2 to
# MAX_PHRASE_WORDS consecutive words typed, joined so, as a whole word: a phrase typed as written finds its page
# first, a word of it typed alone stays an ordinary word. The mark keeps a typed word from reaching a phrase as
# its prefix (« mot » finds no « _motdepassevole »). docs/assets/javascripts/workers/search-worker.js has both.
PHRASE_MARK = "_"
MAX_PHRASE_WORDS = 8

_WORD = re.compile(r"[^\W\d_]{3,}")
_TAG = re.compile(r"<[^>]+>")
# A run of letters, hyphen, letters...: it starts where a run of letters starts and takes whole runs (the same
# matches as `[^\W\d_]+(?:-[^\W\d_]+)+`, without trying every letter of every word as a start: 3 times faster).
_COMPOUND = re.compile(r"(?<![^\W\d_])[^\W\d_]++(?:[-\u2010\u2011][^\W\d_]++)+")
_HYPHEN = re.compile(r"[-\u2010\u2011]")
_INFLECTED = 5  # a shorter word gets no other form


@lru_cache(maxsize=1 << 16)  # the same words again in every build, and in every `mkdocs serve` rebuild
def fold(word: str) -> str:
    """Lower case without accents or ligatures: 'Hameçonnage' -> 'hameconnage'."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(ligature_table()))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def plain_lower(text: str) -> str:
    """An HTML fragment as lower-case text: tags out, character references decoded."""
    return html.unescape(_TAG.sub(" ", text)).lower()


def words(text: str) -> list[str]:
    """Lower-case words of three letters or more in an HTML fragment."""
    return _WORD.findall(plain_lower(text))


def inflections(word: str, lang: str) -> set[str]:
    """Plural (and singular) forms that neither prefix matching nor the search worker's tolerance of one letter
    reaches: a plural that only adds a letter (« sauvegardes », « réseaux », "backups") is found from its
    singular by that tolerance (docs/assets/javascripts/workers/search-worker.js), and is not stored. The rules
    and the function words given no plural are in words.yml."""
    lists = word_lists()
    if len(word) < _INFLECTED or word in lists.uninflected:
        return set()
    for rule in lists.plural_rules(lang):
        form = rule.form(word)
        if form is not None:
            return {form}
    return set()


@lru_cache(maxsize=1)
def _snowball_version() -> str:
    return version("snowballstemmer")


class Stems:
    """Snowball stems of folded words in one language, kept for the process and, given a folder, between builds: a
    JSON file per language and Snowball version (a word's stem never changes). The stemmer, slow to import and to
    run, is only used for words never seen before."""

    def __init__(self, lang: str, folder: Path | None = None):
        self.lang = lang
        self.path = folder / f"stems-{lang}-snowball-{_snowball_version()}.json" if folder else None
        self.table = _read_table(self.path) if self.path else {}
        self.added = 0
        self._stemmer: Any = None
        self.own = {fold(word): stem for word, stem in word_lists().own_stem(lang).items()}

    def __call__(self, folded: str) -> str:
        own = self.own.get(folded)
        if own is not None:
            return own  # a word of two senses kept apart (words.yml: own_stems), never in the table
        stem = self.table.get(folded)
        if stem is None:
            if self._stemmer is None:
                import snowballstemmer  # here, not at the top: 20 ms to import, and every word may be known

                self._stemmer = snowballstemmer.stemmer(word_lists().stemmers.get(self.lang, "english"))
            stem = self.table[folded] = self._stemmer.stemWord(folded)
            self.added += 1
        return stem

    def save(self) -> None:
        """Write the stems to the folder when words were added."""
        if self.path is not None and self.added:
            store_json(self.path, self.table)
            self.added = 0


def _read_table(path: Path) -> dict[str, str]:
    """The stems in a file; none when it is missing or unreadable (the words are stemmed again)."""
    data = read_json(path)
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


_stems: dict[tuple[str, Path | None], Stems] = {}


def stems_for(lang: str, folder: Path | None = None) -> Stems:
    """The stems of a language, read once per process (`mkdocs serve` rebuilds reuse them)."""
    if (lang, folder) not in _stems:
        _stems[(lang, folder)] = Stems(lang, folder)
    return _stems[(lang, folder)]


class Variants:
    """Word forms for one language, with stem classes learnt from that language's corpus."""

    def __init__(self, lang: str, corpus: Iterable[str] = (), stems: Stems | None = None):
        self.lang = lang
        self._stem_of = stems or stems_for(lang)
        self._stems: dict[str, str] = {}
        self._forms: dict[str, frozenset[str]] = {}  # a word's forms and their folded spellings, made once
        self.classes: dict[str, set[str]] = defaultdict(set)
        for text in corpus:
            self.learn(set(words(text)))

    def learn(self, found: Iterable[str]) -> None:
        """Add words of the corpus to their stem classes (before any extra_terms: forms are made once)."""
        for word in found:
            self.classes[self.stem(word)].add(word)

    def stem(self, word: str) -> str:
        if word not in self._stems:
            self._stems[word] = self._stem_of(fold(word))
        return self._stems[word]

    def extra_terms(self, text: str) -> str:
        """Space-separated forms of the words of `text` that `text` does not already contain."""
        return self.extra_for(set(words(text)))

    def extra_for(self, present: set[str]) -> str:
        """Space-separated forms of the words `present` (the words of a text) that are not among them."""
        return " ".join(sorted(self.extra_set(present)))

    def extra_set(self, present: set[str]) -> set[str]:
        """The forms of the words `present` that are not among them."""
        extra: set[str] = set()
        for word in present:
            extra |= self._word_forms(word)
        return extra - present

    def _word_forms(self, word: str) -> frozenset[str]:
        if word not in self._forms:
            forms = {word} | inflections(word, self.lang) | self.classes.get(self.stem(word), set())
            self._forms[word] = frozenset(forms | {fold(form) for form in forms})
        return self._forms[word]


def split_index(
    merged: dict[str, Any],
    languages: Sequence[str],
    default: str,
    vocabulary: Mapping[str, Sequence[Sequence[str]]] | None = None,
    titles: Mapping[str, Iterable[str]] | None = None,
    stems_folder: Path | None = None,
    answers: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, dict[str, Any]]:
    """Split the i18n plugin's merged index into one index per language, with variant fields.

    Entries of a non-default language have locations starting with '<lang>/'; in that
    language's own index they become relative to the language folder. `vocabulary` gives,
    per language, the groups of words that say the same thing (data/vocabulary.yml);
    `titles`, the other titles of a page (merged location -> front matter and navigation
    titles), whose words its entry carries beside those of its first heading; `answers`, the
    pages that answer a subject (merged location -> the words and phrases of its vocabulary
    entries), whose entry carries them as title words (answer_words). Word stems are kept in
    `stems_folder` between builds.
    """
    docs_by_lang: dict[str, list[dict[str, Any]]] = {lang: [] for lang in languages}
    title_sources: dict[int, str] = {}  # id of an entry -> its heading and its page's other titles
    answered: dict[int, set[str]] = {}  # id of a page's entry -> the title words of the subjects it answers
    for doc in merged.get("docs", []):
        if _bare_heading(doc):
            continue
        lang = next((code for code in languages if code != default and doc["location"].startswith(f"{code}/")), default)
        entry = dict(doc)
        if lang != default:
            entry["location"] = entry["location"][len(lang) + 1 :]
        docs_by_lang[lang].append(entry)
        if "#" not in doc["location"]:
            title_sources[id(entry)] = " ".join([doc.get("title", ""), *(titles or {}).get(doc["location"], ())])
            if answers and doc["location"] in answers:
                answered[id(entry)] = answer_words(answers[doc["location"]])

    indexes: dict[str, dict[str, Any]] = {}
    for lang, docs in docs_by_lang.items():
        # Each title and text is split into words once; the stem classes are learnt from the distinct words of the
        # language, each word's forms are made once (Variants), then each text gets the forms of its words.
        sources = [(title_sources.get(id(d), d.get("title", "")), d.get("text", "")) for d in docs]
        cleaned = [(plain_lower(title), plain_lower(text)) for title, text in sources]  # each text cleaned once
        tokenized = [(_TOKEN.findall(title), _TOKEN.findall(text)) for title, text in cleaned]  # and split once
        found = [(_words_of(title), _words_of(text)) for title, text in tokenized]
        distinct: set[str] = set()
        for title_words, text_words in found:
            distinct.update(title_words, text_words)
        stems = stems_for(lang, stems_folder)
        variants = Variants(lang, stems=stems)
        variants.learn(distinct)
        stems.save()
        matcher = Matcher(vocabulary.get(lang, ()), variants.stem) if vocabulary else None
        for doc, (title, _text), (title_clean, text_clean), (title_tokens, text_tokens), (
            title_words,
            text_words,
        ) in zip(docs, sources, cleaned, tokenized, found, strict=True):
            heading = title_words if title == doc.get("title", "") else set(words(doc.get("title", "")))
            doc[TITLE_FIELD] = _hidden_words(title_clean, title_tokens, title_words, heading, variants, matcher)
            if id(doc) in answered:
                doc[TITLE_FIELD] = " ".join(sorted(set(doc[TITLE_FIELD].split()) | (answered[id(doc)] - heading)))
            doc[TEXT_FIELD] = _hidden_words(text_clean, text_tokens, text_words, text_words, variants, matcher)
        boost_pages(docs, PAGE_BOOSTS)
        config = dict(merged.get("config", {}))
        config["lang"] = [lang]
        config["fields"] = {**config.get("fields", {}), **FIELD_BOOSTS}
        indexes[lang] = {**merged, "config": config, "docs": docs}
    return indexes


def answer_words(terms: Iterable[str]) -> set[str]:
    """The title words of a page that answers the subject of `terms` (a vocabulary entry's words and phrases):
    each one-word term as written (lower case) and without accents, each phrase as one word, marked (PHRASE_MARK),
    without accents, with all its words and without the words of one or two letters inside it: « écran de
    rançon » -> « _ecranderancon », « _ecranrancon »; "call IT" -> "_callit"."""
    out: set[str] = set()
    for term in terms:
        found = tokens(term)
        if len(found) == 1:
            out |= {found[0], fold(found[0])}
            continue
        out |= phrase_words([fold(word) for word in found])
    return out


def phrase_words(folded: Sequence[str]) -> set[str]:
    """The words of the index for a phrase (its words, folded, in order): PHRASE_MARK then its words joined, and
    the same without the words of one or two letters inside it (its first and last words kept: "call IT")."""
    inner = [word for word in folded[1:-1] if len(word) > _SHORT]
    return {PHRASE_MARK + "".join(folded), PHRASE_MARK + "".join([folded[0], *inner, folded[-1]])}


def _bare_heading(doc: Mapping[str, Any]) -> bool:
    """A section that is only its heading (its content left out of search, as the guide's table of messages):
    it answers nothing, and its title, weighed as a title, would rank before the pages that say the word (the
    guide's heading « Liens » before the incident page for « lien piégé »). The page keeps its own entry."""
    return "#" in doc["location"] and not plain_lower(doc.get("text", "")).strip()


def compounds(text: str) -> set[str]:
    """Hyphenated words written as one, with and without accents: « médico-social » gives « médicosocial » and
    « medicosocial » (lunr splits words at hyphens, and a reader may not type one)."""
    return _compounds(plain_lower(text))


def _compounds(clean: str) -> set[str]:
    if "-" not in clean and "\u2010" not in clean and "\u2011" not in clean:
        return set()
    joined = {_HYPHEN.sub("", word) for word in _COMPOUND.findall(clean)}
    return joined | {fold(word) for word in joined}


def hidden_words(
    source: str, source_words: set[str], shown: set[str], variants: Variants, matcher: Matcher | None
) -> str:
    """The words of a hidden field: those of `source` (whose words are `source_words`) that the text shown lacks
    (`shown`: its words), their other forms, and the vocabulary's equivalents of its words and phrases."""
    clean = plain_lower(source)
    return _hidden_words(clean, _TOKEN.findall(clean), source_words, shown, variants, matcher)


def _hidden_words(
    clean: str,
    source_tokens: list[str],
    source_words: set[str],
    shown: set[str],
    variants: Variants,
    matcher: Matcher | None,
) -> str:
    extra = (source_words - shown) | variants.extra_set(source_words) | _compounds(clean)
    if matcher is not None:
        extra |= matcher.equivalents(source_tokens)
    return " ".join(sorted(extra - shown))


def _words_of(tokens: list[str]) -> set[str]:
    """The words (as words() finds them) of a text split into tokens: a word is inside one token, and a token of
    letters only is one word when it has three letters or more."""
    out: set[str] = set()
    for token in set(tokens):
        if token.isalpha():
            if len(token) >= 3:
                out.add(token)
        else:
            out.update(_WORD.findall(token))
    return out


# --- the vocabulary of the field: equivalents of a section's words ---------------------------------------------

_TOKEN = re.compile(r"[^\W_]+")
_EXACT = 3  # a token this short (an acronym, mostly) matches only itself, unstemmed
_SHORT = 2  # a word of a phrase this short (« à », « de », "by") is not worth a place in the index

Stem = Callable[[str], str]  # a word -> its stem


def tokens(text: str) -> list[str]:
    """Lower-case words (letters and digits) of a text or an HTML fragment, in order."""
    return _TOKEN.findall(plain_lower(text))


class Matcher:
    """Finds the vocabulary's words and phrases of one language in texts; gives the words of the other terms
    of the entries found."""

    def __init__(self, groups: Sequence[Sequence[str]], stem: Stem):
        self._stem = stem
        self._keys: dict[str, str] = {}
        # first key of a term -> (keys of the whole term, entry index)
        self._starts: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
        self._words: list[frozenset[str]] = []
        for index, group in enumerate(groups):
            for term in group:
                keys = self.keys(tokens(term))
                if keys:
                    self._starts[keys[0]].append((keys, index))
            self._words.append(frozenset(_index_words(group)))

    def key(self, token: str) -> str:
        """What two spellings of a word share: the folded word if it is short or holds a digit, else its stem."""
        if token not in self._keys:
            folded = fold(token)
            short = len(folded) <= _EXACT or any(c.isdigit() for c in folded)
            self._keys[token] = folded if short else self._stem(folded)
        return self._keys[token]

    def keys(self, words: Iterable[str]) -> tuple[str, ...]:
        return tuple(self.key(word) for word in words)

    def entries_in(self, words: Sequence[str]) -> set[int]:
        """Indexes of the entries one of whose terms is in `words` (a text's tokens, in order)."""
        # Each distinct token is keyed once; only the positions of a term's first word are looked at.
        keyed = {word: self.key(word) for word in set(words)}
        starts = {word for word, key in keyed.items() if key in self._starts}
        found: set[int] = set()
        if not starts:
            return found
        keys: list[str] | None = None  # the key of every token, made for the first phrase
        for position in [p for p, word in enumerate(words) if word in starts]:
            for term, index in self._starts[keyed[words[position]]]:
                if index in found:
                    continue
                if len(term) > 1:
                    keys = keys or [keyed[word] for word in words]
                    if tuple(keys[position : position + len(term)]) != term:
                        continue
                found.add(index)
        return found

    def equivalents(self, words: Sequence[str]) -> set[str]:
        """The index words of every entry found in `words`, except those `words` already holds."""
        out: set[str] = set()
        for index in self.entries_in(words):
            out |= self._words[index]
        return out - set(words)


def boost_pages(docs: Iterable[dict[str, Any]], boosts: Mapping[str, float]) -> None:
    """Give the sections of the pages under each location prefix of `boosts` its boost."""
    for doc in docs:
        for prefix, boost in boosts.items():
            if doc["location"].startswith(prefix):
                doc["boost"] = boost


def _index_words(group: Sequence[str]) -> set[str]:
    """The words an entry puts in the index: each word of its terms as written (lower case) and without
    accents; short words of phrases left out."""
    out: set[str] = set()
    for term in group:
        words = tokens(term)
        for word in words:
            if len(words) == 1 or len(word) > _SHORT:
                out |= {word, fold(word)}
    return out
