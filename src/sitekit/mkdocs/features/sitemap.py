"""Feature `sitemap`: fills `<!-- sitemap -->` with the navigation of the current language."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypedDict

from jinja2 import Environment, FileSystemLoader, select_autoescape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from sitekit.mkdocs.features import Feature
from sitekit.mkdocs.support import Build, page_language
from sitekit.pages.markers import marker

MARKER = "sitemap"


class Entry(TypedDict):
    """One line of the site map: a page or link (with its href) or a section (with its children)."""

    title: str | None
    href: str | None
    children: list[Entry]


def tree(items: Sequence[StructureItem], page: Page) -> list[Entry]:
    """The navigation `items` as site-map entries, their links relative to `page`."""
    out: list[Entry] = []
    for item in items:
        if isinstance(item, Page):
            out.append({"title": item.title, "href": get_relative_url(item.url, page.url), "children": []})
        elif isinstance(item, Section):
            out.append({"title": item.title, "href": None, "children": tree(item.children, page)})
        elif isinstance(item, Link):
            out.append({"title": item.title, "href": item.url, "children": []})
    return out


class SitemapFeature(Feature):
    name = "sitemap"

    def __init__(self, build: Build) -> None:
        super().__init__(build)
        self._envs: dict[Path, Environment] = {}

    def _env(self) -> Environment:
        templates = self.build.root / "overrides" / "partials"
        if templates not in self._envs:
            self._envs[templates] = Environment(
                loader=FileSystemLoader(templates),
                autoescape=select_autoescape(["html"]),
                trim_blocks=True,
                lstrip_blocks=True,
            )
        return self._envs[templates]

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        tag, content = marker(MARKER), page.content or ""
        if tag in content:
            strings = self.build.project(config).strings.for_language(page_language(config))
            html = self._env().get_template("site-map.html").render(tree=tree(nav.items, page), ui=strings)
            page.content = content.replace(tag, html)
        return context
