"""MkDocs hook: fills `<!-- plan-du-site -->` with the navigation of the current language; refuses stray markers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypedDict

from jinja2 import Environment, FileSystemLoader, select_autoescape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from sitekit.pages.markers import leftover_markers, marker

TEMPLATES = Path(__file__).resolve().parent.parent / "overrides" / "partials"
_env = Environment(
    loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True
)


class Entry(TypedDict):
    """One line of the site map: a page or link (with its href) or a section (with its children)."""

    title: str | None
    href: str | None
    children: list[Entry]


def _tree(items: Sequence[StructureItem], page: Page) -> list[Entry]:
    out: list[Entry] = []
    for item in items:
        if isinstance(item, Page):
            out.append({"title": item.title, "href": get_relative_url(item.url, page.url), "children": []})
        elif isinstance(item, Section):
            out.append({"title": item.title, "href": None, "children": _tree(item.children, page)})
        elif isinstance(item, Link):
            out.append({"title": item.title, "href": item.url, "children": []})
    return out


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    tag = marker("plan-du-site")
    content = page.content or ""
    if tag in content:
        html = _env.get_template("site-map.html").render(tree=_tree(nav.items, page), ui=context.get("ui", {}))
        page.content = content.replace(tag, html)
    left = leftover_markers(page.content or "")
    if left:
        raise PluginError(
            f"{page.file.src_uri}: marker <!-- {left[0]} --> is unknown or was not replaced "
            "(check its spelling; known markers are listed in src/sitekit/pages/markers.py)"
        )
    return context
