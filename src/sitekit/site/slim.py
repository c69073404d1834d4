"""What every page loads, made lighter once the whole site is built (the `weight` feature).

- Material's bundle fetches the search index and starts lunr when the search opens, not on every page load:
  Material already waits for the search to open from file://; over http it sent the index to the worker at once,
  and `search.highlight` read the index on every page to highlight the words of a search only on a page reached
  from a result (?h=...). Two rewrites (`SEARCH_ON_DEMAND`), each expected once in the bundle: a bundle without
  them is an error (Material was upgraded), as for the CDN URLs of `sitekit.site.privacy`.
- Stylesheets keep the rules some page can match: a selector that needs a class no built page has and no script
  of the site can write (Material's tabs, blog, tags, code annotations, the admonition types no page uses...),
  or an attribute value none has (the 19 primary colours of Material's palette stylesheet that the profile's
  custom colours replace), is dropped; then the custom properties nothing reads. Whitespace and comments go.
- The site's own scripts lose their comment lines (a licence notice is kept).

Every step is a pure function of the built files: two builds give the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TypeAlias

import tinycss2
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from tinycss2.ast import (
    AtRule,
    Declaration,
    IdentToken,
    LiteralToken,
    Node,
    ParseError,
    QualifiedRule,
    SquareBracketsBlock,
    StringToken,
    WhitespaceToken,
)

# Material 9.8's bundle, rewritten so that the search index is read when the search opens (module docstring).
SEARCH_ON_DEMAND: dict[str, str] = {
    # The worker gets the index when the search toggle is first checked, from file:// and now from a server too.
    '$(location.protocol!=="file:")': "$(!1)",
    # search.highlight: the index (for its word separator) only on a page whose address has ?h=.
    'z([t,r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")))])': (
        'r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")),b(n=>t.pipe(m(o=>[o,n]))))'
    ),
}


class RewriteError(ValueError):
    """A piece of Material's bundle expected once was not found: Material changed, check SEARCH_ON_DEMAND."""


def search_on_demand(source: str, name: str = "bundle") -> str:
    """The bundle with SEARCH_ON_DEMAND applied; a bundle already rewritten is returned as it is."""
    if all(new in source and old not in source for old, new in SEARCH_ON_DEMAND.items()):
        return source
    for old, new in SEARCH_ON_DEMAND.items():
        if source.count(old) != 1:
            raise RewriteError(
                f"{name}: {old} not found once (Material was upgraded? update SEARCH_ON_DEMAND in "
                "src/sitekit/site/slim.py)"
            )
        source = source.replace(old, new)
    return source


# What pages and scripts can hold: a selector needing anything else can match nothing.
SCRIPT_WORD = re.compile(r"[A-Za-z_][\w-]*")
SCRIPT_PREFIX = re.compile(r"([A-Za-z_][\w-]*-)\$\{")  # `md-tag--${name}`: classes completed at run time
PROPERTY = re.compile(r"--[\w-]+")
VAR = re.compile(r"var\(\s*(--[\w-]+)")


@dataclass
class Names:
    """The classes and attribute values of the built pages, and the words of the site's scripts."""

    classes: set[str] = field(default_factory=set)
    values: dict[str, set[str]] = field(default_factory=dict)  # attribute -> its values in the pages (lower case)
    words: set[str] = field(default_factory=set)  # words of the scripts, lower case too in `lower_words`
    lower_words: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    properties: set[str] = field(default_factory=set)  # custom properties pages or scripts name
    # Components of Material the configuration leaves out (switched_off): their names are in Material's bundle,
    # which can write them only when the feature is on.
    off: set[str] = field(default_factory=set)

    def add_page(self, html: str) -> None:
        for node in HTMLParser(html).css("*"):
            for name, value in node.attributes.items():
                if value is None:
                    continue
                if name == "class":
                    self.classes.update(value.split())
                else:
                    self.values.setdefault(name, set()).add(value.lower())
        self.properties.update(PROPERTY.findall(html))

    def add_script(self, js: str) -> None:
        words = set(SCRIPT_WORD.findall(js))
        self.words |= words
        self.lower_words |= {word.lower() for word in words}
        self.prefixes.update(SCRIPT_PREFIX.findall(js))
        self.properties.update(PROPERTY.findall(js))

    def has_class(self, name: str) -> bool:
        if name not in self.classes and any(name == c or name.startswith((f"{c}_", f"{c}-")) for c in self.off):
            return False
        return name in self.classes or name in self.words or any(name.startswith(p) for p in self.prefixes)

    def has_value(self, attribute: str, value: str) -> bool:
        value = value.lower()
        return value in self.values.get(attribute.lower(), ()) or value in self.lower_words


