"""MkDocs hook: the HAS criteria (catalogue, criterion pages, checklist, related criteria, self-assessment CSV)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from hook_i18n import page_language
from sitekit.calls import load_calls
from sitekit.criteria import Criteria, criteria_for_call, criteria_for_kit, load_criteria
from sitekit.criteria_export import self_assessment_csv
from sitekit.criteria_view import CRITERION_PAGES, GENERATED_NOTE, CriteriaRenderer, export_path
from sitekit.i18n import load_strings
from sitekit.kits import kit_folder_ids
from sitekit.markers import marker
from sitekit.outputs import write_output
from sitekit.problems import ProblemsError
from sitekit.stubs import write_stubs

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "criteria.yml"
CALLS = ROOT / "data" / "calls.yml"
KITS = ROOT / "kits"
TEMPLATES = ROOT / "overrides" / "partials" / "criteria"

_state: dict = {}


def on_config(config, **kwargs):
    try:
        strings = load_strings(ROOT / "data" / "strings.yml")
        calls = load_calls(CALLS, CALLS.relative_to(ROOT).as_posix())
        kits = kit_folder_ids(KITS)
        data = load_criteria(DATA, DATA.relative_to(ROOT).as_posix(), {c.id for c in calls}, kits)
    except ProblemsError as exc:
        raise PluginError(f"the certification criteria data is invalid:\n{exc}") from None
    renderer = CriteriaRenderer(TEMPLATES, strings, calls, kits)
    missing = renderer.missing_strings()
    if missing:
        raise PluginError(f"data/strings.yml: interface strings of the criteria pages are missing: {', '.join(missing)} "
                          "(add each key with its fr and en texts)")
    _state.update(data=data, strings=strings, renderer=renderer)
    write_stubs(Path(config.docs_dir) / CRITERION_PAGES, data.criteria, lambda c: c.id, renderer.criterion_stub,
                GENERATED_NOTE)
    return config




def on_page_markdown(markdown, page, config, files, **kwargs):
    lang = page_language(config)
    renderer: CriteriaRenderer = _state["renderer"]
    data: Criteria = _state["data"]
    url = page.url
    if marker("catalogue-criteres") in markdown:
        markdown = markdown.replace(marker("catalogue-criteres"), renderer.catalogue(data, lang, url))
    if marker("liste-controle-criteres") in markdown:
        markdown = markdown.replace(marker("liste-controle-criteres"), renderer.checklist(data, lang, url))
    if marker("fiche-critere") in markdown:
        criterion_id = page.meta.get("critere")
        criterion = next((c for c in data.criteria if c.id == criterion_id), None)
        if criterion is None:
            raise PluginError(f"{page.file.src_uri}: front matter critere: {criterion_id!r} is not an id in "
                              "data/criteria.yml (delete the page: it is regenerated from data/criteria.yml)")
        markdown = markdown.replace(marker("fiche-critere"), renderer.criterion_page(data, criterion, lang, url))
    related = []
    if page.meta.get("appel"):
        related = criteria_for_call(data, str(page.meta["appel"]))
    elif page.meta.get("kit"):
        related = criteria_for_kit(data, str(page.meta["kit"]))
    if related:
        markdown = markdown.rstrip("\n") + "\n" + renderer.related(data, related, lang, url)
    return markdown


def on_post_build(config, **kwargs):
    """The self-assessment CSV of the language being built (each language is a full build)."""
    lang = page_language(config)
    write_output(Path(config.site_dir) / export_path(lang), self_assessment_csv(_state["data"], lang, _state["strings"]))
