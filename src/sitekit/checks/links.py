"""Internal links of the built site: files, anchors, unpublished pages, download checksums, kits.json archives.

Each HTML file is parsed once (selectolax/lexbor); its ids are kept for the anchor checks. URLs are file paths
(use_directory_urls: false). A problem is reported on the page's Markdown source when it can be found there
(site/x.html <-> docs/x.md, site/en/x.html <-> docs/x.en.md), else on the built file, with its HTML line.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from sitekit.core.problems import Problem
from sitekit.i18n.strings import DEFAULT_LANGUAGE, LANGUAGES, lang_prefix
from sitekit.pages.links import Heading, closest_heading

# (selector, attribute) of every URL a page links to or loads.
URL_ATTRIBUTES = (
    ("a[href]", "href"),
    ("area[href]", "href"),
    ("link[href]", "href"),
    ("script[src]", "src"),
    ("img[src]", "src"),
    ("iframe[src]", "src"),
    ("source[src]", "src"),
    ("audio[src]", "src"),
    ("video[src]", "src"),
    ("track[src]", "src"),
    ("embed[src]", "src"),
    ("object[data]", "data"),
    ("video[poster]", "poster"),
)
SRCSET = ("img[srcset]", "source[srcset]")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.I)
OTHER_LANGUAGES = tuple(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)
KITS_INDEXES = tuple(f"{lang_prefix(lang)}kits/kits.json" for lang in LANGUAGES)


@dataclass
class Link:
    url: str
    tag: str
    sha256: str | None = None


@dataclass
class ParsedPage:
    rel: str  # path inside the site, posix
    html: str
    links: list[Link]
    ids: set[str]
    headings: list[Heading] = field(default_factory=list)  # in page order, without their ¶ permalink

    def line_of(self, text: str, occurrence: int = 0) -> int:
        """1-based HTML line of the n-th occurrence of text (as written, or HTML-escaped), 0 if not found."""
        for needle in (f'"{escape(text, quote=True)}"', f'"{text}"', escape(text, quote=True), text):
            pos = -1
            for _ in range(occurrence + 1):
                pos = self.html.find(needle, pos + 1)
                if pos < 0:
                    break
            if pos >= 0:
                return self.html.count("\n", 0, pos) + 1
        return 0


@dataclass(frozen=True)
class Anchors:
    """The anchors of a page in one language, the file they were read from, its headings in order."""

    shown: str
    ids: set[str]
    headings: list[Heading]


def anchor_problem(url: str, anchor: str, own: Anchors, others: list[Anchors]) -> tuple[str, str]:
    """(message, fix) for an anchor a page lacks: the file that lacks it, and the heading it most likely meant
    (at the same place as in the other language's page that has the anchor, else the closest anchor)."""
    having = next((other for other in others if anchor in other.ids and other.shown != own.shown), None)
    closest = closest_heading(anchor, own.headings, having.headings if having else None)
    message = f"anchor {url!r}: no heading #{anchor} on {own.shown}"
    if having is not None:
        message += f" (#{anchor} is a heading of {having.shown}, the page in another language)"
    if closest is None:
        return message, "use the anchor of a heading of that page (the ¶ sign beside the heading shows it)"
    return message, f"write #{closest.id} instead: the anchor of its heading « {closest.text} »"


def parse_page(rel: str, html: str) -> ParsedPage:
    tree = LexborHTMLParser(html)
    links: list[Link] = []
    for selector, attr in URL_ATTRIBUTES:
        for node in tree.css(selector):
            attrs = node.attributes
            links.append(Link(attrs.get(attr) or "", node.tag or "", attrs.get("data-sha256")))
    for selector in SRCSET:
        for node in tree.css(selector):
            for part in (node.attributes.get("srcset") or "").split(","):
                if part.strip():
                    links.append(Link(part.strip().split()[0], node.tag or ""))
    ids = {node.attributes.get("id") or "" for node in tree.css("[id]")}
    ids |= {node.attributes.get("name") or "" for node in tree.css("a[name]")}
    content = tree.css_first("article") or tree.body
    found = content.css("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]") if content is not None else []
    titles = [Heading(node.attributes.get("id") or "", _heading_text(node)) for node in found]
    return ParsedPage(rel, html, links, ids, titles)


def _heading_text(node: LexborNode) -> str:
    """A heading's text without the permalink sign MkDocs adds after it."""
    return (node.text(deep=True) or "").replace("¶", "").strip()


class Site:
    """The built site: pages parsed on first use, file hashes computed once."""

    def __init__(self, site_dir: Path, docs_dir: Path | None, site_shown: str = "site", docs_shown: str = "docs"):
        self.dir = site_dir
        self.docs_dir = docs_dir
        self.site_shown = site_shown.rstrip("/")
        self.docs_shown = docs_shown.rstrip("/")
        self.files = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}
        self.dirs = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_dir()}
        self._pages: dict[str, ParsedPage] = {}
        self._hashes: dict[str, str] = {}
        self._sources: dict[str, tuple[str, list[str]] | None] = {}

    def page(self, rel: str) -> ParsedPage:
        if rel not in self._pages:
            html = (self.dir / rel).read_text(encoding="utf-8", errors="replace")
            self._pages[rel] = parse_page(rel, html)
        return self._pages[rel]

    def anchors(self, rel: str) -> tuple[Anchors, list[Anchors]]:
        """The anchors of the built page `rel`, named by its Markdown source when there is one, and those of the
        same page built in the other languages."""
        stem = rel[: -len(".html")]
        for lang in OTHER_LANGUAGES:
            if stem.startswith(lang + "/"):
                stem = stem[len(lang) + 1 :]
        out = []
        for lang in LANGUAGES:
            built = f"{lang_prefix(lang)}{stem}.html"
            if built not in self.files:
                continue
            md = markdown_source(built)
            has_source = md is not None and self.docs_dir is not None and (self.docs_dir / md).is_file()
            shown = f"{self.docs_shown}/{md}" if has_source else f"{self.site_shown}/{built}"
            parsed = self.page(built)
            out.append((built, Anchors(shown, parsed.ids, parsed.headings)))
        own = next(anchors for built, anchors in out if built == rel)
        return own, [anchors for built, anchors in out if built != rel]

    def sha256(self, rel: str) -> str:
        if rel not in self._hashes:
            digest = hashlib.sha256()
            with open(self.dir / rel, "rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
            self._hashes[rel] = digest.hexdigest()
        return self._hashes[rel]

    def source_of(self, rel: str) -> tuple[str, list[str]] | None:
        """(shown path, lines) of the Markdown page a built page comes from, if it exists."""
        if rel in self._sources:
            return self._sources[rel]
        found = None
        md = markdown_source(rel)
        if self.docs_dir is not None and md and (self.docs_dir / md).is_file():
            try:
                lines = (self.docs_dir / md).read_text(encoding="utf-8").splitlines()
                found = (f"{self.docs_shown}/{md}", lines)
            except (OSError, UnicodeDecodeError):
                found = None
        self._sources[rel] = found
        return found

    # -- reporting ------------------------------------------------------------------------------
    def location(self, page: ParsedPage, url: str, occurrence: int = 0) -> tuple[str, int]:
        """(file, line) to report a link at: its Markdown source line, else the built page's HTML line."""
        source = self.source_of(page.rel)
        if source is not None:
            line = _markdown_line(source[1], url)
            if line:
                return source[0], line
        return f"{self.site_shown}/{page.rel}", page.line_of(url, occurrence)

    def problem(self, page: ParsedPage, link: Link, occurrence: int, message: str, fix: str) -> Problem:
        return Problem(*self.location(page, link.url, occurrence), "", message, fix)

    def html_pages(self) -> list[ParsedPage]:
        return [self.page(rel) for rel in sorted(self.files) if rel.endswith(".html")]


def markdown_source(rel: str) -> str | None:
    """docs path of a built page: x.html -> x.md, en/x.html -> x.en.md (None for other files)."""
    if not rel.endswith(".html"):
        return None
    stem = rel[: -len(".html")]
    for lang in OTHER_LANGUAGES:
        if stem.startswith(lang + "/"):
            return f"{stem[len(lang) + 1 :]}.{lang}.md"
    return f"{stem}.md"


def _markdown_line(lines: list[str], url: str) -> int:
    """Line of the Markdown source that holds the link, trying the forms a writer uses (.md for .html)."""
    path, _, fragment = url.partition("#")
    candidates = [url]
    if path.endswith(".html"):
        md = path[: -len(".html")] + ".md"
        candidates += [md + ("#" + fragment if fragment else ""), md]
    if fragment and not path:
        candidates.append("#" + fragment)
    for candidate in candidates:
        needles = (f"({candidate})", f"({candidate} ", f'"{candidate}"', f"'{candidate}'", f"<{candidate}>")
        for number, text in enumerate(lines, start=1):
            if any(needle in text for needle in needles):
                return number
    return 0


def is_web(url: str) -> bool:
    return url.strip().lower().startswith(("http://", "https://"))


def is_internal(url: str) -> bool:
    url = url.strip()
    return bool(url) and not _SCHEME.match(url)


def resolve(page_rel: str, url: str) -> tuple[str | None, str]:
    """(target path inside the site or None when it leaves the site, fragment) of a relative URL."""
    parts = urlsplit(url.strip())
    path = unquote(parts.path)
    fragment = unquote(parts.fragment)
    if not path:
        return page_rel, fragment
    if path.startswith("/"):
        target = posixpath.normpath(path.lstrip("/")) if path.strip("/") else ""
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), path))
    if target == ".":
        target = ""
    if target == ".." or target.startswith("../"):
        return None, fragment
    return target, fragment


