"""MkDocs hook: the CaRE call calendar (pages, timeline, per-call pages, announcement bar, ICS and JSON exports)."""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from typing import Any, TypedDict

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sitekit.calls.export import call_ics, calls_ics, calls_json
from sitekit.calls.model import start_of_day
from sitekit.calls.view import CallsRenderer
from sitekit.mkdocs import support as hook
from sitekit.project import CALLS
from sitekit.site.ics import ics_cache
from sitekit.site.paths import CALL_EXPORTS, CALL_PAGES


class _State(TypedDict, total=False):
    """The build date, prepared by on_config for the later events of the build."""

    today: date
    now: datetime


_state: _State = {}
_kept = hook.KeptRenders()  # call pages kept between `mkdocs serve` rebuilds while the calls and the date are the same
_calls = hook.PageFamily(
    "calls",
    lambda project, templates: CallsRenderer(templates, project.strings),
    "call calendar",
    hook.Stubs(CALL_PAGES, lambda project: project.calls, lambda c: c.id, CallsRenderer.call_stub),
)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _calls.prepare(config):
        today = hook.today()
        if _state.get("today") != today:  # the same objects while the date is the same: pages kept (_kept)
            _state.update({"today": today, "now": start_of_day(today)})
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang, url = hook.page_language(config), page.url
    renderer, calls, now = _calls.renderer, _calls.project.calls, _state["now"]
    fill = _kept.for_page((renderer, calls, now), page, lang)
    markdown = fill(markdown, "calendrier", lambda: renderer.calendar(calls, now, lang, url))
    markdown = fill(markdown, "frise", lambda: renderer.timeline(calls, now, lang, url))
    return fill(
        markdown,
        "fiche-appel",
        lambda: renderer.call_page(hook.page_item(page, "appel", calls, lambda c: c.id, CALLS), now, lang, url),
    )


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    context["calls_announce"] = _calls.renderer.announce(
        _calls.project.calls, _state["now"], hook.page_language(config), page.url
    )
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    """Exports of the language being built, under its root: the i18n plugin builds each language in turn. The
    iCalendar files come from .cache/ics/ when their data, language, site URL and strings did not change."""
    lang, calls, strings, site_url = (
        hook.page_language(config),
        _calls.project.calls,
        _calls.project.strings,
        config.site_url or "",
    )
    cache, data = ics_cache(hook.cache_folder(config, "ics")), [lang, site_url, hook.strings_key(strings)]
    outputs = {
        "calls.ics": cache.get(
            "ics",
            [*data, "calls", *(c.model_dump_json() for c in calls)],
            partial(calls_ics, calls, lang, site_url, strings),
        ),
        "calls.json": calls_json(calls, _state["today"]),
    }
    for call in calls:
        outputs[f"{call.id}.ics"] = cache.get(
            "ics", [*data, "call", call.model_dump_json()], partial(call_ics, call, lang, site_url, strings)
        )
    hook.write_exports(config, CALL_EXPORTS, outputs)
