"""The vocabulary of the field (data/vocabulary.yml): the words staff type for what the pages say, where its
words and phrases are found in a text, whatever their accents, capitals and endings, and the page that answers a
subject (an entry's `page:`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from sitekit.core import renames
from sitekit.core.problems import Collector, ProblemsError
from sitekit.core.schema import LANGUAGE_NAMES, Model, Text, validate_item
from sitekit.core.yamlfile import Location, YamlDocument, dotted, load_mapping
from sitekit.i18n.strings import DEFAULT_LANGUAGE, LANGUAGES
from sitekit.search.terms import MAX_PHRASE_WORDS, Matcher, Variants, stems_for, tokens
from sitekit.site.paths import CAMPAIGN_PAGES, GENERATED_FOLDERS, KIT_PAGES, page_path

VOCABULARY = "data/vocabulary.yml"
OLD_VOCABULARY = "data/vocabulaire.yml"  # its name before this release, still read (sitekit.core.renames)
KIT_FILE = "kit.yml"


class Entry(Model):
    """One subject: the words and phrases of each language that say it, and the page that answers it (the path
    of its French source under docs/, as incident.md; the English page is the one beside it, incident.en.md)."""

    fr: tuple[Text, ...] | None = Field(default=None)
    en: tuple[Text, ...] | None = Field(default=None)
    page: Text | None = Field(default=None)

    def terms(self, lang: str) -> tuple[str, ...]:
        found: tuple[str, ...] | None = getattr(self, lang)
        return found or ()


@dataclass(frozen=True)
class Vocabulary:
    """The entries, in file order."""

    entries: tuple[Entry, ...] = ()

    def groups(self, lang: str) -> list[tuple[str, ...]]:
        """The words and phrases of each entry that has some in `lang`."""
        return [entry.terms(lang) for entry in self.entries if entry.terms(lang)]

    def by_language(self) -> dict[str, list[tuple[str, ...]]]:
        return {lang: self.groups(lang) for lang in LANGUAGES}

    def answers(self) -> dict[str, tuple[str, ...]]:
        """The site path of each page that answers a subject, in each language (incident.html, en/incident.html)
        -> the words and phrases of the entries that name it, in that language."""
        found: dict[str, tuple[str, ...]] = {}
        for entry in self.entries:
            for lang in LANGUAGES:
                if entry.page is not None and entry.terms(lang):
                    path = page_path(entry.page, lang)
                    found[path] = found.get(path, ()) + entry.terms(lang)
        return found


def vocabulary_file(root: Path) -> tuple[Path, str]:
    """The vocabulary file under `root` and its name in messages: data/vocabulary.yml, or data/vocabulaire.yml (its
    old name) when only that one exists."""
    return renames.shown(root, VOCABULARY, OLD_VOCABULARY)


def load_vocabulary(
    file: Path,
    shown: str = VOCABULARY,
    pages: Mapping[str, str] | None = None,
    stems_folder: Path | None = None,
    docs: Path | None = None,
) -> Vocabulary:
    """The vocabulary of `file` (none when the file does not exist: search then works without it);
    ProblemsError with every problem. With `pages` (language -> the text of its pages), an entry none of whose
    words is on the pages of a language is a problem too; with `docs` (the pages' folder), an entry's `page:`
    that is not a hand-written page there, in each language of its words. Word stems are kept in `stems_folder`
    between builds (the search index uses the same: sitekit.search.terms.stems_for)."""
    if not file.exists():
        return Vocabulary()
    doc = load_mapping(
        file,
        shown,
        "expected a mapping with the key entries:",
        "start the file with entries: then one - fr: line per entry",
    )
    problems = Collector()
    for key in doc.data:
        if key != "entries":
            problems.add(shown, doc.line((key,)), str(key), "unknown key", "keep only entries: at the top level")
    raw_entries = doc.data.get("entries")
    if not isinstance(raw_entries, list):
        problems.add(
            shown,
            doc.line(("entries",)),
            "entries",
            "expected a list of entries",
            "write each entry as a list item: - fr: [...] then en: [...] below it",
        )
        raise ProblemsError(problems.problems)
    entries = [
        (index, entry)
        for index, raw in enumerate(raw_entries)
        if (entry := _entry(doc, ("entries", index), raw, problems)) is not None
    ]
    for index, entry in entries:
        if entry.page is not None:
            _answer(doc, ("entries", index), entry, docs, problems)
    for lang in LANGUAGES:
        stems = stems_for(lang, stems_folder)
        matcher = Matcher([entry.terms(lang) for _, entry in entries], Variants(lang, (), stems).stem)
        _repeated_terms(doc, entries, lang, matcher, problems)
        if pages is not None and lang in pages:
            _unused_entries(doc, entries, lang, matcher.entries_in(tokens(pages[lang])), problems)
        stems.save()
    problems.raise_if_errors()
    return Vocabulary(tuple(entry for _, entry in entries))


def _entry(doc: YamlDocument, where: Location, raw: object, problems: Collector) -> Entry | None:
    """The entry at `where`, or None with its problems: not a mapping, no words, a list of one word, a term
    without a letter or digit."""
    entry = validate_item(doc, where, raw, Entry, problems, "fr:, en:", "entry")
    if entry is None:
        return None
    if not any(entry.terms(lang) for lang in LANGUAGES):
        problems.add(doc.path, doc.line(where), dotted(where), "no words", "write fr: [...] or en: [...] (or both)")
        return None
    for lang in LANGUAGES:
        terms = entry.terms(lang)
        if len(terms) == 1:
            problems.add(
                doc.path,
                doc.line(where + (lang, 0)),
                dotted(where + (lang,)),
                f"« {terms[0]} » alone: nothing to find it by",
                "add the words readers type for the same subject, or remove the list",
            )
        for position, term in enumerate(terms):
            if not tokens(term):
                problems.add(
                    doc.path,
                    doc.line(where + (lang, position)),
                    dotted(where + (lang, position)),
                    f"{term!r} has no letter or digit",
                    "write a word or a phrase",
                )
    return entry


def _answer(doc: YamlDocument, where: Location, entry: Entry, docs: Path | None, problems: Collector) -> None:
    """The problems of an entry's `page:`: the page of another language than the default named (the French one
    is named, its translations are found beside it), a page that is not a hand-written page of `docs` in each
    language of the entry's words, a phrase longer than the search worker looks up."""
    page = entry.page or ""
    at = where + ("page",)
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and page.endswith(f".{lang}.md"):
            french = page[: -len(f".{lang}.md")] + ".md"
            problems.add(
                doc.path,
                doc.line(at),
                dotted(at),
                f"« {page} » is the {LANGUAGE_NAMES[lang]} page",
                f"name the French page, {french}: the other languages' pages are found beside it",
            )
            return
    if docs is not None and not _hand_written(docs, page):
        problems.add(
            doc.path,
            doc.line(at),
            dotted(at),
            f"no page docs/{page}",
            "write the path of a hand-written page under docs/, as incident.md, or of a kit's page, as "
            "kits/fiches/hameconnage.md",
        )
    elif docs is not None:
        for lang in LANGUAGES:
            source = _translation(page, lang)
            if entry.terms(lang) and not _hand_written(docs, source):
                problems.add(
                    doc.path,
                    doc.line(at),
                    dotted(at),
                    f"no {LANGUAGE_NAMES[lang]} page docs/{source}",
                    f"translate the page as docs/{source}, or remove the entry's {lang}: words",
                )
    for lang in LANGUAGES:
        for position, term in enumerate(entry.terms(lang)):
            if len(tokens(term)) > MAX_PHRASE_WORDS:
                problems.add(
                    doc.path,
                    doc.line(where + (lang, position)),
                    dotted(where + (lang, position)),
                    f"« {term} » has more than {MAX_PHRASE_WORDS} words: search looks its page up by phrases of "
                    f"{MAX_PHRASE_WORDS} words at most",
                    "shorten it to the words a reader types",
                )


