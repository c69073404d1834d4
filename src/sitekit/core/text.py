"""Untrusted text: what a plain-text field refuses (invisible controls, markup), and text escaped for Markdown.

Every text of data files, front matter and kit sources is plain text. It reaches each output format through
that format's own escaping: HTML and attributes through autoescaped templates, Markdown through
`markdown_text`, ICS, JSON, CSV and Atom through their writers. What no escaping can make safe or readable is
refused where the text is loaded, with the field and the fix: control characters (they break ICS, XML and
HTML), bidirectional controls (they reorder what a reader sees) and markup (HTML tags, character references,
Markdown links: they would show as written, not as meant).
"""

from __future__ import annotations

import html
import re
import unicodedata

from markupsafe import Markup

from sitekit.core.problems import Problem, ProblemsError
from sitekit.core.typography import SPACE_REFERENCES

# Bidirectional embedding, override and isolate controls (the "Trojan Source" characters).
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_LINE_SEPARATORS = frozenset("\u2028\u2029\x85")
_TAG = re.compile(r"<\s*/?\s*[A-Za-z][^>]*>|<!--|<!\[?[A-Za-z]|<\?")
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_MARKDOWN_LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)")

MAX_TEXT_LENGTH = 5000  # characters of one text field: a summary is a few sentences


def _name(char: str) -> str:
    return f"U+{ord(char):04X}" + (f" {unicodedata.name(char)}" if unicodedata.name(char, "") else "")


def text_problem(value: str, multiline: bool = False) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) when `value` is not acceptable plain text, else None.

    `multiline`: line breaks and tabs are allowed (texts of several paragraphs); elsewhere a line break is
    refused too, since every place such a text is shown is one line.
    """
    if len(value) > MAX_TEXT_LENGTH:
        return (
            f"text of {len(value)} characters, over the limit of {MAX_TEXT_LENGTH}",
            "shorten it: details belong on a page, not in a data field",
        )
    for char in value:
        if char in "\n\t\r":
            if multiline:
                continue
            return "line break or tab inside the text", "write it on one line (in YAML, remove the | or the \\n)"
        category = unicodedata.category(char)
        if char in _BIDI:
            return (
                f"invisible bidirectional control character {_name(char)}",
                "delete it: it changes the order in which the text is displayed",
            )
        if category == "Cc" or char in _LINE_SEPARATORS:
            return f"control character {_name(char)}", "delete it: it often comes from a copy and paste"
        if category == "Cs":
            return f"invalid character U+{ord(char):04X} (half of a pair)", "retype the character"
        if category == "Cn" and (ord(char) & 0xFFFE == 0xFFFE or 0xFDD0 <= ord(char) <= 0xFDEF):
            return f"non-character {_name(char)}", "delete it"
    if "&" in value:  # a no-break space typed as `&nbsp;` is accepted: where it is loaded it becomes the character
        value = SPACE_REFERENCES.sub(" ", value)
    for pattern, what, fix in (
        (_TAG, "HTML markup", "write plain text: tags are shown as written, not interpreted"),
        (_REFERENCE, "an HTML character reference", "type the character itself (é, not &eacute;)"),
        (_MARKDOWN_LINK, "a Markdown link", "write the text only; put addresses under sources:"),
    ):
        match = pattern.search(value)
        if match:
            return f"contains {what}: {match[0][:40]!r}", fix
    return None


# --- Markdown ----------------------------------------------------------------------------------------

# Characters that open Markdown syntax inside a line (Python-Markdown and the site's extensions): backslash
# escapes, code, emphasis, links, images, footnotes, attribute lists. Their closing partners are harmless
# alone. HTML's own (&, <, >, quotes) are escaped first.
_MARKDOWN_INLINE = {c: f"&#{ord(c)};" for c in "\\`*[{"}
_MARKDOWN_TABLE = str.maketrans(_MARKDOWN_INLINE)  # the same, for str.translate
# An underscore between two letters or digits (a_venir) is never emphasis in Python-Markdown: kept as is.
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# What starts a block when it opens a line: a heading, a list item, an admonition, details, tabs, a definition,
# the spaces or tab of a code block. Escaping its first character is enough.
_BLOCK_START = re.compile(r"^(?:#|[-+:](?=\s)|\d+[.)](?=\s)|={3}|!{3}|\?{3}|[ \t])")
# An emoji shortcode (:name:) of pymdownx.emoji: the colon that opens it.
_EMOJI_OPEN = re.compile(r":(?=[+\-\w]+:)")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def _reference(char: str) -> str:
    return f"&#{ord(char)};"


def markdown_text(value: object, quote: bool = True) -> Markup:
    """`value` as inert Markdown text: HTML-escaped, every character Markdown reads as syntax written as a
    numeric character reference (shown as itself), line breaks folded into spaces.

    Safe anywhere in a Markdown template: in a heading or list item, and in the raw HTML blocks too (a
    reference is valid HTML text and attribute value). `quote=False` leaves quotes as they are, for Markdown
    that holds no HTML attribute (a README read as text too).
    """
    if isinstance(value, Markup):
        return value
    text = str(value)
    if "\n" in text or "\r" in text:  # the pattern needs one: no need to try it at every character
        text = _LINE_BREAKS.sub(" ", text)
    text = html.escape(text, quote=False)
    if quote:  # as markupsafe (and so the .html templates) writes them
        text = text.replace('"', "&#34;").replace("'", "&#39;")
    text = text.translate(_MARKDOWN_TABLE)
    text = _UNDERSCORE.sub(_reference("_"), text)
    text = _EMOJI_OPEN.sub(_reference(":"), text)
    # Only a text that opens a line of the template can start a block; escaping its first mark is enough.
    start = _BLOCK_START.match(text)
    if start:
        mark = len(start[0]) - 1 if start[0][0].isdigit() else 0  # the . or ) of "1. ", else the first character
        text = text[:mark] + _reference(text[mark]) + text[mark + 1 :]
    return Markup(text)


# --- files -------------------------------------------------------------------------------------------


def decode_utf8(data: bytes, shown: str) -> str:
    """The bytes of a text file as text; ProblemsError naming the file and the line of the first byte that is not
    UTF-8 (a page or data file saved as Latin-1 or Windows-1252, often)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ProblemsError(
            [Problem(shown, line, "", f"not UTF-8 text (byte 0x{data[exc.start]:02X})", "save the file as UTF-8")]
        ) from None
