"""Feature `typography`: French typography done by the build. Every French page leaves with the non-breaking spaces
of `sitekit.core.typography` in its text (the body, the navigation, the title, the header and footer; never in
code, attributes or URLs), and its meta description too; English pages are left as they are."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sitekit.core.typography import french_html, french_text
from sitekit.mkdocs.features import Feature
from sitekit.mkdocs.support import page_language

FRENCH = "fr"
META_TEXTS = ("description",)  # front matter written into an attribute (<meta content>): not reached by the HTML pass


def french_meta(value: object) -> object:
    """A front-matter text with French typography: escaped text (Markup, from `safety`) as HTML, plain text as text."""
    if isinstance(value, Markup):
        return Markup(french_html(str(value)))
    if isinstance(value, str):
        return french_text(value)
    return value


class TypographyFeature(Feature):
    name = "typography"

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        if page_language(config) == FRENCH:
            for key in META_TEXTS:
                if key in page.meta:
                    page.meta[key] = french_meta(page.meta[key])
        return context

    @event_priority(-900)  # after every feature and plugin wrote the page, before safety's policy (-1000)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return french_html(output) if page_language(config) == FRENCH else output

    @event_priority(-900)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """The pages made from a template alone (404.html) in French too; sitemap.xml is not prose."""
        if template_name.endswith(".html") and page_language(config) == FRENCH:
            return french_html(output_content)
        return output_content
