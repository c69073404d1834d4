"""What the plugin's features share: the settings and project of the build in progress (`Build`), the language
being built, markers filled from a render function, the item a generated page stands for, exports written.

With the features and the plugin, the only part of the package that imports MkDocs: the logic it calls stays pure.
Features share state through the `Build` the plugin hands them, never through module globals.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar, cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from sitekit.core import renames
from sitekit.core.cache import CACHE_DIR
from sitekit.core.drafts import drafts_wanted
from sitekit.core.problems import Problem, ProblemsError, format_problems
from sitekit.core.today import BuildDateError, build_date
from sitekit.i18n.messages import MessageLanguageError, message_language
from sitekit.i18n.strings import DEFAULT_LANGUAGE, Strings, lang_prefix
from sitekit.pages.markers import marker
from sitekit.pages.stubs import write_stubs
from sitekit.profile.model import ENV_VAR as PROFILE_VAR
from sitekit.project import Project, load_project
from sitekit.site.outputs import write_output
from sitekit.site.templating import TemplateRenderer

T = TypeVar("T")
R = TypeVar("R", bound=TemplateRenderer)

ROOT_VAR = "SITEKIT_ROOT"
OLD_ROOT_SETTING = "sitekit_root"  # `extra: sitekit_root:` of mkdocs.yml, the former way to name the root


class HasMissingStrings(Protocol):
    def missing_strings(self) -> list[str]: ...


@dataclass(frozen=True)
class Settings:
    """The plugin's settings for one build, each from mkdocs.yml's `plugins: - sitekit:` options, else from its
    environment variable, else its default."""

    root: Path  # the folder holding data/, kits/ and overrides/ (`root`, $SITEKIT_ROOT, else mkdocs.yml's folder)
    profile: str | None  # the establishment's profile ($SITEKIT_PROFILE, else `profile`, else data/profile.yml)
    today: date  # the build date (`today`, $SITEKIT_TODAY, else today in Paris)
    messages_lang: str  # the language of messages (`messages_lang`, $SITEKIT_LANG, else French)
    serve_tuning: bool  # `mkdocs serve` tuned for quick reloads (`serve_tuning`)
    drafts: bool = False  # drafts built too (`drafts`, $SITEKIT_DRAFTS: make preview); never in a published site


def project_root(config: MkDocsConfig, chosen: str | None = None) -> Path:
    """The project's folder: `chosen` (the plugin's `root`), else $SITEKIT_ROOT, else `extra: sitekit_root:` (the
    former setting, told), else the folder of mkdocs.yml; a relative one is read from mkdocs.yml's folder
    (scripts/bench.py builds a generated site with this project's data)."""
    folder = Path(config.config_file_path).resolve().parent
    setting = chosen or renames.environment(ROOT_VAR)
    if not setting:
        extra = getattr(config, "extra", None) or {}
        old = extra.get(OLD_ROOT_SETTING) if isinstance(extra, Mapping) else None
        if old:
            renames.tell(f"extra: {OLD_ROOT_SETTING}", "plugins: - sitekit: root")
            setting = str(old)
    return (folder / setting).resolve() if setting else folder


def read_settings(options: Mapping[str, Any], config: MkDocsConfig) -> Settings:
    """The build's settings from the plugin's options; a PluginError when a date or language is not valid."""
    try:
        today = build_date(options.get("today"), "plugins: sitekit: today") if options.get("today") else build_date()
        lang = options.get("messages_lang") or message_language()
    except (BuildDateError, MessageLanguageError) as exc:
        raise PluginError(str(exc)) from None
    return Settings(
        project_root(config, options.get("root")),
        # The profile: mkdocs.yml's option is the one place; $SITEKIT_PROFILE overrides it (one build per profile).
        renames.environment(PROFILE_VAR) or options.get("profile") or None,
        today,
        lang,
        bool(options.get("serve_tuning")),
        drafts_wanted(options.get("drafts")),
    )


_RENDERER_PARTS = attrgetter("root", "strings", "calls", "kits", "criteria", "authors", "campaigns", "profile")


class Build:
    """The build in progress, as every feature sees it: its settings, its project (loaded once per build, parsed
    again only when a data file changed), the page families' renderers (made once per load of the project) and the
    interface strings' cache key. One per plugin: `mkdocs serve` keeps it between rebuilds."""

    def __init__(self) -> None:
        self._settings: Settings | None = None
        self._project: tuple[object, Project] | None = None
        self._renderers: dict[str, tuple[tuple[object, ...], object]] = {}
        self._strings_key: tuple[Strings, str] | None = None

    def configure(self, settings: Settings) -> None:
        self._settings = settings

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            raise RuntimeError("the sitekit plugin's on_config has not run")
        return self._settings

    @property
    def root(self) -> Path:
        return self.settings.root

    @property
    def today(self) -> date:
        return self.settings.today

    @property
    def messages_lang(self) -> str:
        return self.settings.messages_lang

    def cache_folder(self, name: str) -> Path:
        """A folder of the project's git-ignored cache (.cache/<name>), for outputs kept between builds."""
        return self.root / CACHE_DIR / name

    def format(self, problems: list[Problem]) -> str:
        """Problems as a build error lists them, in the language of messages."""
        return format_problems(problems, self.messages_lang)

    def project(self, config: MkDocsConfig) -> Project:
        """The project of this build (`config`: a new one for each build, the same for the i18n plugin's passes), every
        data file loaded; a PluginError listing every problem of every file otherwise."""
        if self._project is not None and self._project[0] is config:
            return self._project[1]
        try:
            loaded = load_project(self.root, self.settings.profile).require()
        except ProblemsError as exc:
            raise PluginError(f"the project data is invalid:\n{self.format(exc.problems)}") from None
        self._project = (config, loaded)
        return loaded

    def first_pass_project(self, config: MkDocsConfig) -> Project | None:
        """The project, on the i18n plugin's first on_config of a build; None on its passes for other languages."""
        return None if other_language_pass(config) else self.project(config)

    def renderer(self, project: Project, family: str, make: Callable[[Path], R], what: str = "") -> R:
        """The renderer of a page family for this project (`make(templates folder)`), its interface strings checked
        (`what`: the family's name in the message), made once per load of the project: the i18n plugin runs
        on_config once per language and `mkdocs serve` once per rebuild, and a new renderer would compile its
        templates again (Jinja itself reloads a template whose file changed). Compiled templates are also kept in
        .cache/jinja/ for the next build."""
        cached, parts = self._renderers.get(family), tuple(_RENDERER_PARTS(project))
        if cached is not None and all(a is b for a, b in zip(cached[0], parts, strict=True)):
            return cast(R, cached[1])
        made = make(project.templates(family))
        require_strings(made, what or family)  # checked once per load of the project, before anything renders
        made.keep_compiled(project.root / CACHE_DIR / "jinja")  # and compiled once, not once per build
        self._renderers[family] = (parts, made)
        return made

    def strings_key(self, strings: Strings) -> str:
        """The interface strings as one text, part of the cache key of an export that shows some of them (made once
        per loaded strings)."""
        if self._strings_key is None or self._strings_key[0] is not strings:
            self._strings_key = (strings, json.dumps(strings.table, ensure_ascii=False, sort_keys=True))
        return self._strings_key[1]


def other_language_pass(config: MkDocsConfig) -> bool:
    """True when the i18n plugin runs the plugins' on_config again, for another language of the same build (its inner
    builds): what on_config prepared for the first language still holds (same files, same build date), so a
    feature returns at once instead of loading, checking and writing its stubs again."""
    i18n = config.plugins.get("i18n")
    return bool(getattr(i18n, "building", False))


def page_language(config: MkDocsConfig) -> str:
    """Language of the build in progress (the i18n plugin builds one language at a time)."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme.get("language") or DEFAULT_LANGUAGE


def require_strings(renderer: HasMissingStrings, family: str) -> None:
    """Stop the build when interface strings a renderer needs are missing from data/strings.yml."""
    missing = renderer.missing_strings()
    if missing:
        raise PluginError(
            f"data/strings.yml: interface strings of the {family} are missing: {', '.join(missing)} "
            "(add each key with its fr and en texts)"
        )


def is_home(page: Page) -> bool:
    """The home page of a language: docs/index.md, or its translation docs/index.<lang>.md."""
    return _top_page(page) == "index"


def is_first_minute(page: Page) -> bool:
    """A page staff open in the first minute of an incident: the home page and the incident page (their first
    screen is the numbers to call, nothing above them)."""
    return _top_page(page) in ("index", "incident")


def _top_page(page: Page) -> str | None:
    """The name of a page at the top of docs/ without its language and extension (index.en.md -> index)."""
    src = page.file.src_uri
    return None if "/" in src else src.split(".")[0]


def fill(markdown: str, name: str, render: Callable[[], str]) -> str:
    """Replace the marker `<!-- name -->` with what `render` returns (called only when the marker is there)."""
    tag = marker(name)
    return markdown.replace(tag, render()) if tag in markdown else markdown


class KeptRenders:
    """Fragments a feature rendered into pages, kept between the builds of one process (`mkdocs serve` rebuilds after
    a save) while what they are made from is the same: the same objects in `basis` (the renderer, the data it shows,
    the build date; a data file that changed gives new objects) and, per fragment, the same marker, language, page
    address, page text and front matter. A saved page is rendered again; the others are not."""

    def __init__(self) -> None:
        self._basis: tuple[object, ...] = ()
        self._kept: dict[tuple[str, str, str, str, str], str] = {}

    def for_page(
        self, basis: tuple[object, ...], page: Page, lang: str
    ) -> Callable[[str, str, Callable[[], str]], str]:
        """`fill(markdown, name, render)` for one page of this build, each rendered fragment kept for the next build
        while `basis` holds the same objects."""
        if len(basis) != len(self._basis) or any(a is not b for a, b in zip(basis, self._basis, strict=False)):
            self._basis, self._kept = basis, {}

        def fill(markdown: str, name: str, render: Callable[[], str]) -> str:
            if marker(name) not in markdown:
                return markdown
            key = (name, lang, page.url, markdown, repr(sorted(page.meta.items())))
            if key not in self._kept:
                self._kept[key] = render()
            return markdown.replace(marker(name), self._kept[key])

        return fill


def page_item(page: Page, key: str, items: Iterable[T], item_id: Callable[[T], object], source: str) -> T:
    """The item a generated page stands for, named by its front matter `key`; a PluginError naming the page
    when no item of `source` has that id (a stale page: it is regenerated from `source`)."""
    wanted = page.meta.get(key)
    for item in items:
        if item_id(item) == wanted:
            return item
    raise PluginError(
        f"{page.file.src_uri}: front matter {key}: {wanted!r} is not an id in {source} "
        f"(delete the page: it is regenerated from {source})"
    )


def write_exports(
    config: MkDocsConfig, folder: str, outputs: Mapping[str, bytes], *, per_language: bool = True
) -> None:
    """Write files under `folder` of the site (under the language's root when `per_language`), each only when
    its bytes change."""
    base = Path(config.site_dir) / (lang_prefix(page_language(config)) if per_language else "") / folder
    for name, data in outputs.items():
        write_output(base / name, data)


@dataclass(frozen=True)
class Stubs(Generic[T, R]):
    """A family's generated pages: a stub per item and language in docs/`folder`, written by `render(renderer, item,
    lang)`; stale ones (matching `pattern`, carrying the renderer's generated note) removed (sitekit.pages.stubs)."""

    folder: str
    items: Callable[[Project], Iterable[T]]
    item_id: Callable[[T], str | int]
    render: Callable[[R, T, str], str]
    pattern: str = "*.md"


class PageFamily(Generic[R]):
    """What a page family's feature prepares in on_config for the later events of the build: the project, the
    family's renderer (`make(project, templates folder)`, see `Build.renderer`) and its page stubs."""

    def __init__(
        self,
        build: Build,
        family: str,
        make: Callable[[Project, Path], R],
        what: str = "",
        stubs: Stubs[Any, R] | None = None,
    ) -> None:
        self.build, self.family, self.make, self.what, self.stubs = build, family, make, what, stubs
        self._prepared: tuple[Project, R] | None = None

    def prepare(self, config: MkDocsConfig) -> bool:
        """On the i18n plugin's first on_config of a build: load the project, make the renderer, write the stubs, and
        return True; on its passes for other languages, False (what the first pass prepared still holds)."""
        project = self.build.first_pass_project(config)
        if project is None:
            return False
        made = self.build.renderer(project, self.family, lambda templates: self.make(project, templates), self.what)
        self._prepared = project, made
        stubs = self.stubs
        if stubs is not None:
            write_stubs(
                Path(config.docs_dir) / stubs.folder,
                stubs.items(project),
                stubs.item_id,
                lambda item, lang: stubs.render(made, item, lang),
                made.generated_note,
                stubs.pattern,
            )
        return True

    @property
    def project(self) -> Project:
        return self._ready()[0]

    @property
    def renderer(self) -> R:
        return self._ready()[1]

    def _ready(self) -> tuple[Project, R]:
        if self._prepared is None:
            raise RuntimeError(f"the {self.family} feature's on_config has not run")
        return self._prepared
