"""Feature `kits`: the awareness kits (`<!-- kits-catalogue -->`, one page per kit `<!-- kit-page -->`), their PDFs,
previews, ZIP archives and kits.json."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitekit.core.cache import OutputCache
from sitekit.core.filestamp import FileMemo
from sitekit.core.problems import ProblemsError
from sitekit.kits.model import Kit
from sitekit.kits.package import CACHE_FOLDER, INDEX, KitBuild, kits_cache, kits_json
from sitekit.kits.pictograms import Pictograms
from sitekit.kits.printable import keep_characters_in, print_problems
from sitekit.kits.view import GENERATED_NOTE, KitsRenderer, build_kits
from sitekit.mkdocs.features import Feature
from sitekit.mkdocs.support import Build, KeptRenders, page_item, page_language, write_exports
from sitekit.pages.stubs import write_stubs
from sitekit.profile.printed import ProfileStamp
from sitekit.profile.view import medico_social_first
from sitekit.site.paths import KIT_PAGES


class KitsFeature(Feature):
    name = "kits"

    def __init__(self, build: Build) -> None:
        super().__init__(build)
        self._prepared: tuple[KitsRenderer, list[KitBuild]] | None = None
        self._builds_memo: FileMemo[list[KitBuild]] = FileMemo()  # the kit builds of the last inputs seen
        self._kept = KeptRenders()  # kit pages kept between `mkdocs serve` rebuilds while the kits are the same

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = self.build.first_pass_project(config)
        if project is None:
            return config
        keep_characters_in(self.build.cache_folder(CACHE_FOLDER))
        stamp = ProfileStamp(project.establishment, project.strings)
        unprintable = [p for kit in project.kits for p in (*print_problems(kit), *stamp.source_problems(kit))]
        if unprintable:
            raise PluginError(f"the awareness kits are invalid:\n{self.build.format(unprintable)}")
        renderer = self.build.renderer(
            project, "kits", lambda templates: KitsRenderer(templates, project.strings), "kits"
        )
        kits = tuple(medico_social_first(project.kits, stamp.profile.kind))  # the catalogue's order
        cache = kits_cache(self.build.cache_folder(CACHE_FOLDER), renderer.print_css)
        builds = self._builds(kits, renderer, config.site_url or "", stamp, project.pictograms, cache)
        self._prepared = (renderer, builds)
        write_stubs(Path(config.docs_dir) / KIT_PAGES, project.kits, lambda k: k.id, renderer.kit_stub, GENERATED_NOTE)
        return config

    def _builds(
        self,
        kits: tuple[Kit, ...],
        renderer: KitsRenderer,
        site_url: str,
        stamp: ProfileStamp,
        pictograms: Pictograms,
        cache: OutputCache,
    ) -> list[KitBuild]:
        """PDFs, pictures and archives are made once per content: the i18n plugin runs on_config for each language,
        and what an earlier build made is read from the cache (.cache/kits/, keyed by each page's whole HTML and the
        engine); a source that does not fit its formats stops the build, naming its file and line."""
        design = sorted((renderer.print_css.parent).iterdir()) + sorted(p.file for p in pictograms.by_theme.values())
        design += [
            *sorted(renderer.templates.glob("*quiz*")),
            *sorted(p for p in (renderer.templates / "scorm").rglob("*") if p.is_file()),
        ]
        design.append(renderer.quiz_script)
        sources = [path for k in kits for path in (*(k.source(f) for f in k.files), k.folder / "kit.yml")]
        sources += [k.quiz_file for k in kits if k.quiz is not None]
        try:
            return self._builds_memo.get(
                "kits",
                [*design, *sources],
                lambda: build_kits(kits, renderer, site_url, stamp, pictograms, cache.get),
                inputs=(site_url, stamp.fingerprint(), tuple((k.id, k.model_dump_json()) for k in kits)),
            )
        except ProblemsError as exc:
            raise PluginError(
                f"the awareness kits do not fit their formats:\n{self.build.format(exc.problems)}"
            ) from None

    @property
    def _ready(self) -> tuple[KitsRenderer, list[KitBuild]]:
        if self._prepared is None:
            raise RuntimeError("the kits feature's on_config has not run")
        return self._prepared

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        lang, url = page_language(config), page.url
        renderer, builds = self._ready
        fill = self._kept.for_page((renderer, builds), page, lang)
        markdown = fill(markdown, "kits-catalogue", lambda: renderer.catalogue(builds, lang, url))
        return fill(
            markdown,
            "kit-page",
            lambda: renderer.kit_page(
                page_item(page, "kit", builds, lambda b: b.kit.id, "kits/<id>/kit.yml"), lang, url
            ),
        )

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Archives, PDFs, previews and kits.json: one copy at the site root, linked from both languages."""
        builds = self._ready[1]
        outputs = {INDEX: kits_json(builds)}
        for build in builds:
            outputs.update(build.outputs())
        write_exports(config, "", outputs, per_language=False)
