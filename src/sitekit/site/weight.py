"""Page weight: the bytes a browser loads for a built page, found statically, and the search index sizes."""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import posixpath
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from sitekit.core.problems import Collector
from sitekit.core.yamlfile import load_yaml
from sitekit.i18n.strings import LANGUAGES, lang_prefix
from sitekit.site.paths import SEARCH_INDEX

KINDS = ("html", "css", "js", "fonts", "images", "other")
EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".css": "css",
    ".js": "js",
    ".mjs": "js",
    ".woff2": "fonts",
    ".woff": "fonts",
    ".ttf": "fonts",
    ".otf": "fonts",
    ".eot": "fonts",
    ".svg": "images",
    ".png": "images",
    ".jpg": "images",
    ".jpeg": "images",
    ".gif": "images",
    ".webp": "images",
    ".avif": "images",
    ".ico": "images",
}
# <link rel> values whose target the browser fetches while rendering the page.
FETCHED_RELS = {"stylesheet", "icon", "shortcut", "preload", "modulepreload", "apple-touch-icon", "mask-icon"}
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""")
NOT_A_FILE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.I)  # data:, http:, //host, #fragment
# gzip as a server sends the files: each file compressed on its own at level 9 (gzip -9, as precompressed files
# for nginx's gzip_static or a CDN; nginx compressing on the fly at its default gzip_comp_level 1 sends a few per
# cent more).
GZIP_LEVEL = 9


@dataclass
class PageWeight:
    page: str
    files: dict[str, int] = field(default_factory=dict)  # site-relative path -> bytes, each file once
    missing: list[str] = field(default_factory=list)  # referenced local files that do not exist
    gzipped: dict[str, int] = field(default_factory=dict)  # site-relative path -> bytes once gzipped (GZIP_LEVEL)

    def bytes_of(self, kind: str) -> int:
        return sum(size for path, size in self.files.items() if kind_of(path) == kind)

    def gzip_of(self, kind: str) -> int:
        return sum(size for path, size in self.gzipped.items() if kind_of(path) == kind)

    @property
    def total(self) -> int:
        return sum(self.files.values())

    @property
    def gzip_total(self) -> int:
        return sum(self.gzipped.values())


def gzip_size(file: Path) -> int:
    """Bytes of the file once gzipped at GZIP_LEVEL (no name, no time in the header: the same bytes each time)."""
    stat = file.stat()
    return _gzip_size(str(file), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=4096)
def _gzip_size(path: str, size: int, mtime_ns: int) -> int:
    # Keyed by size and modification time too: a file rebuilt in the same process is compressed again.
    return len(gzip.compress(Path(path).read_bytes(), GZIP_LEVEL, mtime=0))


def kind_of(path: str) -> str:
    return EXTENSIONS.get(posixpath.splitext(path)[1].lower(), "other")


def _resolve(base_file: str, url: str) -> str | None:
    """Site-relative path of a URL written in `base_file` (a site-relative path); None if not a local file."""
    url = url.strip()
    if not url or NOT_A_FILE.match(url):
        return None
    url = url.split("#")[0].split("?")[0]
    target = url.lstrip("/") if url.startswith("/") else posixpath.join(posixpath.dirname(base_file), url)
    return posixpath.normpath(target)


def page_references(html: str) -> list[str]:
    """URLs a page makes the browser load: stylesheets, scripts, images, icons, inline CSS, the search worker."""
    tree = HTMLParser(html)
    urls: list[str] = []
    for node in tree.css("script[src], img[src], source[src], iframe[src], video[poster]"):
        urls.append(node.attributes.get("src") or node.attributes.get("poster") or "")
    for node in tree.css("img[srcset], source[srcset]"):
        urls += [part.strip().split(" ")[0] for part in (node.attributes["srcset"] or "").split(",")]
    for node in tree.css("link[href]"):
        if set((node.attributes.get("rel") or "").lower().split()) & FETCHED_RELS:
            urls.append(node.attributes["href"] or "")
    for node in tree.css("[style]"):
        urls += css_references(node.attributes["style"] or "")
    for node in tree.css("style"):
        urls += css_references(node.text() or "")
    worker = search_worker(html)
    if worker:
        urls.append(worker)
    return urls


def search_worker(html: str) -> str | None:
    """The URL of the search worker that Material starts on every page (its configuration's "search")."""
    config = HTMLParser(html).css_first("script#__config")
    if config is None:
        return None
    worker = json.loads(config.text() or "{}").get("search")
    return worker if isinstance(worker, str) and worker else None


def css_references(css: str) -> list[str]:
    return [next(g for g in groups if g) for groups in CSS_URL.findall(css) if any(groups)]


def page_weight(site: Path, page: str) -> PageWeight:
    """The page's own bytes plus every local file it references, and those its stylesheets reference, once each.
    The search worker is counted alone: Material's worker, lunr and the index are loaded when the search opens
    (sitekit.site.slim; tests/browser/test_weight_browser.py checks it against what Chromium loads)."""
    weight = PageWeight(page)
    pending = [page]
    while pending:
        path = pending.pop()
        if path in weight.files or path in weight.missing:
            continue
        file = site / path
        if not file.is_file():
            weight.missing.append(path)
            continue
        weight.files[path] = file.stat().st_size
        weight.gzipped[path] = gzip_size(file)
        if path == page:
            html = file.read_text(encoding="utf-8")
            urls = page_references(html)
        elif kind_of(path) == "css":
            urls = css_references(file.read_text(encoding="utf-8"))
        else:
            continue
        pending += [target for url in urls if (target := _resolve(path, url)) is not None]
    return weight


def search_index_sizes(site: Path) -> dict[str, int]:
    """Bytes of each language's search index (site/search/ and site/en/search/), by index path."""
    paths = [f"{lang_prefix(lang)}{SEARCH_INDEX}" for lang in LANGUAGES]
    return {path: (site / path).stat().st_size for path in paths if (site / path).is_file()}


def measure(site: Path, path: str) -> tuple[int, int]:
    """(bytes, gzip bytes) of a budgeted path: a page with everything it loads, or a search index alone."""
    if path in search_index_sizes(site):
        return (site / path).stat().st_size, gzip_size(site / path)
    weight = page_weight(site, path)
    return weight.total, weight.gzip_total


GZIP_SECTION = "gzip"


@dataclass(frozen=True)
class Budgets:
    """A budgets file: bytes per page or index (checked with a tolerance by the tests), and gzip bytes, under its
    `gzip:` section (ceilings)."""

    bytes: dict[str, int]
    gzip: dict[str, int]


def load_budgets(path: Path, display_path: str | None = None) -> Budgets:
    """Budgets file: `site-relative path: bytes`, one per line, and a `gzip:` section of the same lines for gzip
    bytes; problems name the line."""
    shown = display_path or str(path)
    doc = load_yaml(path, shown)
    problems = Collector()
    if not isinstance(doc.data, dict) or not doc.data:
        problems.add(
            shown,
            1,
            "",
            "expected lines of the form `page.html: bytes`",
            "write one page per line, e.g. index.html: 120000",
        )
        problems.raise_if_errors()

    def read(entries: dict[object, object], within: tuple[str, ...]) -> dict[str, int]:
        for key, value in entries.items():
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                problems.add(
                    shown,
                    doc.line((*within, key)),
                    ".".join((*within, str(key))),
                    f"{value!r} is not a number of bytes",
                    "write a whole number greater than 0, e.g. 120000",
                )
        return {str(k): v for k, v in entries.items() if isinstance(v, int)}

    section = doc.data.get(GZIP_SECTION, {})
    if not isinstance(section, dict):
        problems.add(
            shown,
            doc.line((GZIP_SECTION,)),
            GZIP_SECTION,
            f"{section!r} is not a list of pages",
            "write one page per line under gzip:, indented, e.g.   index.html: 60000",
        )
        section = {}
    budgets = Budgets(
        bytes=read({k: v for k, v in doc.data.items() if k != GZIP_SECTION}, ()),
        gzip=read(section, (GZIP_SECTION,)),
    )
    problems.raise_if_errors()
    return budgets


# Command line: sitekit-weight (scripts/weight.py is a thin wrapper).
COLUMNS = ("html", "css", "js", "fonts", "images")


def table(weights: list[PageWeight], indexes: dict[str, tuple[int, int]]) -> str:
    """The bytes of each page by kind, then the same once gzipped, then each search index's bytes and gzip bytes."""
    width = max([len("search index")] + [len(w.page) for w in weights] + [len(p) for p in indexes])
    lines: list[str] = []
    for title, of, total in (
        ("page", PageWeight.bytes_of, "total"),
        (f"gzip -{GZIP_LEVEL}", PageWeight.gzip_of, "gzip_total"),
    ):
        header = f"{title:<{width}}" + "".join(f"{c:>10}" for c in COLUMNS + ("total",))
        lines += ([""] if lines else []) + [header, "-" * len(header)]
        for w in weights:
            cells = [of(w, kind) for kind in COLUMNS]
            other = of(w, "other")
            lines.append(
                f"{w.page:<{width}}"
                + "".join(f"{c:>10}" for c in [*cells, getattr(w, total)])
                + (f"  (other {other})" if other else "")
            )
    lines += ["", f"{'search index':<{width}}{'bytes':>10}{'gzip':>10}"]
    lines += [f"{path:<{width}}{size:>10}{gz:>10}" for path, (size, gz) in indexes.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument(
        "--page", action="append", default=[], help="a page, relative to the site (repeat; default: every page)"
    )
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site}: no built site here (run `make build` first, or pass --site)", file=sys.stderr)
        return 2
    pages = args.page or sorted(p.relative_to(args.site).as_posix() for p in args.site.rglob("*.html"))
    weights = [page_weight(args.site, page) for page in pages]
    indexes = {path: (size, gzip_size(args.site / path)) for path, size in search_index_sizes(args.site).items()}
    print(table(weights, indexes))
    missing = [f"{w.page}: {path} is referenced but missing" for w in weights for path in w.missing]
    for line in missing:
        print(line, file=sys.stderr)
    return 1 if missing else 0
