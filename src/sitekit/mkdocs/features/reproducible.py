"""Feature `reproducible`: the same sources and build date give the same bytes, whatever the wall clock says.

Without SOURCE_DATE_EPOCH, MkDocs stamps every page with the wall-clock date (the sitemap's <lastmod>) and writes
that moment into the sitemap.xml.gz header: two builds for one build date made on two days differed. This feature
sets SOURCE_DATE_EPOCH to the build date before pages are read, unless it was set outside the plugin (then it wins).
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig

from sitekit.mkdocs.features import Feature
from sitekit.mkdocs.support import Build
from sitekit.site.reproducible import build_clock


class ReproducibleFeature(Feature):
    name = "reproducible"

    def __init__(self, build: Build) -> None:
        super().__init__(build)
        self._set_here: dict[str, str] = {}  # what this feature set, so that `mkdocs serve` follows a new date

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        environ = {k: v for k, v in os.environ.items() if self._set_here.get(k) != v}
        clock = build_clock(environ, self.build.today)
        os.environ.update(clock)
        self._set_here.update(clock)
        return config
