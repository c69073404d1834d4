"""Links and images of a Markdown page as its author wrote them, with their lines, resolved in docs/; the
anchors its headings get. Pure: what the scheduled-content check and the news schedule read before MkDocs does."""

from __future__ import annotations

import difflib
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from sitekit.pages.frontmatter import Page
from sitekit.pages.prose import prose_lines, without_code

_INLINE = re.compile(r"(?P<image>!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?(?P<url>[^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]^]+\]:\s*<?(?P<url>\S+?)>?(?:\s|$)")
_HTML = re.compile(r"<(?P<tag>a|img|source)\b[^>]*?\s(?:href|src)\s*=\s*[\"'](?P<url>[^\"']+)[\"']", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.IGNORECASE)
_HEADING = re.compile(r"^(#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
_ATTR_ID = re.compile(r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$")
_HTML_ID = re.compile(r"\s(?:id|name)\s*=\s*[\"'](?P<id>[^\"']+)[\"']")


@dataclass(frozen=True)
class MarkdownLink:
    line: int  # line of the page file
    url: str  # as written
    image: bool

    @property
    def is_internal(self) -> bool:
        return bool(self.url) and not _SCHEME.match(self.url)

    @property
    def path(self) -> str:
        return unquote(urlsplit(self.url).path)

    @property
    def anchor(self) -> str:
        return unquote(urlsplit(self.url).fragment)


def page_links(page: Page) -> list[MarkdownLink]:
    """Every link and image of the page's body (outside code), in line order."""
    out: list[MarkdownLink] = []
    for number, line, _ in prose_lines(page.body, page.body_line):
        text = without_code(line)
        out += [MarkdownLink(number, m["url"], bool(m["image"])) for m in _INLINE.finditer(text)]
        out += [MarkdownLink(number, m["url"], False) for m in _REFERENCE.finditer(text)]
        out += [MarkdownLink(number, m["url"], m["tag"].lower() != "a") for m in _HTML.finditer(text)]
    return out


def resolve(src_uri: str, path: str) -> str | None:
    """The docs/ path a relative link of the page `src_uri` points to; None when it leaves docs/."""
    if not path:
        return src_uri
    if path.startswith("/"):
        target = posixpath.normpath(path.lstrip("/"))
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
    return None if target == ".." or target.startswith("../") else target


def slugify(text: str) -> str:
    """The anchor of a heading, as the toc extension's default `slugify` makes it (tests compare the two)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", ascii_text).strip().lower())


def _unique(anchor: str, ids: set[str]) -> str:
    """A repeated anchor gets `_1`, `_2`... as the toc extension does; the anchor given, added to `ids`."""
    if anchor and anchor not in ids:
        ids.add(anchor)
        return anchor
    count = 1
    while f"{anchor}_{count}" in ids:
        count += 1
    ids.add(f"{anchor}_{count}")
    return f"{anchor}_{count}"


@dataclass(frozen=True)
class Heading:
    """A heading of a page: its anchor (without #) and its text."""

    id: str
    text: str


def headings(page: Page) -> list[Heading]:
    """The page's headings in order, each with the anchor MkDocs' toc extension gives it (accents dropped, lower
    case, hyphens, `_1` for a repeat) or its `{#id}` attribute."""
    ids: set[str] = set()
    out: list[Heading] = []
    for _, line, _ in prose_lines(page.body, page.body_line):
        heading = _HEADING.match(line)
        if heading is None:
            continue
        text = heading["text"]
        explicit = _ATTR_ID.search(text)
        plain = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", _ATTR_ID.sub("", text) if explicit else text)
        plain = re.sub(r"[`*_]|<[^>]+>", "", plain).strip()
        if explicit:
            ids.add(explicit["id"])
            out.append(Heading(explicit["id"], plain))
        else:
            out.append(Heading(_unique(slugify(plain), ids), plain))
    return out


def heading_ids(page: Page) -> set[str]:
    """The anchors of the page's headings, `{#id}` attributes and HTML ids."""
    ids = {h.id for h in headings(page)}
    for _, line, _ in prose_lines(page.body, page.body_line):
        ids |= {m["id"] for m in _HTML_ID.finditer(line)}
    return ids


def closest_heading(anchor: str, own: list[Heading], other: list[Heading] | None = None) -> Heading | None:
    """The heading of `own` an anchor most likely meant: when `other` (the same page in another language) has the
    anchor and both pages have as many headings, the heading at the same place; else the heading whose anchor is
    closest (difflib), if any is close enough."""
    if other is not None and len(other) == len(own):
        for index, heading in enumerate(other):
            if heading.id == anchor:
                return own[index]
    found = difflib.get_close_matches(anchor, [h.id for h in own], n=1, cutoff=0.6)
    return next(h for h in own if h.id == found[0]) if found else None
