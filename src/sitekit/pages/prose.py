"""What part of a Markdown line is prose: code blocks, comments, inline code, HTML tags, link targets, URLs and the
other marks of Markdown are blanked out (columns kept), so that the checks read the words an author wrote and
the link readers read the lines outside code. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_ENTITIES = re.compile(r"&(?:nbsp|#160|#x[aA]0|#8239|#x202[fF]);")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?-->")  # HTML comments (markers)
CODE_SPAN = re.compile(r"(`+).+?\1")  # inline code
_REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*\S.*$")  # reference link definitions
_MASKS = [
    _COMMENT,
    CODE_SPAN,
    re.compile(r"<[a-zA-Z/][^>]*>"),  # HTML tags and their attributes
    _REFERENCE,
    re.compile(r"(?:https?|ftp|mailto|file):\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+"),  # bare URLs, e-mails
    re.compile(r"\{\s*[:.#][^}]*\}"),  # attribute lists { .class }
    re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*"),  # admonition and details marker
    re.compile(r"^\s*===\+?"),  # content tabs
    re.compile(r"\b\d{1,2}:\d{2}\b|\b\d+:\d+\b"),  # times 12:00, ratios
    re.compile(r":[a-z0-9_+-]+:"),  # emoji shortcodes
    re.compile(r"^\s*:\s"),  # definition list
    re.compile(r"^\s*\*\[[^\]]+\]:"),  # abbreviation definitions
    re.compile(r"^\s*\[\^[^\]]+\]:"),  # footnote definitions
    re.compile(r"!(?=\[)"),  # the ! of an image
]
_LINK_TARGET_MASK = re.compile(r"\]\([^)]*\)")  # a link's or image's target: removed, its text stays
_TITLE_QUOTES = re.compile(r'^(\s*(?:!!!|\?\?\?\+?|===\+?)[^"]*)"(.*)"(\s*)$')  # admonition / tab titles
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def blank(text: str, pattern: re.Pattern[str]) -> str:
    """`text` with each match of `pattern` replaced by as many spaces (columns kept)."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def without_code(line: str) -> str:
    """The line with its inline code blanked out."""
    return blank(line, CODE_SPAN)


def prose(line: str) -> str:
    """The line with everything that is not prose blanked out; a link's target is removed rather than blanked,
    so that what follows a link is read next to its text (« [le kit](kit.md) : » has a space before « : »)."""
    line = _ENTITIES.sub("\u00a0", line)
    quoted = _TITLE_QUOTES.match(line)
    if quoted:
        line = f"{quoted[1]} {quoted[2]} {quoted[3]}"
    if _TABLE_RULE.match(line):
        return ""
    for pattern in (_COMMENT, CODE_SPAN, _REFERENCE):  # what may hold "](" without being a link, first
        line = blank(line, pattern)
    line = _LINK_TARGET_MASK.sub("]", line)
    for pattern in _MASKS:
        line = blank(line, pattern)
    return line


def outside_code_blocks(lines: Iterable[str], first_line: int) -> Iterator[tuple[int, str]]:
    """(file line, line) of the lines outside fenced code blocks (```, ~~~), their fences left out too."""
    fence: str | None = None
    for number, line in enumerate(lines, first_line):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening[1]
            continue
        yield number, line


def prose_lines(body: str, first_line: int) -> Iterator[tuple[int, str, str]]:
    """(file line, original line, prose of it) for the lines of a Markdown body outside code blocks and comments
    (of the original line, what a comment of several lines covers is left out; its inline code is kept)."""
    in_comment = False
    for number, line in outside_code_blocks(body.splitlines(), first_line):
        text = line
        if in_comment:
            if "-->" in line:
                in_comment = False
                text = " " * (line.index("-->") + 3) + line[line.index("-->") + 3 :]
            else:
                continue
        if "<!--" in text and "-->" not in text[text.index("<!--") :]:
            in_comment = True
            text = text[: text.index("<!--")]
        yield number, text, prose(text)
