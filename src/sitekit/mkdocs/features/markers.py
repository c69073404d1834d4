"""Feature `markers`: page markers under their former names (`<!-- calendrier -->`...) read as the new ones and told
once, and a marker that is unknown or was not replaced stops the build, naming the page."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sitekit.mkdocs.features import Feature
from sitekit.pages.markers import leftover_markers, with_new_names


class MarkersFeature(Feature):
    name = "markers"

    @event_priority(100)  # before any feature looks for its markers
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return with_new_names(markdown)

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        """After every feature filled its markers (this feature comes after them in FEATURES)."""
        left = leftover_markers(page.content or "")
        if left:
            raise PluginError(
                f"{page.file.src_uri}: marker <!-- {left[0]} --> is unknown or was not replaced "
                "(check its spelling; known markers are listed in src/sitekit/pages/markers.py)"
            )
        return context
