"""Feature `profile`: the publishing establishment's profile: site URL, logo, palette, `<!-- profile:key -->`
markers, the home page (for a named establishment, its staff's home in place of docs/index.md's text; for the demo,
the establishment block `<!-- profile-home -->`) and the footer's publisher line.

Early in the features (after messages and reproducible): it sets `site_url` from the profile before MkDocs, the
i18n plugin and the other features read it (canonical links, sitemap, feeds, calendars, QR codes). Under
`mkdocs serve` the profile and its logo are watched wherever they are; the build writes which profile made the site
(site/sitekit-build.json, sitekit.profile.stamp) for the validator.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sitekit.core.problems import ProblemsError
from sitekit.mkdocs.features import Feature
from sitekit.mkdocs.support import Build, fill, is_home, page_language, write_exports
from sitekit.profile.model import is_placeholder
from sitekit.profile.stamp import stamp
from sitekit.profile.values import PREFIX, Renderer, unknown_key_problems
from sitekit.profile.values import fill as fill_values
from sitekit.profile.view import HOME_MARKER, PALETTE_CSS, ProfileRenderer, logo_path
from sitekit.project import Project
from sitekit.site.paths import BUILD_STAMP


def watch_files(config: MkDocsConfig, files: list[Path]) -> None:
    """Add `files` to what `mkdocs serve` watches (`watch:`), each one not already under a watched folder: a profile
    outside data/ and examples/profiles/ (profiles/mon-ch.yml), and its logo, rebuild the site when saved. MkDocs
    schedules `config.watch` after on_serve, so the serve feature's polling applies to them too."""
    watched = [Path(config.docs_dir).resolve(), *(Path(p).resolve() for p in config.watch)]
    for file in files:
        path = file.resolve()
        if not any(path == folder or path.is_relative_to(folder) for folder in watched):
            config.watch.append(str(path))
            watched.append(path)


class ProfileFeature(Feature):
    name = "profile"

    def __init__(self, build: Build) -> None:
        super().__init__(build)
        self._prepared: tuple[Project, ProfileRenderer] | None = None
        self._publishers: dict[str, str] = {}  # the footer's publisher line, made once per build and language

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = self.build.project(config)
        profile = project.establishment
        renderer = self.build.renderer(
            project, "profile", lambda templates: ProfileRenderer(templates, project.strings, profile), "profile"
        )
        config.site_url = profile.site_url
        config.theme["logo"] = config.theme["favicon"] = logo_path(profile)
        if PALETTE_CSS not in config.extra_css:
            config.extra_css.append(PALETTE_CSS)
        self._prepared = (project, renderer)
        self._publishers.clear()
        watch_files(config, [profile.file, profile.logo_file])
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """The site's name from the profile (header, browser title), in every language: after the i18n plugin's
        on_config, which sets each language's `site_name` from mkdocs.yml's `languages:`."""
        name = self._ready[0].establishment.site_name
        if name is not None:
            config.site_name = name

    def _logo_alt(self) -> str:
        """The header logo's text alternative: the establishment's name (the site's name while it is unknown)."""
        project = self._ready[0]
        name = project.establishment.data.establishment.name
        return name if not is_placeholder(name) else ""

    @property
    def _ready(self) -> tuple[Project, ProfileRenderer]:
        if self._prepared is None:
            raise RuntimeError("the profile feature's on_config has not run")
        return self._prepared

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        project, renderer = self._ready
        lang, profile = page_language(config), project.establishment
        if PREFIX in markdown:
            source = f"docs/{page.file.src_uri}"
            # Lines are the source file's (the markdown given here has lost its front matter).
            problems = unknown_key_problems(page.file.content_string, source, profile)
            if problems:
                raise PluginError(f"unknown profile keys:\n{self.build.format(problems)}")
            try:
                markdown = fill_values(markdown, source, lang, Renderer(profile, project.strings, markdown=True))
            except ProblemsError as exc:
                raise PluginError(str(exc)) from None
        if profile.addresses_staff and is_home(page):
            # A named establishment's site is for its staff: its home says whom to call and what is current.
            return renderer.staff_home(project.kits, lang)
        return fill(markdown, HOME_MARKER, lambda: renderer.home(project.kits, lang))

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        context["publisher"] = self._publisher(page_language(config))
        context["logo_alt"] = self._logo_alt()
        return context

    def on_template_context(
        self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        """The publisher's line on the 404 page too (a template, not a page)."""
        if template_name == "404.html":
            context["publisher"] = self._publisher(page_language(config))
            context["logo_alt"] = self._logo_alt()
        return context

    def _publisher(self, lang: str) -> str:
        if lang not in self._publishers:
            project = self._ready[0]
            renderer = Renderer(project.establishment, project.strings, markdown=False)
            self._publishers[lang] = renderer.name_in(project.strings.get("footer.publisher", lang), lang)
        return self._publishers[lang]

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The palette stylesheet, the logo and site/sitekit-build.json, once at the site root for both languages."""
        project, renderer = self._ready
        profile = project.establishment
        outputs = {
            PALETTE_CSS: renderer.stylesheet().encode("utf-8"),
            logo_path(profile): Path(profile.logo_file).read_bytes(),
            # which profile made this site: the validator checks the site against it
            BUILD_STAMP: stamp(profile.path, profile.file, self.build.settings.drafts),
        }
        write_exports(config, "", outputs, per_language=False)