def _translation(page: str, lang: str) -> str:
    """The source of `page` (a French page under docs/) in `lang`: incident.md, incident.en.md."""
    return page if lang == DEFAULT_LANGUAGE else page.removesuffix(".md") + f".{lang}.md"


def _hand_written(docs: Path, source: str) -> bool:
    """Whether `source` (under `docs`) is a page that answers in search: a hand-written Markdown page, or a kit's
    page (kits/fiches/<id>.md and its translations, generated in every language from kits/<id>/kit.yml)."""
    folder, _, name = source.rpartition("/")
    if not source.endswith(".md"):
        return False
    if folder == KIT_PAGES:
        kit_id = name.removesuffix(".md").partition(".")[0]
        return bool(kit_id) and (docs.parent / "kits" / kit_id / KIT_FILE).is_file()
    return folder not in GENERATED_FOLDERS and (docs / source).is_file()


def _repeated_terms(
    doc: YamlDocument, entries: list[tuple[int, Entry]], lang: str, matcher: Matcher, problems: Collector
) -> None:
    """A word or phrase written twice in a language (the same once accents, capitals and endings are set aside:
    « sauvegardes » repeats « sauvegarde »), reported where it is repeated."""
    first: dict[tuple[str, ...], tuple[str, int]] = {}
    for index, entry in entries:
        for position, term in enumerate(entry.terms(lang)):
            where = ("entries", index, lang, position)
            keys = matcher.keys(tokens(term))
            if keys in first:
                earlier, line = first[keys]
                problems.add(
                    doc.path,
                    doc.line(where),
                    dotted(where),
                    f"« {term} » is already in the vocabulary at line {line} (« {earlier} »)",
                    "keep it in one entry: merge the two entries if they are one subject, or remove one",
                )
            elif keys:
                first[keys] = (term, doc.line(where))


