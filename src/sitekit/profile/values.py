"""Profile values in pages and kit sources: the `<!-- profile:key -->` markers, each replaced by its value.

A page writes `<!-- profile:contacts.it_support.phone -->` where the IT support's number goes. In a page the
value becomes Markdown (a phone number a `tel:` link, an e-mail a `mailto:` link); in a kit source, plain text.
A key the profile lacks shows as « [à compléter dans le profil : key] »; an unknown key is a problem naming
the file and line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from sitekit.core.problems import Problem, ProblemsError
from sitekit.core.schema import Localized
from sitekit.i18n.strings import Strings
from sitekit.profile.model import (
    Host,
    ItSupport,
    Kind,
    OnCall,
    Person,
    Profile,
    RegionalContact,
    is_placeholder,
    leaves,
    phone_uri,
)
from sitekit.profile.names import SENTENCE_START, fill_name, with_article

PREFIX = "profile:"
OLD_PREFIX = "profil:"  # the former prefix, still read for this release (sitekit.pages.markers)
MARKER = re.compile(r"<!--\s*profile?:\s*([^\s>]*)\s*-->")
# Code is shown as written: a marker in a code span or a fenced block (the guide explains markers) stays.
_CODE = re.compile(r"^(```|~~~).*?^\1[^\n]*$|`[^`\n]*`", re.MULTILINE | re.DOTALL)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")
_PHONE_KEYS = ("phone",)
NAME_KEYS = ("establishment.name", "establishment.short_name")  # printed with their article where French needs it
NBSP = "\u00a0"
_SPACES = re.compile(r"\s+")
# What comes before a name marker: a preposition (par, de, à), or the start of a paragraph or sentence.
_PREPOSITION = re.compile(r"\b(par|de|à|Par|De|À)\s+$")
_EMAIL_KEYS = ("email",)


class UnknownKey(KeyError):
    """A marker names a key the profile does not have."""


def marker(key: str) -> str:
    return f"<!-- {PREFIX}{key} -->"


def known_keys(profile: Profile) -> list[str]:
    """Every key a marker may name: each value, and each section (a contact as one line)."""
    keys: list[str] = []
    for key, _ in leaves(profile.data):
        parts = key.split(".")
        for depth in range(2, len(parts)):
            section = ".".join(parts[:depth])
            if section not in keys:
                keys.append(section)
        keys.append(key)
    return keys


def lookup(profile: Profile, key: str) -> object:
    """The value or section at a dotted key; UnknownKey when there is none."""
    node: object = profile.data
    parts = key.split(".")
    if len(parts) < 2:  # a whole top-level section is not one value
        raise UnknownKey(key)
    for part in parts:
        if not isinstance(node, BaseModel) or isinstance(node, Localized) or part not in type(node).model_fields:
            raise UnknownKey(key)
        node = getattr(node, part)
    return node


def is_missing(profile: Profile, key: str) -> bool:
    """True when the value at `key` (or a required value of the section) is still to be completed."""
    value = lookup(profile, key)
    if value is None:
        return True
    if isinstance(value, BaseModel) and not isinstance(value, Localized):
        return any(is_placeholder(v) for _, v in leaves(value))
    return is_placeholder(value.fr if isinstance(value, Localized) else value)


def md_escape(text: str) -> str:
    """Text as Markdown that shows it as written (no emphasis, link or raw HTML out of it)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