def link_problems(site: Site) -> list[Problem]:
    """Every broken internal link, anchor and download of every page of every language."""
    out: list[Problem] = []
    for page in site.html_pages():
        seen: dict[str, int] = {}
        for link in page.links:
            occurrence = seen.get(link.url, 0)
            seen[link.url] = occurrence + 1
            if not is_internal(link.url):
                continue
            problem = _check_link(site, page, link, occurrence)
            if problem is not None:
                out.append(problem)
    for index in KITS_INDEXES:
        out.extend(kits_index_problems(site, index))
    return out


def _check_link(site: Site, page: ParsedPage, link: Link, occurrence: int) -> Problem | None:
    target, fragment = resolve(page.rel, link.url)
    if target is None:
        return site.problem(
            page,
            link,
            occurrence,
            f"link {link.url!r} points outside the site",
            "link to a page of the site with a relative path",
        )
    if target == "" or target in site.dirs:
        target = posixpath.join(target, "index.html") if target else "index.html"
    if target not in site.files:
        md = markdown_source(target)
        if md and site.docs_dir is not None and (site.docs_dir / md).is_file():
            return site.problem(
                page,
                link,
                occurrence,
                f"links to an unpublished page: {site.docs_shown}/{md} exists but "
                f"{site.site_shown}/{target} was not built",
                "publish the page (not a draft, not excluded) or remove the link",
            )
        return site.problem(
            page,
            link,
            occurrence,
            f"broken link {link.url!r}: {site.site_shown}/{target} does not exist",
            "fix the path or add the missing file",
        )
    if fragment and target.endswith(".html") and fragment not in site.page(target).ids:
        if target == page.rel:
            return site.problem(
                page,
                link,
                occurrence,
                f"broken anchor {link.url!r}: no id {fragment!r} on this page",
                "use the id of a heading on that page (see its permalink ¶)",
            )
        return site.problem(page, link, occurrence, *anchor_problem(link.url, fragment, *site.anchors(target)))
    if link.sha256 is not None:
        actual = site.sha256(target)
        if actual != link.sha256.strip().lower():
            return site.problem(
                page,
                link,
                occurrence,
                f"download {link.url!r}: SHA-256 of {site.site_shown}/{target} is {actual}, "
                f"the page says {link.sha256}",
                "rebuild the site so that the archive and its published checksum match",
            )
    return None


