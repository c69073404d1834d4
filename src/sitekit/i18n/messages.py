"""Messages in the author's language: the catalogue (messages.yml) of every problem, fix and build error.

The code writes its messages in English; the English text, with `{name}` for each value filled in, is the key
of the message in the catalogue (the gettext convention: the English source text identifies the message), and
each entry has a stable id and a French text. A problem is translated when it is reported
(`Problem.localized`, `format_problems`), never when it is made: the English texts stay what the code and its
tests say, and a message the catalogue does not know is shown in English rather than lost.

The language of messages is French by default: `--lang en` in the validator, `SITEKIT_LANG=en` for the build.
`tests/unit/i18n/test_messages.py` checks that every message the code can write has its entry
(tests/support/message_sources.py reads them from the source); the guide's table of messages is made from this
catalogue (`rows`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

CATALOGUE = Path(__file__).with_name("messages.yml")
ENV_VAR = "SITEKIT_LANG"
MESSAGE_LANGUAGES = ("fr", "en")
DEFAULT_MESSAGE_LANGUAGE = "fr"  # the authors' language; English by option
SOURCE_LANGUAGE = "en"  # the language the code writes its messages in


class MessageLanguageError(ValueError):
    """The language asked for messages is not one the catalogue has."""


def message_language(value: str | None = None) -> str:
    """The language of messages: `value` (the validator's --lang) if given, else $SITEKIT_LANG, else French."""
    source, chosen = ("--lang", value) if value else (ENV_VAR, os.environ.get(ENV_VAR, "").strip())
    if not chosen:
        return DEFAULT_MESSAGE_LANGUAGE
    if chosen not in MESSAGE_LANGUAGES:
        raise MessageLanguageError(f"{source}: {chosen!r} is not a language of messages (use fr or en)")
    return chosen


@dataclass(frozen=True)
class Template:
    """One English text of the catalogue, the regular expression that recognises it, and its translations."""

    id: str
    texts: dict[str, str]  # language -> text with {name} placeholders
    pattern: re.Pattern[str]
    literal: int  # characters that are not placeholders: the most specific template wins
    nested: frozenset[str]  # placeholders whose value is itself a message of the catalogue
    fragment: bool  # a piece of other messages ("{first} to {last}"): only recognised inside them

    def translate(self, match: re.Match[str], lang: str, catalogue: Catalogue, depth: int) -> str:
        values = {
            name: catalogue.translate(value, lang, depth + 1) if name in self.nested else value
            for name, value in match.groupdict().items()
        }
        return fill(self.texts[lang], values)


@dataclass(frozen=True)
class Row:
    """A line of the guide's table: a message and its fixes in one language."""

    id: str
    section: str
    message: str
    fixes: tuple[str, ...]


_KEY_PATH = re.compile(r"[\w-]+(?:\.[\w-]+|\[\d+\])*")  # weeks[1].items[0].date
_PATH_PART = re.compile(r"(?P<key>[\w-]+)|\[(?P<index>\d+)\]")
_TOKEN = re.compile(r"\{\{|\}\}|\{(\w*)\}")  # a literal brace, doubled; or a placeholder


def fill(text: str, values: dict[str, str]) -> str:
    """A catalogue text with its placeholders replaced by `values` (others kept) and its doubled braces single."""

    def one(match: re.Match[str]) -> str:
        if match[0] in ("{{", "}}"):
            return match[0][0]
        return values.get(match[1], match[0])

    return _TOKEN.sub(one, text)


def _pattern(english: str) -> re.Pattern[str]:
    """`{name}` matches any text (the same text where a name comes back); `{{`/`}}` are literal braces."""
    out, seen, pos = "", set(), 0
    for match in _TOKEN.finditer(english):
        out += re.escape(english[pos : match.start()])
        pos = match.end()
        if match[0] in ("{{", "}}"):
            out += re.escape(match[0][0])
            continue
        name = match[1]
        out += f"(?P={name})" if name in seen else f"(?P<{name}>.*?)"
        seen.add(name)
    out += re.escape(english[pos:])
    return re.compile(out, re.DOTALL)


def placeholders(text: str) -> list[str]:
    """The names of the placeholders of a catalogue text, in order."""
    return [m[1] for m in _TOKEN.finditer(text) if m[1] is not None]


class Catalogue:
    """The catalogue: messages and fixes by their English text, field names, the report's words, sections."""

    def __init__(self, data: dict[str, Any]):
        self.sections: dict[str, dict[str, str]] = data.get("sections", {})
        self.words: dict[str, dict[str, str]] = data.get("interface", {})
        self.fields: dict[str, dict[str, str]] = data.get("fields", {})
        self.entries: dict[str, dict[str, Any]] = data.get("messages", {})
        self.positions: dict[str, dict[str, str]] = data.get("positions", {})
        log = data.get("build_log", {})
        self.log_told = [(_pattern(line[SOURCE_LANGUAGE]), line) for line in log.get("told", ())]
        self.log_hidden = [_pattern(line) for line in log.get("hidden", ())]
        self.exact: dict[str, Template] = {}
        self.patterns: list[Template] = []
        for entry_id, entry in self.entries.items():
            nested = frozenset(entry.get("nested", ()))
            fragment = bool(entry.get("fragment"))
            for texts in [{k: entry[k] for k in MESSAGE_LANGUAGES}, *fixes_of(entry)]:
                english = texts[SOURCE_LANGUAGE]
                literal = _TOKEN.sub(lambda m: m[0][0] if m[1] is None else "", english)
                template = Template(entry_id, texts, _pattern(english), len(literal), nested, fragment)
                if not literal.strip():
                    continue  # "{hint}{listed}" would match any text: such a text is made of catalogued parts
                if placeholders(english):
                    self.patterns.append(template)
                else:
                    self.exact.setdefault(fill(english, {}), template)
        self.patterns.sort(key=lambda t: -t.literal)

    def find(self, text: str, inside: bool = False) -> tuple[Template, re.Match[str] | None] | None:
        """The template an English text was written from, and how its placeholders matched; None if unknown.
        Fragments are recognised only `inside` another message (as the value of a nested placeholder)."""
        exact = self.exact.get(text)
        if exact is not None and (inside or not exact.fragment):
            return exact, None
        for template in self.patterns:
            if template.fragment and not inside:
                continue
            match = template.pattern.fullmatch(text)
            if match is not None:
                return template, match
        return None

    def translate(self, text: str, lang: str, depth: int = 0) -> str:
        """`text` in `lang`; unchanged when it is English, empty, or not in the catalogue."""
        if lang == SOURCE_LANGUAGE or not text or depth > 3:
            return text
        return _translate(self, text, lang, depth)

    def field(self, name: str, lang: str) -> str:
        """A field written in words ("typography") in `lang`; a key path with list items (weeks[1].items[0].date)
        with its positions as people count them (« semaine 2, action 1, date ») in the authors' languages, as the
        code writes it in English (the language of the tests and of the validator's JSON)."""
        texts = self.fields.get(name)
        if texts:
            return texts[lang]
        if lang == SOURCE_LANGUAGE or "[" not in name or not _KEY_PATH.fullmatch(name):
            return name
        return self.position(name, lang)

    def position(self, path: str, lang: str) -> str:
        """A key path with its list items counted from 1 and named (« semaine 2, action 1, date »)."""
        parts: list[str] = []
        keys: list[str] = []
        for match in _PATH_PART.finditer(path):
            if match["key"] is not None:
                keys.append(match["key"])
                continue
            number = str(int(match["index"]) + 1)
            key = keys.pop() if keys else ""
            if keys:
                parts.append(".".join(keys))
                keys = []
            word = self.positions.get(key)
            if word is not None:
                parts.append(f"{word[lang]} {number}")
            else:
                parts.append(fill(self.positions["other"][lang], {"key": key, "number": number}))
        if keys:
            parts.append(".".join(keys))
        return ", ".join(parts)

    def log_line(self, text: str, lang: str) -> str | None:
        """A line MkDocs or a plugin prints, in `lang`: None when it is hidden, unchanged when it is not listed."""
        for pattern in self.log_hidden:
            if pattern.fullmatch(text):
                return None
        for pattern, texts in self.log_told:
            match = pattern.fullmatch(text)
            if match is not None:
                return fill(texts[lang], match.groupdict())
        return text

    def word(self, key: str, lang: str) -> str:
        """A word of the validator's report (level names, summary)."""
        return self.words[key][lang]

    def rows(self, lang: str) -> list[Row]:
        """Every message that is not only part of another, in catalogue order, for the guide's table."""
        out = []
        for entry_id, entry in self.entries.items():
            if entry.get("fragment"):
                continue
            section = entry_id.split(".", 1)[0]
            out.append(Row(entry_id, section, entry[lang], tuple(fix[lang] for fix in fixes_of(entry))))
        return out


def fixes_of(entry: dict[str, Any]) -> list[dict[str, str]]:
    """The fixes of an entry: none, one mapping of texts, or a list of them."""
    fix = entry.get("fix")
    if fix is None:
        return []
    return list(fix) if isinstance(fix, list) else [fix]


@lru_cache(maxsize=8192)  # the same warnings come back line after line (typography) and build after build
def _translate(catalogue: Catalogue, text: str, lang: str, depth: int) -> str:
    found = catalogue.find(text, inside=depth > 0)
    if found is None:
        return text
    template, match = found
    return fill(template.texts[lang], {}) if match is None else template.translate(match, lang, catalogue, depth)


@cache
def catalogue() -> Catalogue:
    """The catalogue shipped with the package, read once per process."""
    with CATALOGUE.open(encoding="utf-8") as handle:
        # libyaml's safe loader when PyYAML has it: the same data as yaml.safe_load, ten times faster.
        return Catalogue(yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


def translate(text: str, lang: str) -> str:
    """`text` (a message or a fix, as the code writes it) in `lang`."""
    return catalogue().translate(text, lang)
