"""Feature `calls`: the CaRE call calendar (`<!-- calls-calendar -->`, `<!-- calls-timeline -->`, one page per call
`<!-- call-page -->`), the calls open for the establishment's sector (`<!-- calls-open -->`, on the staff home), the
announcement bar, and the ICS and JSON exports."""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sitekit.calls.export import call_ics, calls_ics, calls_json
from sitekit.calls.model import Audience, Call, start_of_day
from sitekit.calls.view import CallsRenderer
from sitekit.mkdocs.features import FamilyFeature
from sitekit.mkdocs.support import Build, Stubs, is_first_minute, page_item, page_language, write_exports
from sitekit.profile.model import Kind
from sitekit.project import CALLS, Project
from sitekit.site.ics import ics_cache
from sitekit.site.paths import CALL_EXPORTS, CALL_PAGES

# The calls that concern an establishment of each kind (a call whose audience the sources do not give is shown).
SECTOR_AUDIENCES: dict[Kind, frozenset[Audience]] = {
    Kind.SANITAIRE: frozenset({Audience.SANITAIRE, Audience.BOTH, Audience.UNKNOWN}),
    Kind.GROUPEMENT: frozenset({Audience.SANITAIRE, Audience.BOTH, Audience.UNKNOWN}),
    Kind.MEDICO_SOCIAL: frozenset({Audience.MEDICO_SOCIAL, Audience.BOTH, Audience.UNKNOWN}),
}


class CallsFeature(FamilyFeature[CallsRenderer]):
    name = "calls"
    what = "call calendar"

    def __init__(self, build: Build) -> None:
        super().__init__(build)
        self._day: tuple[date, datetime] | None = None  # the build date and its first moment

    def make_renderer(self, project: Project, templates: Path) -> CallsRenderer:
        return CallsRenderer(templates, project.strings)

    def stubs(self) -> Stubs[Call, CallsRenderer]:
        return Stubs(CALL_PAGES, lambda project: project.calls, lambda c: c.id, CallsRenderer.call_stub)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.family.prepare(config):
            today = self.build.today
            if self._day is None or self._day[0] != today:  # the same objects while the date is the same
                self._day = (today, start_of_day(today))
        return config

    @property
    def now(self) -> datetime:
        if self._day is None:
            raise RuntimeError("the calls feature's on_config has not run")
        return self._day[1]

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        lang, url = page_language(config), page.url
        renderer, calls, now = self.family.renderer, self.family.project.calls, self.now
        fill = self.kept.for_page((renderer, calls, now), page, lang)
        markdown = fill(markdown, "calls-calendar", lambda: renderer.calendar(calls, now, lang, url))
        markdown = fill(markdown, "calls-timeline", lambda: renderer.timeline(calls, now, lang, url))
        audiences = SECTOR_AUDIENCES[self.family.project.establishment.kind]
        markdown = fill(markdown, "calls-open", lambda: renderer.open_calls(calls, now, audiences, lang, url))
        return fill(
            markdown,
            "call-page",
            lambda: renderer.call_page(page_item(page, "call", calls, lambda c: c.id, CALLS), now, lang, url),
        )

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        project = self.family.project
        if project.establishment.addresses_staff and is_first_minute(page):
            # Nothing above the numbers to call on the staff home and the incident page; the home lists the open
            # calls in its own section, for management.
            context["calls_announce"] = []
            return context
        context["calls_announce"] = self.family.renderer.announce(
            project.calls, self.now, page_language(config), page.url
        )
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Exports of the language being built, under its root: the i18n plugin builds each language in turn. The
        iCalendar files come from .cache/ics/ when their data, language, site URL and strings did not change."""
        project = self.family.project
        lang, calls, strings, site_url = page_language(config), project.calls, project.strings, config.site_url or ""
        cache, data = ics_cache(self.build.cache_folder("ics")), [lang, site_url, self.build.strings_key(strings)]
        outputs = {
            "calls.ics": cache.get(
                "ics",
                [*data, "calls", *(c.model_dump_json() for c in calls)],
                partial(calls_ics, calls, lang, site_url, strings),
            ),
            "calls.json": calls_json(calls, self.build.today),
        }
        for call in calls:
            outputs[f"{call.id}.ics"] = cache.get(
                "ics", [*data, "call", call.model_dump_json()], partial(call_ics, call, lang, site_url, strings)
            )
        write_exports(config, CALL_EXPORTS, outputs)