# Material's components (their class, and the classes it starts) and what turns each on in mkdocs.yml: a feature of
# `theme.features`, or a setting. Material's bundle names them all, whatever the configuration.
COMPONENTS: dict[str, tuple[str, ...]] = {
    "md-annotation": ("feature:content.code.annotate",),
    "md-tooltip": ("feature:content.code.annotate", "feature:content.tooltips"),
    "md-version": ("setting:extra.version",),
    "md-source": ("setting:repo_url",),
}


def switched_off(features: Iterable[str], settings: Mapping[str, object]) -> set[str]:
    """The components of COMPONENTS that nothing in the configuration turns on (`settings`: a dotted name, such as
    extra.version, to its value)."""
    on = {f"feature:{name}" for name in features} | {f"setting:{k}" for k, v in settings.items() if v}
    return {component for component, needs in COMPONENTS.items() if not on.intersection(needs)}


def names_of(pages: Iterable[str], scripts: Iterable[str], off: Iterable[str] = ()) -> Names:
    names = Names(off=set(off))
    for html in pages:
        names.add_page(html)
    for js in scripts:
        names.add_script(js)
    return names


# Selectors


def _split(prelude: list[Node]) -> list[list[Node]]:
    """A selector list's selectors (commas at its top level)."""
    selectors: list[list[Node]] = [[]]
    for token in prelude:
        if isinstance(token, LiteralToken) and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _can_match(selector: list[Node], names: Names) -> bool:
    """False when the selector needs, outside any :not()/:is()/:where()/:has(), a class or an exact attribute value
    that no page has and no script can write."""
    for i, token in enumerate(selector):
        if isinstance(token, LiteralToken) and token.value == "." and i + 1 < len(selector):
            following = selector[i + 1]
            if isinstance(following, IdentToken) and not names.has_class(following.value):
                return False
        if isinstance(token, SquareBracketsBlock):
            parts = [t for t in token.content if not isinstance(t, WhitespaceToken)]
            if (
                len(parts) == 3
                and isinstance(parts[0], IdentToken)
                and isinstance(parts[1], LiteralToken)
                and parts[1].value == "="
                and isinstance(parts[2], IdentToken | StringToken)
                and not names.has_value(parts[0].value, parts[2].value)
            ):
                return False
    return True


def _text(tokens: Iterable[Node]) -> str:
    """Tokens written back, each run of whitespace as one space."""
    return "".join(" " if isinstance(t, WhitespaceToken) else t.serialize() for t in tokens).strip()


RULE_BLOCKS = {"media", "supports", "layer", "container", "document", "scope", "starting-style"}
KEYFRAMES = re.compile(r"^(-\w+-)?keyframes$")


@dataclass
class Rule:
    """A rule kept: its selectors (or an at-rule's head) and its declarations."""

    head: str
    declarations: list[Node]


@dataclass
class Block:
    """An at-rule holding rules (@media, @supports, @keyframes...), with the rules kept."""

    head: str
    children: list[Item]


Item: TypeAlias = "str | Node | Rule | Block"  # text left as written, a node written back, a rule, a block


