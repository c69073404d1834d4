"""Helpers to read a built site in tests: pages per language, the resources a page loads, the pages over their weight
budget, the files two builds differ by."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from sitekit.i18n.strings import DEFAULT_LANGUAGE, LANGUAGES

NON_PAGE_DIRS = {"assets", "search"} | {lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE}
RESOURCE_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "preload",
    "preconnect",
    "dns-prefetch",
    "prefetch",
    "modulepreload",
    "manifest",
    "apple-touch-icon",
    "mask-icon",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
# How far past its budget (tests/budgets.yml) a page may weigh.
TOLERANCE = 0.10


def pages(site: Path, lang: str) -> list[str]:
    """Paths of the HTML pages of a language, relative to that language's root."""
    root = site if lang == DEFAULT_LANGUAGE else site / lang
    found = []
    for file in sorted(root.rglob("*.html")):
        rel = file.relative_to(root)
        if rel.parts[0] in NON_PAGE_DIRS or rel.name == "404.html":
            continue
        found.append(rel.as_posix())
    return found


def resource_urls(html: str) -> list[str]:
    """Every URL the browser fetches by itself when it renders the page (not hyperlinks)."""
    tree = HTMLParser(html)
    urls: list[str] = []
    for node in tree.css(
        "script[src], img[src], iframe[src], audio[src], video[src], source[src], embed[src], track[src]"
    ):
        urls.append(node.attributes["src"] or "")
    for node in tree.css("img[srcset], source[srcset]"):
        urls += [part.strip().split(" ")[0] for part in (node.attributes["srcset"] or "").split(",")]
    for node in tree.css("object[data]"):
        urls.append(node.attributes["data"] or "")
    for node in tree.css("link[href]"):
        rels = set((node.attributes.get("rel") or "").lower().split())
        if rels & RESOURCE_RELS:
            urls.append(node.attributes["href"] or "")
    for node in tree.css("[style]"):
        urls += [a or b for a, b in CSS_URL.findall(node.attributes["style"] or "")]
    for node in tree.css("style"):
        urls += [a or b for a, b in CSS_URL.findall(node.text() or "")]
    return urls


def is_external(url: str) -> bool:
    return bool(EXTERNAL.match(url.strip())) and not url.strip().lower().startswith(("data:", "file:"))


def over_budget(measures: dict[str, int], budgets: dict[str, int]) -> list[str]:
    return [
        f"{path}: {measures[path]} bytes, budget {budget} (+{(measures[path] / budget - 1) * 100:.1f} %)"
        for path, budget in budgets.items()
        if measures[path] > budget * (1 + TOLERANCE)
    ]


def over_gzip_budget(measures: dict[str, int], budgets: dict[str, int]) -> list[str]:
    """gzip budgets are ceilings: no tolerance."""
    return [
        f"{path}: {measures[path]} gzip bytes, budget {budget} (+{measures[path] - budget} bytes)"
        for path, budget in budgets.items()
        if measures[path] > budget
    ]


def digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def differences(a: Path, b: Path) -> list[str]:
    left, right = digests(a), digests(b)
    return (
        [f"only in the first build: {name}" for name in sorted(left.keys() - right.keys())]
        + [f"only in the second build: {name}" for name in sorted(right.keys() - left.keys())]
        + [f"different bytes: {name}" for name in sorted(left.keys() & right.keys()) if left[name] != right[name]]
    )
