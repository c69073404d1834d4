"""MkDocs hook: the same sources and build date give the same bytes, whatever the wall clock says.

Without SOURCE_DATE_EPOCH, MkDocs stamps every page with the wall-clock date (the sitemap's <lastmod>)
and writes that moment into the sitemap.xml.gz header: two builds for one CARE_TODAY made on two days
differed. This hook sets SOURCE_DATE_EPOCH to the build date (sitekit.core.today.build_date) before pages are
read, unless it was set outside this hook (then it wins).
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from sitekit.core.today import BuildDateError, build_date
from sitekit.site.reproducible import build_clock

_set_here: dict[str, str] = {}  # what this hook set, so that `mkdocs serve` follows a new build date


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        day = build_date()
    except BuildDateError as exc:
        raise PluginError(str(exc)) from None
    environ = {k: v for k, v in os.environ.items() if _set_here.get(k) != v}
    clock = build_clock(environ, day)
    os.environ.update(clock)
    _set_here.update(clock)
    return config