def _parse(rules: list[Node], names: Names) -> list[Item]:
    """A stylesheet as a tree of rules and blocks, with what is left as written."""
    items: list[Item] = []
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            kept = [s for s in _split(rule.prelude) if _can_match(s, names)]
            if not kept:
                continue
            content = tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True, skip_comments=True)
            if not all(isinstance(d, Declaration) for d in content):
                items.append(rule.serialize())  # nested rules or a parse error: left as written
                continue
            items.append(Rule(",".join(_text(s) for s in kept), content))
        elif isinstance(rule, AtRule) and rule.content is not None:
            head = f"@{rule.at_keyword} {_text(rule.prelude)}".rstrip()
            keyword = rule.lower_at_keyword
            if keyword in RULE_BLOCKS or KEYFRAMES.match(keyword):
                inner = tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True)
                children = _parse(inner, names) if keyword in RULE_BLOCKS else _parse_keyframes(inner)
                if children:
                    items.append(Block(head, children))
            else:  # @font-face, @page...: declarations
                content = tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True, skip_comments=True)
                items.append(Rule(head, content) if all(isinstance(d, Declaration) for d in content) else rule)
        elif isinstance(rule, ParseError):
            continue
        else:
            items.append(rule.serialize())
    return items


def _parse_keyframes(rules: list[Node]) -> list[Item]:
    items: list[Item] = []
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            content = tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True, skip_comments=True)
            items.append(Rule(_text(rule.prelude), content))
        elif not isinstance(rule, ParseError):
            items.append(rule.serialize())
    return items


def _declarations(items: list[Item]) -> Iterable[Declaration]:
    for item in items:
        if isinstance(item, Rule):
            yield from (d for d in item.declarations if isinstance(d, Declaration))
        elif isinstance(item, Block):
            yield from _declarations(item.children)


def _write(items: list[Item], used: set[str]) -> str:
    out: list[str] = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, Rule):
            body = ";".join(
                f"{d.name}:{_text(d.value) or ' '}{'!important' if d.important else ''}"
                for d in item.declarations
                if isinstance(d, Declaration) and (not d.name.startswith("--") or d.name in used)
            )
            if body:
                out.append(f"{item.head}{{{body}}}")
        elif isinstance(item, Block):
            inner = _write(item.children, used)
            if inner:
                out.append(f"{item.head}{{{inner}}}")
        else:
            out.append(item.serialize())
    return "".join(out)


def trim_stylesheets(sheets: Mapping[str, str], names: Names) -> dict[str, str]:
    """Each stylesheet without the selectors no page can match, then without the custom properties that no kept
    declaration of any of them, no page and no script reads; comments and extra whitespace left out."""
    parsed = {
        path: _parse(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True), names)
        for path, css in sheets.items()
    }
    declarations = [d for items in parsed.values() for d in _declarations(items)]
    used = set(names.properties)
    for d in declarations:
        if not d.name.startswith("--"):
            used.update(VAR.findall(tinycss2.serialize(d.value)))
    values = {d.name: VAR.findall(tinycss2.serialize(d.value)) for d in declarations if d.name.startswith("--")}
    pending = list(used)
    while pending:  # a property read by a property that is read
        for name in values.get(pending.pop(), ()):
            if name not in used:
                used.add(name)
                pending.append(name)
    return {path: _write(items, used) for path, items in parsed.items()}


# Scripts

LICENCE = re.compile(r"licen[cs]e|copyright|@preserve", re.I)


def strip_comment_lines(js: str) -> str:
    """The script without its blank lines, its `//` comment lines and its `/* */` comments that fill whole lines
    (a comment naming a licence is kept). Code is never touched: a comment after code on its line stays."""
    out: list[str] = []
    comment: list[str] | None = None
    for line in js.splitlines():
        text = line.strip()
        if comment is not None:
            comment.append(line)
            if text.endswith("*/") and text.find("*/") == len(text) - 2:
                if LICENCE.search("\n".join(comment)):
                    out += comment
                comment = None
            elif "*/" in text:  # code after the comment on its last line: left as written
                out += comment
                comment = None
            continue
        if text.startswith("/*") and "*/" not in text[2:]:
            comment = [line]
        elif text.startswith("/*") and text.endswith("*/") and text.find("*/", 2) == len(text) - 2:
            if LICENCE.search(text):
                out.append(line)
        elif text.startswith("//") and not LICENCE.search(text):
            continue
        elif text:
            out.append(line.rstrip())
    if comment is not None:  # never closed: left as written
        out += comment
    return "\n".join(out) + "\n"
