"""The plugin's features: one concern of the build each (a page family, the profile, safety, search...), each
owning the MkDocs events it handles. The order they run in is `sitekit.mkdocs.plugin.FEATURES`."""

from __future__ import annotations

from typing import ClassVar

from sitekit.mkdocs.support import Build


class Feature:
    """One concern of the build. A subclass defines the MkDocs event methods it needs (`on_config`, `on_files`,
    `on_page_markdown`, ...), with MkDocs' signatures; `@event_priority(n)` on a method runs it in another band than
    the default 0 (the plugin runs each band's features in FEATURES order). What features share is in `build`."""

    name: ClassVar[str]

    def __init__(self, build: Build) -> None:
        self.build = build
