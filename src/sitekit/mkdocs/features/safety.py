"""Feature `safety`: what no page can break. Page sources checked before MkDocs reads them, page metadata escaped
for the theme's head, template sources never published, a Content-Security-Policy in every page."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitekit.core.typography import decode_spaces
from sitekit.mkdocs.features import Feature
from sitekit.pages.sources import page_source_problems
from sitekit.site.csp import with_policy

# Front matter that Material writes into the page without escaping: <title>, <meta name="description">,
# <meta name="author">, the header, the first heading, the footer links and the search index.
HEAD_META = ("title", "description", "author", "subtitle")
TEMPLATE_FOLDER = "partials"  # overrides/partials/: templates the build reads, never files of the site


def escape_metadata(page: Page) -> None:
    """Page metadata as HTML text: the theme prints it as is (a straight quote in a description cut the <meta> tag
    short). Markup is a str: the plain text stays readable by features, and an autoescaping template does not
    escape it twice. A no-break space typed as `&nbsp;` (accepted by the source check) is read as the character,
    not shown as written."""
    for key in HEAD_META:
        value = page.meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[key] = escape(decode_spaces(value))


class SafetyFeature(Feature):
    name = "safety"

    @event_priority(100)  # before the other features and plugins look at the files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        problems = page_source_problems(Path(config.docs_dir), cache_folder=self.build.cache_folder("pages"))
        if problems:
            raise PluginError(f"pages that cannot be built:\n{self.build.format(problems)}")
        custom_dir = Path(config.theme.custom_dir or "").resolve()
        for file in list(files):
            # (both paths resolved: with a relative --config-file, MkDocs gives files a relative abs_src_path)
            source = Path(file.abs_src_path or "").resolve()
            if file.src_uri.startswith(TEMPLATE_FOLDER + "/") and source.is_relative_to(custom_dir):
                files.remove(file)  # e.g. partials/kits/archive-licence.txt, which MkDocs would copy as a theme file
        return files

    @event_priority(100)  # before anything else reads the metadata
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        escape_metadata(page)
        return markdown

    @event_priority(-1000)  # last: the hashes are those of the final text of each inline script
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return with_policy(output)

    @event_priority(-1000)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """Pages made from a template alone (404.html) get the policy too; sitemap.xml is not HTML."""
        return with_policy(output_content) if template_name.endswith(".html") else output_content
