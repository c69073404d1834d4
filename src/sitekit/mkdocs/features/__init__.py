"""The plugin's features: one concern of the build each (a page family, the profile, safety, search...), each
owning the MkDocs events it handles. The order they run in is `sitekit.mkdocs.plugin.FEATURES`."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from mkdocs.config.defaults import MkDocsConfig

from sitekit.mkdocs.support import Build, KeptRenders, PageFamily, Stubs
from sitekit.project import Project
from sitekit.site.templating import TemplateRenderer

R = TypeVar("R", bound=TemplateRenderer)


class Feature:
    """One concern of the build. A subclass defines the MkDocs event methods it needs (`on_config`, `on_files`,
    `on_page_markdown`, ...), with MkDocs' signatures; `@event_priority(n)` on a method runs it in another band than
    the default 0 (the plugin runs each band's features in FEATURES order). What features share is in `build`."""

    name: ClassVar[str]

    def __init__(self, build: Build) -> None:
        self.build = build


class FamilyFeature(Feature, Generic[R]):
    """The feature of a page family made from data (calls, criteria, campaigns): its renderer and its page stubs
    prepared in on_config (`family`, a PageFamily named after the feature), its rendered fragments kept between
    `mkdocs serve` rebuilds (`kept`). A subclass says what its renderer is made from and which stubs it writes."""

    what: ClassVar[str]  # the family's name in messages ("call calendar")

    def __init__(self, build: Build) -> None:
        super().__init__(build)
        self.family: PageFamily[R] = PageFamily(build, self.name, self.make_renderer, self.what, self.stubs())
        self.kept = KeptRenders()

    def make_renderer(self, project: Project, templates: Path) -> R:
        raise NotImplementedError

    def stubs(self) -> Stubs[Any, R] | None:
        """The generated pages of the family: one stub per item and language (None: no stub)."""
        return None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.family.prepare(config)
        return config
