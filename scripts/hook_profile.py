"""MkDocs hook: the publishing establishment's profile — site URL, logo, palette, `<!-- profil:key -->` markers,
the home page's establishment block and the footer's publisher line.

Early in mkdocs.yml's hooks (after hook_messages, which only tells messages): it sets `site_url` from the profile
before MkDocs, the i18n plugin and the other hooks read it (canonical links, sitemap, feeds, calendars, QR codes).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypedDict

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sitekit.core.problems import ProblemsError, format_problems
from sitekit.i18n.strings import Strings
from sitekit.kits.model import Kit
from sitekit.mkdocs import support as hook
from sitekit.profile.model import Profile
from sitekit.profile.values import PREFIX, Renderer, fill, unknown_key_problems
from sitekit.profile.view import HOME_MARKER, PALETTE_CSS, ProfileRenderer, logo_path


class _State(TypedDict, total=False):
    profile: Profile
    strings: Strings
    kits: tuple[Kit, ...]
    renderer: ProfileRenderer


_state: _State = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = hook.project(config)
    profile = project.establishment
    renderer = hook.renderer(
        project, "profile", lambda templates: ProfileRenderer(templates, project.strings, profile), "profile"
    )
    config.site_url = profile.site_url
    config.theme["logo"] = config.theme["favicon"] = logo_path(profile)
    if PALETTE_CSS not in config.extra_css:
        config.extra_css.append(PALETTE_CSS)
    _state.update({"profile": profile, "strings": project.strings, "kits": project.kits, "renderer": renderer})
    _publishers.clear()
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang, renderer = hook.page_language(config), _state["renderer"]
    if PREFIX in markdown:
        source = f"docs/{page.file.src_uri}"
        # Lines are the source file's (the markdown given here has lost its front matter).
        problems = unknown_key_problems(page.file.content_string, source, _state["profile"])
        if problems:
            raise PluginError("unknown profile keys:\n" + format_problems(problems))
        try:
            markdown = fill(markdown, source, lang, Renderer(_state["profile"], _state["strings"], markdown=True))
        except ProblemsError as exc:
            raise PluginError(str(exc)) from None
    return hook.fill(markdown, HOME_MARKER, lambda: renderer.home(_state["kits"], lang))


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    context["publisher"] = _publisher(hook.page_language(config))
    return context


def on_template_context(context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    """The publisher's line on the 404 page too (a template, not a page)."""
    if template_name == "404.html":
        context["publisher"] = _publisher(hook.page_language(config))
    return context


_publishers: dict[str, str] = {}  # the footer's publisher line, made once per build and language


def _publisher(lang: str) -> str:
    if lang not in _publishers:
        name = Renderer(_state["profile"], _state["strings"], markdown=False).value("establishment.name", lang)
        _publishers[lang] = _state["strings"].get("footer.publisher", lang).format(name=name)
    return _publishers[lang]


def on_post_build(*, config: MkDocsConfig) -> None:
    """The palette stylesheet and the logo, once at the site root for both languages."""
    profile = _state["profile"]
    outputs = {
        PALETTE_CSS: _state["renderer"].stylesheet().encode("utf-8"),
        logo_path(profile): Path(profile.logo_file).read_bytes(),
    }
    hook.write_exports(config, "", outputs, per_language=False)
