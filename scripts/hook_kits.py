"""MkDocs hook: the awareness kits (catalogue, one page per kit, PDFs, previews, ZIP archives and kits.json)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from hook_i18n import page_language
from sitekit.i18n import load_strings
from sitekit.kits import Kit, load_kits
from sitekit.kits_package import INDEX, KIT_PAGES, KitBuild, kits_json
from sitekit.kits_view import GENERATED_NOTE, KitsRenderer, build_kits
from sitekit.markers import marker
from sitekit.outputs import write_output
from sitekit.kits_print import print_problems
from sitekit.problems import ProblemsError, format_problems
from sitekit.stubs import write_stubs

ROOT = Path(__file__).resolve().parent.parent
KITS = ROOT / "kits"
TEMPLATES = ROOT / "overrides" / "partials" / "kits"

_state: dict = {}


def on_config(config, **kwargs):
    try:
        kits = load_kits(KITS, ROOT)
        strings = load_strings(ROOT / "data" / "strings.yml")
    except ProblemsError as exc:
        raise PluginError(f"the awareness kits are invalid:\n{exc}") from None
    unprintable = [problem for kit in kits for problem in print_problems(kit)]
    if unprintable:
        raise PluginError("the awareness kits are invalid:\n" + format_problems(unprintable))
    renderer = KitsRenderer(TEMPLATES, strings)
    missing = renderer.missing_strings()
    if missing:
        raise PluginError(f"data/strings.yml: interface strings of the kits are missing: {', '.join(missing)} "
                          "(add each key with its fr and en texts)")
    builds = _builds(kits, renderer, config.site_url or "")
    _state.update(builds=builds, renderer=renderer)
    write_stubs(Path(config.docs_dir) / KIT_PAGES, kits, lambda k: k.id, renderer.kit_stub, GENERATED_NOTE)
    return config


def _builds(kits: list[Kit], renderer: KitsRenderer, site_url: str) -> list[KitBuild]:
    """PDFs and archives are made once per content: the i18n plugin runs on_config for each language."""
    key = (site_url, tuple((k.id, k.model_dump_json(), tuple(_stamp(k.source(f)) for f in k.files), _stamp(k.folder / "kit.yml"))
                 for k in kits))
    if _state.get("key") != key:
        _state["key"] = key
        _state["cached"] = build_kits(kits, renderer, site_url)
    return _state["cached"]


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size




def on_page_markdown(markdown, page, config, files, **kwargs):
    lang = page_language(config)
    renderer: KitsRenderer = _state["renderer"]
    builds: list[KitBuild] = _state["builds"]
    if marker("catalogue-kits") in markdown:
        markdown = markdown.replace(marker("catalogue-kits"), renderer.catalogue(builds, lang, page.url))
    if marker("fiche-kit") in markdown:
        kit_id = page.meta.get("kit")
        build = next((b for b in builds if b.kit.id == kit_id), None)
        if build is None:
            raise PluginError(f"{page.file.src_uri}: front matter kit: {kit_id!r} is not the id of a kit in kits/ "
                              "(delete the page: it is regenerated from kits/<id>/kit.yml)")
        markdown = markdown.replace(marker("fiche-kit"), renderer.kit_page(build, lang, page.url))
    return markdown


def on_post_build(config, **kwargs):
    """Archives, PDFs, previews and kits.json: one copy at the site root, linked from both languages."""
    site = Path(config.site_dir)
    builds: list[KitBuild] = _state["builds"]
    outputs = {INDEX: kits_json(builds)}
    for build in builds:
        outputs.update(build.outputs())
    for name, data in outputs.items():
        write_output(site / name, data)
