"""MkDocs hook: fills `<!-- plan-du-site -->` with the navigation of the current language; refuses stray markers."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from sitekit.markers import leftover_markers, marker

TEMPLATES = Path(__file__).resolve().parent.parent / "overrides" / "partials"
_env = Environment(
    loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True
)


def _tree(items, page):
    out = []
    for item in items:
        if item.is_page:
            out.append({"title": item.title, "href": get_relative_url(item.url, page.url), "children": []})
        elif item.is_section:
            out.append({"title": item.title, "href": None, "children": _tree(item.children, page)})
        elif item.is_link:
            out.append({"title": item.title, "href": item.url, "children": []})
    return out


def on_page_context(context, page, config, nav, **kwargs):
    tag = marker("plan-du-site")
    if tag in (page.content or ""):
        html = _env.get_template("site-map.html").render(tree=_tree(nav.items, page), ui=context.get("ui", {}))
        page.content = page.content.replace(tag, html)
    left = leftover_markers(page.content or "")
    if left:
        raise PluginError(
            f"{page.file.src_uri}: marker <!-- {left[0]} --> is unknown or was not replaced "
            "(check its spelling; known markers are listed in src/sitekit/markers.py)"
        )
    return context