def _unused_entries(
    doc: YamlDocument, entries: list[tuple[int, Entry]], lang: str, found: set[int], problems: Collector
) -> None:
    """An entry none of whose words of `lang` is on the pages of that language (`found`: the positions, in
    `entries`, of those that are)."""
    for position, (index, entry) in enumerate(entries):
        if entry.terms(lang) and position not in found:
            where = ("entries", index, lang)
            problems.add(
                doc.path,
                doc.line(where + (0,)),
                dotted(where),
                f"none of these words is on the {LANGUAGE_NAMES[lang]} pages",
                "check their spelling, add a word the pages use, or remove the entry",
            )


def corpus_files(root: Path) -> list[Path]:
    """The files whose text the vocabulary's words must be found in: hand-written pages (docs/**/*.md, not the
    generated ones) and the data the generated pages are made from (data/**/*.yml but this vocabulary, and
    kits/*/kit.yml)."""
    docs = root / "docs"
    pages = [
        path
        for path in sorted(docs.rglob("*.md"))
        if path.parent.relative_to(docs).as_posix() not in GENERATED_FOLDERS
        and not (path.parent == docs / CAMPAIGN_PAGES and path.name[:1].isdigit())
    ]
    vocabulary = {root / VOCABULARY, root / OLD_VOCABULARY}
    data = [path for path in sorted((root / "data").rglob("*.yml")) if path not in vocabulary]
    return pages + data + sorted((root / "kits").glob(f"*/{KIT_FILE}"))


def corpus_texts(root: Path) -> dict[str, str]:
    """Language -> the text of its pages and of the data of generated pages (YAML counts for every language).

    A language with a file that cannot be read (not UTF-8: an old editor's Latin-1) is left out: its text is
    incomplete, so the vocabulary is not checked against it, and the file's own loader names the file and line
    instead of the vocabulary reporting words « missing » from the pages."""
    texts: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    unreadable: set[str] = set()
    for path in corpus_files(root):
        langs = LANGUAGES if path.suffix == ".yml" else (_language_of(path),)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            unreadable.update(langs)  # the file is reported by its own loader
            continue
        for lang in langs:
            texts[lang].append(text)
    return {lang: "\n".join(parts) for lang, parts in texts.items() if lang not in unreadable}


def _language_of(page: Path) -> str:
    suffix = page.stem.rpartition(".")[2] if "." in page.stem else DEFAULT_LANGUAGE
    return suffix if suffix in LANGUAGES else DEFAULT_LANGUAGE
