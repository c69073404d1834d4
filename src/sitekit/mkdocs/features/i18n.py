"""Feature `i18n`: interface strings, language root and footer links for templates in both languages; the
hreflang links Material writes taken out, and the 404 page kept in the default language."""

from __future__ import annotations

import posixpath
import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from sitekit.i18n.strings import DEFAULT_LANGUAGE, Strings, lang_prefix
from sitekit.mkdocs.features import Feature
from sitekit.mkdocs.support import Build, other_language_pass, page_language

FOOTER_PAGES = (
    ("footer.legal", "mentions-legales.html"),
    ("footer.accessibility", "accessibilite.html"),
    ("footer.sitemap", "plan-du-site.html"),
)

# Material writes <link rel="alternate" hreflang> for each language and its script then fetches a
# sitemap.xml beside each of those page URLs: a 404 per page on a server, a CORS error from file://.
# The header's language switcher already links every page to its translation.
# (The pattern starts with its literal text so that the regex engine jumps to it: it runs on every page.)
_HREFLANG_LINK = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[a-z-]+">\s*')

# 404.html: the i18n plugin builds it once per language into the same file (the English one won, with
# lang="en") and gives its language switcher the alternates of the last page built (the kits page).
# Keep the default language's 404 page, without hreflang links (each made the browser fetch a missing
# sitemap.xml), and point its language switcher to each language's home page.
_SWITCHER_LINK = re.compile(r'<a href="[^"]*" hreflang="([a-z-]+)" class="md-select__link"')


class I18nFeature(Feature):
    name = "i18n"

    def __init__(self, build: Build) -> None:
        super().__init__(build)
        self._strings = Strings({})
        # What every page of a folder gets, made once per build, language and folder: (lang, folder) -> entries.
        self._by_folder: dict[tuple[str, str], dict[str, object]] = {}
        self._not_found_page: str | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not other_language_pass(config):
            self._strings = self.build.project(config).strings
            self._by_folder.clear()
        return config

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        context.update(self.page_strings(page_language(config), page.url))
        return context

    def page_strings(self, lang: str, url: str) -> dict[str, object]:
        """`ui` (the interface strings of `lang`), `ui_lang`, `lang_root` and `footer_links` for the page at `url`."""
        head, tail = posixpath.split(url)
        key = (lang, head if "." in tail else url)  # the folder links are relative to (as get_relative_url sees it)
        if key not in self._by_folder:
            prefix, strings = lang_prefix(lang), self._strings
            self._by_folder[key] = {
                "ui": strings.for_language(lang),
                "ui_lang": lang,
                "lang_root": get_relative_url(prefix or ".", url).rstrip("/") or ".",
                "footer_links": [
                    {"title": strings.get(name, lang), "href": get_relative_url(prefix + target, url)}
                    for name, target in FOOTER_PAGES
                ],
            }
        return self._by_folder[key]

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # Material writes those links in <head>: only the head is searched, not the whole page.
        end = output.find("</head>")
        if end < 0:
            return _HREFLANG_LINK.sub("", output)
        return _HREFLANG_LINK.sub("", output[:end]) + output[end:]

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if template_name != "404.html":
            return output_content
        if page_language(config) != DEFAULT_LANGUAGE:
            return self._not_found_page or output_content
        root = (config.site_url and re.sub(r"^[a-z]+://[^/]+", "", config.site_url).rstrip("/") + "/") or "/"
        html = _HREFLANG_LINK.sub("", output_content)
        html = _SWITCHER_LINK.sub(
            lambda m: (
                f'<a href="{root}{lang_prefix(m.group(1))}index.html" hreflang="{m.group(1)}" class="md-select__link"'
            ),
            html,
        )
        self._not_found_page = html
        return html

    def on_template_context(
        self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        """Interface strings for the 404 page too (it is a template, not a page: on_page_context skips it)."""
        if template_name == "404.html":
            context["ui"] = self._strings.for_language(DEFAULT_LANGUAGE)
        return context
