"""Feature `drafts`: a page marked draft (front matter `draft: true`, sitekit.pages.drafts) leaves a build without
drafts before MkDocs reads the pages: no page, no menu entry (its line of `nav:` is dropped), no search or site-map
entry. Only make preview ($SITEKIT_DRAFTS, the plugin's `drafts`) builds it. A published page that links to it stops
the build: MkDocs' warning, told again by the messages feature as a link to an unpublished page."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from sitekit.mkdocs.features import Feature
from sitekit.pages.drafts import draft_pages, without_pages


class DraftsFeature(Feature):
    name = "drafts"

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Before the i18n plugin (priority -100) sorts the languages: the draft pages out, and out of `nav:`."""
        if self.build.settings.drafts:
            return files
        drafts = draft_pages(Path(config.docs_dir), [f.src_uri for f in files.documentation_pages()])
        if not drafts:
            return files
        for file in [f for f in files if f.src_uri in drafts]:
            files.remove(file)
        if config.nav is not None:
            config.nav = without_pages(config.nav, drafts) or []
        return files