def kits_index_problems(site: Site, index_rel: str = KITS_INDEXES[0]) -> list[Problem]:
    """kits/kits.json (when the kits feature wrote it): each archive exists with its size and SHA-256.

    Archive paths are relative to the site root.
    """
    out: list[Problem] = []
    shown = f"{site.site_shown}/{index_rel}"
    if index_rel not in site.files:
        return out
    try:
        text = (site.dir / index_rel).read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [Problem(shown, 0, "", f"unreadable kits index ({exc})", "rebuild the site")]

    cursor = [0]

    def line_of(url: str) -> int:
        """Line of the archive in kits.json: entries are in file order, so search on from the last one."""
        pos = text.find(json.dumps(url), cursor[0])
        if pos < 0:
            return 0
        cursor[0] = pos + 1
        return text.count("\n", 0, pos) + 1

    entries = data.get("kits", []) if isinstance(data, dict) else data
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        for url, sha256, size in _archives(entry):
            where, line = f"kits[{index}]", line_of(url)
            target = resolve("index.html", url)[0] if is_internal(url) else None
            target = target if target in site.files else None
            if target is None:
                out.append(
                    Problem(
                        shown,
                        line,
                        where,
                        f"archive {url!r} does not exist in the site",
                        "rebuild the site; check the kit's archive name",
                    )
                )
                continue
            if sha256 and site.sha256(target) != str(sha256).lower():
                out.append(
                    Problem(
                        shown,
                        line,
                        where,
                        f"archive {url!r}: SHA-256 is {site.sha256(target)}, kits.json says {sha256}",
                        "rebuild the site",
                    )
                )
            actual_size = (site.dir / target).stat().st_size
            if size is not None and actual_size != size:
                out.append(
                    Problem(
                        shown,
                        line,
                        where,
                        f"archive {url!r}: size is {actual_size} bytes, kits.json says {size}",
                        "rebuild the site",
                    )
                )
    return out


def _archives(entry: object) -> list[tuple[str, str | None, int | None]]:
    """(archive, sha256, size) of a kits.json entry (written by sitekit.kits.package.kits_json).

    `archive` is a path from the site root; the files listed under `files` are inside the archive.
    """
    if not isinstance(entry, dict) or not isinstance(entry.get("archive"), str):
        return []
    size = entry.get("size")
    return [(entry["archive"], entry.get("sha256"), size if isinstance(size, int) else None)]
