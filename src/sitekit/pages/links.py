"""Links and images of a Markdown page as its author wrote them, with their lines, resolved in docs/; the
anchors its headings get. Pure: what the scheduled-content check and the news schedule read before MkDocs does."""

from __future__ import annotations

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


def _unique(anchor: str, ids: set[str]) -> None:
    """A repeated anchor gets `_1`, `_2`... as the toc extension does."""
    if anchor and anchor not in ids:
        ids.add(anchor)
        return
    count = 1
    while f"{anchor}_{count}" in ids:
        count += 1
    ids.add(f"{anchor}_{count}")


def heading_ids(page: Page) -> set[str]:
    """The anchors of the page's headings as MkDocs' toc extension makes them (accents dropped, lower case,
    hyphens, `_1` for a repeat), `{#id}` attributes and HTML ids."""
    ids: set[str] = set()
    for _, line, _ in prose_lines(page.body, page.body_line):
        ids |= {m["id"] for m in _HTML_ID.finditer(line)}
        heading = _HEADING.match(line)
        if heading is None:
            continue
        text = heading["text"]
        explicit = _ATTR_ID.search(text)
        if explicit:
            ids.add(explicit["id"])
            continue
        plain = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link's text, not its target
        plain = re.sub(r"[`*_]|<[^>]+>", "", plain)
        _unique(slugify(plain), ids)
    return ids
