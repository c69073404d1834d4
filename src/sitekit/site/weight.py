"""Page weight: the bytes a browser loads for a built page, found statically, and the search index sizes."""

from __future__ import annotations

import argparse
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
WORKER_SCRIPT = re.compile(r'"([\w.-]+\.js)"')  # a script named in quotes, in the worker's folder


@dataclass
class PageWeight:
    page: str
    files: dict[str, int] = field(default_factory=dict)  # site-relative path -> bytes, each file once
    missing: list[str] = field(default_factory=list)  # referenced local files that do not exist

    def bytes_of(self, kind: str) -> int:
        return sum(size for path, size in self.files.items() if kind_of(path) == kind)

    @property
    def total(self) -> int:
        return sum(self.files.values())


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


def worker_references(js: str) -> list[str]:
    """Scripts a search worker loads from its own folder, named in quotes ("search.a7633da7.min.js": the site's
    worker loads Material's)."""
    return WORKER_SCRIPT.findall(js)


def css_references(css: str) -> list[str]:
    return [next(g for g in groups if g) for groups in CSS_URL.findall(css) if any(groups)]


def page_weight(site: Path, page: str) -> PageWeight:
    """The page's own bytes plus every local file it references, and those its stylesheets reference, once each."""
    weight = PageWeight(page)
    pending = [page]
    worker: str | None = None
    while pending:
        path = pending.pop()
        if path in weight.files or path in weight.missing:
            continue
        file = site / path
        if not file.is_file():
            weight.missing.append(path)
            continue
        weight.files[path] = file.stat().st_size
        if path == page:
            html = file.read_text(encoding="utf-8")
            urls = page_references(html)
            worker = _resolve(path, search_worker(html) or "")
        elif path == worker:
            urls = [url for url in worker_references(file.read_text(encoding="utf-8")) if (file.parent / url).is_file()]
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


def load_budgets(path: Path, display_path: str | None = None) -> dict[str, int]:
    """Budgets file: `site-relative path: bytes`, one per line; problems name the line."""
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
    for key, value in doc.data.items():
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            problems.add(
                shown,
                doc.line((key,)),
                str(key),
                f"{value!r} is not a number of bytes",
                "write a whole number greater than 0, e.g. 120000",
            )
    problems.raise_if_errors()
    return {str(k): v for k, v in doc.data.items()}


# Command line: sitekit-weight (scripts/weight.py is a thin wrapper).
COLUMNS = ("html", "css", "js", "fonts", "images")


def table(weights: list[PageWeight], indexes: dict[str, int]) -> str:
    width = max([len("page")] + [len(w.page) for w in weights] + [len(p) for p in indexes])
    header = f"{'page':<{width}}" + "".join(f"{c:>10}" for c in COLUMNS + ("total",))
    lines = [header, "-" * len(header)]
    for w in weights:
        cells = [w.bytes_of(kind) for kind in COLUMNS]
        other = w.bytes_of("other")
        lines.append(
            f"{w.page:<{width}}"
            + "".join(f"{c:>10}" for c in cells + [w.total])
            + (f"  (other {other})" if other else "")
        )
    lines += ["", f"{'search index':<{width}}{'bytes':>10}"]
    lines += [f"{path:<{width}}{size:>10}" for path, size in indexes.items()]
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
    print(table(weights, search_index_sizes(args.site)))
    missing = [f"{w.page}: {path} is referenced but missing" for w in weights for path in w.missing]
    for line in missing:
        print(line, file=sys.stderr)
    return 1 if missing else 0
