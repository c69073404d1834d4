"""MkDocs hook: the awareness kits (catalogue, one page per kit, PDFs, previews, ZIP archives and kits.json)."""

from __future__ import annotations

from pathlib import Path
from typing import TypedDict

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitekit.core.cache import CACHE_DIR, OutputCache
from sitekit.core.problems import ProblemsError, format_problems
from sitekit.kits.model import Kit
from sitekit.kits.package import CACHE_FOLDER, INDEX, KitBuild, kits_cache, kits_json
from sitekit.kits.pictograms import Pictograms
from sitekit.kits.printable import keep_characters_in, print_problems
from sitekit.kits.view import GENERATED_NOTE, KitsRenderer, build_kits
from sitekit.mkdocs import support as hook
from sitekit.pages.stubs import write_stubs
from sitekit.profile.printed import ProfileStamp
from sitekit.profile.view import medico_social_first
from sitekit.site.paths import KIT_PAGES

# The site URL and the profile, (mtime, size) of the print design's and pictograms' files, then for each kit: id,
# data, (mtime, size) of each source file and of kit.yml.
_BuildsKey = tuple[
    str, tuple[tuple[int, int], ...], tuple[tuple[str, str, tuple[tuple[int, int], ...], tuple[int, int]], ...]
]


class _State(TypedDict, total=False):
    """What on_config prepares for the page and build events, and the kit builds of the last inputs seen."""

    builds: list[KitBuild]
    renderer: KitsRenderer
    key: _BuildsKey
    cached: list[KitBuild]


_state: _State = {}
_kept = hook.KeptRenders()  # kit pages kept between `mkdocs serve` rebuilds while the kits are the same


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = hook.first_pass_project(config)
    if project is None:
        return config
    keep_characters_in(hook.cache_folder(config, CACHE_FOLDER))
    stamp = ProfileStamp(project.establishment, project.strings)
    unprintable = [problem for kit in project.kits for problem in (*print_problems(kit), *stamp.source_problems(kit))]
    if unprintable:
        raise PluginError("the awareness kits are invalid:\n" + format_problems(unprintable))
    renderer = hook.renderer(project, "kits", lambda templates: KitsRenderer(templates, project.strings), "kits")
    kits = tuple(medico_social_first(project.kits, stamp.profile.kind))  # the catalogue's order
    cache = kits_cache(hook.project_root(config) / CACHE_DIR / CACHE_FOLDER, renderer.print_css)
    builds = _builds(kits, renderer, config.site_url or "", stamp, project.pictograms, cache)
    _state.update({"builds": builds, "renderer": renderer})
    write_stubs(Path(config.docs_dir) / KIT_PAGES, project.kits, lambda k: k.id, renderer.kit_stub, GENERATED_NOTE)
    return config


def _builds(
    kits: tuple[Kit, ...],
    renderer: KitsRenderer,
    site_url: str,
    stamp: ProfileStamp,
    pictograms: Pictograms,
    cache: OutputCache,
) -> list[KitBuild]:
    """PDFs, pictures and archives are made once per content: the i18n plugin runs on_config for each language, and
    what an earlier build made is read from the cache (.cache/kits/, keyed by each page's whole HTML and the
    engine); a source that does not fit its formats stops the build, naming its file and line."""
    design = sorted((renderer.print_css.parent).iterdir()) + sorted(p.file for p in pictograms.by_theme.values())
    key: _BuildsKey = (
        site_url + " " + stamp.fingerprint(),
        tuple(_stamp(path) for path in design),
        tuple(
            (k.id, k.model_dump_json(), tuple(_stamp(k.source(f)) for f in k.files), _stamp(k.folder / "kit.yml"))
            for k in kits
        ),
    )
    if _state.get("key") != key:
        _state["key"] = key
        try:
            _state["cached"] = build_kits(kits, renderer, site_url, stamp, pictograms, cache.get)
        except ProblemsError as exc:
            del _state["key"]
            raise PluginError(
                "the awareness kits do not fit their formats:\n" + format_problems(exc.problems)
            ) from None
    return _state["cached"]


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang, url = hook.page_language(config), page.url
    renderer, builds = _state["renderer"], _state["builds"]
    fill = _kept.for_page((renderer, builds), page, lang)
    markdown = fill(markdown, "catalogue-kits", lambda: renderer.catalogue(builds, lang, url))
    return fill(
        markdown,
        "fiche-kit",
        lambda: renderer.kit_page(
            hook.page_item(page, "kit", builds, lambda b: b.kit.id, "kits/<id>/kit.yml"), lang, url
        ),
    )


def on_post_build(*, config: MkDocsConfig) -> None:
    """Archives, PDFs, previews and kits.json: one copy at the site root, linked from both languages."""
    builds = _state["builds"]
    outputs = {INDEX: kits_json(builds)}
    for build in builds:
        outputs.update(build.outputs())
    hook.write_exports(config, "", outputs, per_language=False)
