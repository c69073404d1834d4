"""MkDocs hook: the CaRE call calendar (pages, timeline, per-call pages, announcement bar, ICS and JSON exports)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from hook_i18n import page_language
from sitekit.calls import load_calls, start_of_day
from sitekit.calls_export import call_ics, calls_ics, calls_json
from sitekit.calls_view import CALL_PAGES, EXPORTS, GENERATED_NOTE, CallsRenderer
from sitekit.i18n import lang_prefix, load_strings
from sitekit.markers import marker
from sitekit.outputs import write_output
from sitekit.problems import ProblemsError
from sitekit.stubs import write_stubs
from sitekit.today import BuildDateError, build_date

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "calls.yml"
TEMPLATES = ROOT / "overrides" / "partials" / "calls"

_state: dict = {}


def on_config(config, **kwargs):
    try:
        today = build_date()
    except BuildDateError as exc:
        raise PluginError(str(exc)) from None
    try:
        calls = load_calls(DATA, DATA.relative_to(ROOT).as_posix())
        strings = load_strings(ROOT / "data" / "strings.yml")
    except ProblemsError as exc:
        raise PluginError(f"the call calendar data is invalid:\n{exc}") from None
    renderer = CallsRenderer(TEMPLATES, strings)
    missing = renderer.missing_strings()
    if missing:
        raise PluginError(f"data/strings.yml: interface strings of the call calendar are missing: {', '.join(missing)} "
                          "(add each key with its fr and en texts)")
    _state.update(calls=calls, today=today, now=start_of_day(today), strings=strings, renderer=renderer)
    write_stubs(Path(config.docs_dir) / CALL_PAGES, calls, lambda c: c.id, renderer.call_stub, GENERATED_NOTE)
    return config




def on_page_markdown(markdown, page, config, files, **kwargs):
    lang = page_language(config)
    renderer: CallsRenderer = _state["renderer"]
    calls, now, url = _state["calls"], _state["now"], page.url
    if marker("calendrier") in markdown:
        markdown = markdown.replace(marker("calendrier"), renderer.calendar(calls, now, lang, url))
    if marker("frise") in markdown:
        markdown = markdown.replace(marker("frise"), renderer.timeline(calls, now, lang, url))
    if marker("fiche-appel") in markdown:
        call_id = page.meta.get("appel")
        call = next((c for c in calls if c.id == call_id), None)
        if call is None:
            raise PluginError(f"{page.file.src_uri}: front matter appel: {call_id!r} is not an id in data/calls.yml "
                              "(delete the page: it is regenerated from data/calls.yml)")
        markdown = markdown.replace(marker("fiche-appel"), renderer.call_page(call, now, lang, url))
    return markdown


def on_page_context(context, page, config, nav, **kwargs):
    lang = page_language(config)
    context["calls_announce"] = _state["renderer"].announce(_state["calls"], _state["now"], lang, page.url)
    return context


def on_post_build(config, **kwargs):
    """Exports of the language being built, under its root: the i18n plugin builds each language in turn."""
    lang = page_language(config)
    folder = Path(config.site_dir) / lang_prefix(lang) / EXPORTS
    folder.mkdir(parents=True, exist_ok=True)
    calls, strings, site_url = _state["calls"], _state["strings"], config.site_url or ""
    outputs = {"calls.ics": calls_ics(calls, lang, site_url, strings),
               "calls.json": calls_json(calls, _state["today"])}
    for call in calls:
        outputs[f"{call.id}.ics"] = call_ics(call, lang, site_url, strings)
    for name, data in outputs.items():
        write_output(folder / name, data)
