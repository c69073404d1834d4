"""Site languages and the interface strings of generated pages and templates (data/strings.yml)."""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitekit.core import renames
from sitekit.core.filestamp import FileMemo
from sitekit.core.problems import Collector
from sitekit.core.text import text_problem
from sitekit.core.yamlfile import load_mapping

LANGUAGES: tuple[str, ...] = ("fr", "en")
DEFAULT_LANGUAGE = "fr"


def lang_prefix(lang: str) -> str:
    """Folder of a language inside the built site: '' for French, 'en/' for English."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


@dataclass(frozen=True)
class Strings:
    """Interface strings: key -> {language: text}."""

    table: dict[str, dict[str, str]]

    def get(self, key: str, lang: str) -> str:
        try:
            return self.table[key][lang]
        except KeyError:
            raise KeyError(f"interface string {key!r} has no {lang!r} text in data/strings.yml") from None

    def for_language(self, lang: str) -> dict[str, str]:
        return {key: texts[lang] for key, texts in self.table.items()}


def load_strings(file: Path, display_path: str = "data/strings.yml") -> Strings:
    """Load interface strings; every key must have a non-empty text in every language.

    Several features ask for them in one build: the file is parsed again only when it changed (a file that does
    not load is reported by the loader every time).
    """
    return _strings.get((file.resolve(), display_path), [file], lambda: _parse_strings(file, display_path))


_strings: FileMemo[Strings] = FileMemo()


def _parse_strings(file: Path, display_path: str) -> Strings:
    doc = load_mapping(
        file,
        display_path,
        "expected a mapping of keys to {fr, en}",
        "write one key per line, each with fr: and en: texts",
    )
    problems = Collector()
    table: dict[str, dict[str, str]] = {}
    for key, texts in doc.data.items():
        line = doc.line((key,))
        name = OLD_KEYS.get(str(key), str(key))
        if name != key:
            if name in doc.data:
                renames.ignored(str(key), name)
                continue
            renames.tell(str(key), name)
        if not isinstance(texts, dict):
            problems.add(display_path, line, str(key), "expected {fr: ..., en: ...}", "give one text per language")
            continue
        for lang in LANGUAGES:
            text = texts.get(lang)
            if text is not None and not isinstance(text, str):
                problems.add(
                    display_path,
                    doc.line((key, lang)),
                    f"{key}.{lang}",
                    f"{text!r} is not a text",
                    "put the text in quotes",
                )
            elif not isinstance(text, str) or not text.strip():
                problems.add(display_path, line, f"{key}.{lang}", "missing or empty text", f"add the {lang} text")
            else:
                found = text_problem(text) or _placeholder_problem(text)
                if found is not None:
                    problems.add(display_path, doc.line((key, lang)), f"{key}.{lang}", *found)
        placeholders = {
            lang: names
            for lang in LANGUAGES
            if isinstance(texts.get(lang), str) and (names := _placeholders(texts[lang])) is not None
        }
        if len({frozenset(names) for names in placeholders.values()}) > 1:
            shown = "; ".join(f"{lang}: {', '.join(sorted(names)) or 'none'}" for lang, names in placeholders.items())
            problems.add(
                display_path,
                line,
                str(key),
                f"the languages do not use the same {{placeholders}} ({shown})",
                "use the same names between braces in every language",
            )
        for extra in sorted(set(texts) - set(LANGUAGES), key=str):
            problems.add(
                display_path,
                doc.line((key, extra)),
                f"{key}.{extra}",
                "unknown language",
                f"use only {', '.join(LANGUAGES)}",
            )
        table[name] = {lang: _new_placeholders(texts.get(lang, "")) for lang in LANGUAGES}
    problems.raise_if_errors()
    return Strings(table)


# The values the code and templates fill into interface strings (`.format(n=...)`): another name would stop
# the build with a KeyError, so the loader refuses it. A new placeholder in the code is added here.
PLACEHOLDERS = frozenset(
    {"n", "total", "time", "framework", "role", "title", "version", "day", "licence", "name", "key", "url"}
    | {"theme", "alt"}  # the printed kits' band (its theme) and pictogram (what it shows)
    | {"right", "percent", "mark", "lang"}  # the quiz's score (filled by its script), its files' language
)


# Keys and placeholders renamed by the naming rule, still read in this release (sitekit.core.renames): old -> new.
OLD_KEYS = {f"criteria.{part}.referentiel": f"criteria.{part}.framework" for part in ("filter", "col", "field", "csv")}
OLD_PLACEHOLDERS = {"referentiel": "framework"}


def _new_placeholders(text: Any) -> Any:
    """The text with its placeholders' old names (OLD_PLACEHOLDERS) replaced by the new ones, told once (a value
    that is not a text, refused by the loader, is kept as it is)."""
    if not isinstance(text, str):
        return text
    for old, new in OLD_PLACEHOLDERS.items():
        if f"{{{old}}}" in text:
            renames.tell(f"{{{old}}}", f"{{{new}}}")
            text = text.replace(f"{{{old}}}", f"{{{new}}}")
    return text


def _placeholders(text: str) -> set[str] | None:
    """Names of the {placeholders} of an interface string (old names as their new ones); None when its braces do
    not parse."""
    try:
        return {
            OLD_PLACEHOLDERS.get(name, name) for _, name, _, _ in string.Formatter().parse(text) if name is not None
        }
    except ValueError:
        return None


def _placeholder_problem(text: str) -> tuple[str, str] | None:
    """A placeholder the code cannot fill safely: unbalanced braces, or more than a plain {name}."""
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(text)]
    except ValueError:
        return "unbalanced { or }", "write {name} for a value the site fills in, {{ and }} for a brace"
    for name, spec, conversion in fields:
        if name is not None and (OLD_PLACEHOLDERS.get(name, name) not in PLACEHOLDERS or spec or conversion):
            return (
                f"placeholder {{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}} "
                "is not one the site fills in",
                f"write one of {', '.join('{' + p + '}' for p in sorted(PLACEHOLDERS))}, as in the other language; "
                "{{ and }} for a brace",
            )
    return None