class Renderer:
    """Renders profile values for one output: Markdown pages (`markdown=True`) or plain text (kit sources)."""

    def __init__(self, profile: Profile, strings: Strings, markdown: bool):
        self.profile, self.strings, self.markdown = profile, strings, markdown

    def missing(self, key: str, lang: str) -> str:
        text = self.strings.get("profile.missing", lang).format(key=key)
        return f"**{md_escape(text)}**" if self.markdown else text

    def text(self, value: str) -> str:
        return md_escape(value) if self.markdown else value

    def phone(self, number: str) -> str:
        """Digit groups joined by non-breaking spaces (a number never breaks across lines, on a page or a poster);
        in a page, a tel: link."""
        if not self.markdown:
            return _SPACES.sub(NBSP, number)
        label = md_escape(_SPACES.sub(NBSP, number))
        return f"[{label}]({phone_uri(number)})"

    def article(self, key: str) -> str | None:
        """The article the name at `key` takes, None while the name or the article is still to complete."""
        value = lookup(self.profile, key)
        return None if not isinstance(value, str) or is_placeholder(value) else self.profile.article

    def name_in(self, text: str, lang: str, key: str = "establishment.name") -> str:
        """An interface string with each `{name}` replaced by the establishment's name in the form its place in
        the sentence needs (« publié par le Centre… », « du CH… »; English: the name as it is)."""
        return fill_name(text, self.value(key, lang), self.article(key), lang)

    def name_after(self, key: str, lang: str, preposition: str | None, capital: bool) -> str:
        """The name at `key` after `preposition` (par, de, à or none), with its article in French."""
        name = self.value(key, lang)
        if lang != "fr":
            return f"{preposition} {name}" if preposition else name
        return with_article(name, self.article(key), preposition, capital=capital)

    def email(self, address: str) -> str:
        return f"[{md_escape(address)}](mailto:{address})" if self.markdown else address

    def url(self, address: str, label: str | None = None) -> str:
        if not self.markdown:
            return f"{label} ({address})" if label else address
        return f"[{md_escape(label)}]({address})" if label else f"<{address}>"

    def contact(self, address: str) -> str:
        return self.url(address) if address.startswith("https://") else self.email(address)

    def value(self, key: str, lang: str) -> str:
        """The rendering of one key: a value, or a section written as one line."""
        return self._render(key, lookup(self.profile, key), lang)

    def _render(self, key: str, value: object, lang: str) -> str:
        last = key.rsplit(".", 1)[-1]
        if value is None or is_placeholder(value.fr if isinstance(value, Localized) else value):
            return self.missing(key, lang)
        if isinstance(value, Localized):
            return self.text(value[lang])
        if isinstance(value, Kind):
            return self.text(self.strings.get(f"profile.kind.{value.value}", lang))
        if isinstance(value, bool):
            return ""
        if isinstance(value, tuple):
            return ", ".join(self.url(str(v)) for v in value)
        if isinstance(value, (ItSupport, OnCall, Person, Host)):
            return self._section(key, value, lang)
        if isinstance(value, RegionalContact):
            return self._regional(key, value, lang)
        if isinstance(value, str):
            if last in _PHONE_KEYS:
                return self.phone(value)
            if last in _EMAIL_KEYS:
                return self.email(value)
            if last in ("contact", "accessibility_contact"):
                return self.contact(value)
            if last == "url":
                return self.url(value)
            return self.text(value)
        raise UnknownKey(key)

    def _section(self, key: str, section: BaseModel, lang: str) -> str:
        """A contact as one line: name, phone, e-mail, then hours in brackets; absent optional keys left out."""
        fields = [n for n in ("name", "address", "phone", "email", "hours") if n in type(section).model_fields]
        present = [(n, getattr(section, n)) for n in fields if getattr(section, n) is not None]
        if all(is_placeholder(v.fr if isinstance(v, Localized) else v) for _, v in present):
            return self.missing(key, lang)  # nothing known yet: one mark for the whole contact
        line = ", ".join(self._render(f"{key}.{n}", v, lang) for n, v in present if n != "hours")
        hours = getattr(section, "hours", None)
        if hours is not None:
            line += f" ({self._render(f'{key}.hours', hours, lang)})"
        return line

    def _regional(self, key: str, contact: RegionalContact, lang: str) -> str:
        """Name (linked to its page), phone, e-mail, « à confirmer » when unconfirmed, then its sources."""
        if is_placeholder(contact.name):
            parts = [self.missing(f"{key}.name", lang)]
        else:
            parts = [self.url(contact.url, contact.name) if contact.url else self.text(contact.name)]
        parts += [
            self._render(f"{key}.{n}", getattr(contact, n), lang) for n in ("phone", "email") if getattr(contact, n)
        ]
        line = ", ".join(parts)
        if not contact.confirmed:
            line += " " + self.text(self.strings.get("profile.to_confirm", lang))
        label = self.strings.get("profile.source", lang)
        sources = ", ".join(self.url(str(url), label) for url in contact.sources)
        return f"{line} ({sources})"


def _markers(text: str) -> list[re.Match[str]]:
    """The profile markers of a text, outside code spans and fenced code blocks."""
    code = [m.span() for m in _CODE.finditer(text)]
    return [m for m in MARKER.finditer(text) if not any(a <= m.start() < b for a, b in code)]


def marker_keys(text: str) -> list[tuple[int, str]]:
    """(line, key) of every profile marker in a text (not those shown as code)."""
    return [(text.count("\n", 0, m.start()) + 1, m[1]) for m in _markers(text)]


def unknown_key_problems(text: str, path: str, profile: Profile) -> list[Problem]:
    """A problem for each marker whose key the profile does not have, with the closest known key."""
    known = known_keys(profile)
    out = []
    for number, key in marker_keys(text):
        try:
            lookup(profile, key)
        except UnknownKey:
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]}? " if close else ""
            out.append(
                Problem(
                    path,
                    number,
                    marker(key),
                    f"unknown profile key {key!r}",
                    f"{hint}the keys are listed in docs/guide/adapter-le-kit.md (« Adapter le kit à votre établissement »)",
                )
            )
    return out


def fill(text: str, path: str, lang: str, renderer: Renderer) -> str:
    """`text` with every profile marker replaced; ProblemsError naming each unknown key's line."""
    if PREFIX not in text and OLD_PREFIX not in text:
        return text
    problems = unknown_key_problems(text, path, renderer.profile)
    if problems:
        raise ProblemsError(problems)
    out, end = [], 0
    for match in _markers(text):
        before, value = text[end : match.start()], None
        if match[1] in NAME_KEYS and lang == "fr":
            # « publié par <!-- profile:establishment.name --> » -> « publié par le Centre… », « de » -> « du »…
            head = text[: match.start()]
            prep = _PREPOSITION.search(head)
            if prep is not None and prep.start() >= end:
                before = text[end : prep.start()]
                capital = bool(SENTENCE_START.search(head[: prep.start()]))
                value = renderer.name_after(match[1], lang, prep[1].lower(), capital)
            elif SENTENCE_START.search(head):  # « <!-- profile:establishment.name --> s’engage… » -> « Le Centre… »
                value = renderer.name_after(match[1], lang, None, True)
        out += [before, renderer.value(match[1], lang) if value is None else value]
        end = match.end()
    return "".join([*out, text[end:]])


def source_filler(profile: Profile, strings: Strings) -> Callable[[str, str, str], str]:
    """fill(text, path, lang) for kit sources: plain-text values."""
    renderer = Renderer(profile, strings, markdown=False)
    return lambda text, path, lang: fill(text, path, lang, renderer)


def shown_path(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
