"""The `sitekit` MkDocs plugin: the site kit's whole build, as features run in one documented order.

mkdocs.yml lists it under `plugins:` (last, after search, i18n and offline):

    plugins:
      - sitekit:
          root: .              # the project's folder (default: $SITEKIT_ROOT, else mkdocs.yml's folder)
          profile: profiles/ch-valmont.yml   # the profile (make profile writes it); $SITEKIT_PROFILE overrides it
          today: 2026-10-05    # the build date (default: $SITEKIT_TODAY, else today in Paris)
          messages_lang: fr    # messages' language (default: $SITEKIT_LANG, else fr)
          serve_tuning: true   # `mkdocs serve` reloads sooner (polling, compiled templates kept)
          drafts: false        # build drafts (campaigns and pages); default: $SITEKIT_DRAFTS, which make preview sets

Each MkDocs event runs the features that handle it in the order of FEATURES, within bands of priority: a feature
method decorated with `@event_priority(n)` runs with the other plugins' handlers of priority n (the i18n plugin's
are at -100 and 50). The bands in use, highest first, and why:

- on_config 100: the plugin reads its settings, then `messages` installs the translation of build errors;
- on_files 100 and on_page_markdown 100: `safety` checks page sources and escapes metadata, and `markers` reads
  former marker names, before anything reads them; `news` drops unpublished posts in on_files at 0, before the i18n plugin sorts the languages (-100);
- on_post_build -200: `search` writes each language's index after the i18n plugin merged them (-100), and `weight`
  lightens what the pages load once every language is built;
- on_post_page and on_post_template -900: `typography` sets the French pages' non-breaking spaces;
- on_post_page and on_post_template -1000: `safety` adds the Content-Security-Policy to the final HTML.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from sitekit.i18n.messages import MESSAGE_LANGUAGES
from sitekit.mkdocs.features import Feature
from sitekit.mkdocs.features.calls import CallsFeature
from sitekit.mkdocs.features.campaigns import CampaignsFeature
from sitekit.mkdocs.features.criteria import CriteriaFeature
from sitekit.mkdocs.features.drafts import DraftsFeature
from sitekit.mkdocs.features.i18n import I18nFeature
from sitekit.mkdocs.features.kits import KitsFeature
from sitekit.mkdocs.features.markers import MarkersFeature
from sitekit.mkdocs.features.messages import MessagesFeature
from sitekit.mkdocs.features.news import NewsFeature
from sitekit.mkdocs.features.privacy import PrivacyFeature
from sitekit.mkdocs.features.profile import ProfileFeature
from sitekit.mkdocs.features.reproducible import ReproducibleFeature
from sitekit.mkdocs.features.safety import SafetyFeature
from sitekit.mkdocs.features.search import SearchFeature
from sitekit.mkdocs.features.serve import ServeFeature
from sitekit.mkdocs.features.sitemap import SitemapFeature
from sitekit.mkdocs.features.typography import TypographyFeature
from sitekit.mkdocs.features.weight import WeightFeature
from sitekit.mkdocs.support import Build, other_language_pass, read_settings

# The order of the build. messages first (it translates the others' errors); reproducible sets the clock before
# pages are read; profile sets site_url before anything reads it; safety checks sources before families read them;
# drafts drops the pages marked draft before anything lists them;
# i18n and search serve every page; the page families and the site map fill their markers; typography sets the
# French pages' spaces once they are written; markers reads former
# marker names first (on_page_markdown 100) and refuses, after every fill, a marker left in a page; privacy
# rewrites Material's bundle; weight, once every page of every language is written, has the search index read when
# the search opens and trims the stylesheets to what the pages can match; serve tunes `mkdocs serve` (opt-in).
FEATURES: tuple[type[Feature], ...] = (
    MessagesFeature,
    ReproducibleFeature,
    ProfileFeature,
    SafetyFeature,
    DraftsFeature,
    I18nFeature,
    SearchFeature,
    CallsFeature,
    KitsFeature,
    CriteriaFeature,
    NewsFeature,
    CampaignsFeature,
    SitemapFeature,
    TypographyFeature,
    MarkersFeature,
    PrivacyFeature,
    WeightFeature,
    ServeFeature,
)

# MkDocs events whose first argument is the item each handler may replace (the others take keywords only).
ITEM_EVENTS = frozenset(
    {
        "serve",
        "config",
        "files",
        "nav",
        "env",
        "page_markdown",
        "page_content",
        "page_context",
        "post_page",
        "template_context",
        "post_template",
        "pre_page",
    }
)
SETTINGS_PRIORITY = 100  # the band where the plugin reads its settings, before its features' on_config


class SitekitConfig(base.Config):  # type: ignore[no-untyped-call]
    root = c.Optional(c.Type(str))
    profile = c.Optional(c.Type(str))
    today = c.Optional(c.Type(str))
    messages_lang = c.Optional(c.Choice(MESSAGE_LANGUAGES))
    serve_tuning = c.Type(bool, default=False)
    drafts = c.Optional(c.Type(bool))


def _priority(method: Callable[..., Any]) -> int:
    return int(getattr(method, "mkdocs_priority", 0))


def _bands(features: tuple[type[Feature], ...]) -> dict[str, list[int]]:
    """Each event the features handle -> its priorities, highest first (on_config always has the settings band)."""
    found: dict[str, set[int]] = defaultdict(set)
    found["config"].add(SETTINGS_PRIORITY)
    for feature in features:
        for attr in dir(feature):
            if attr.startswith("on_"):
                found[attr[3:]].add(_priority(getattr(feature, attr)))
    return {event: sorted(priorities, reverse=True) for event, priorities in found.items()}


class SitekitPlugin(BasePlugin[SitekitConfig]):  # type: ignore[no-untyped-call]
    """The site kit's build: the features of FEATURES, in that order, sharing one `Build`. MkDocs keeps one instance
    for a whole `mkdocs serve` (the plugin handles on_startup), so what the features keep survives rebuilds."""

    def __init__(self) -> None:
        self.build = Build()
        self.features = tuple(feature(self.build) for feature in FEATURES)
        self._handlers: dict[tuple[str, int], list[Callable[..., Any]]] = defaultdict(list)
        for feature in self.features:
            for attr in dir(type(feature)):
                if attr.startswith("on_"):
                    method = getattr(feature, attr)
                    self._handlers[(attr[3:], _priority(method))].append(method)

    def feature(self, name: str) -> Feature:
        """The feature called `name` (tests and tools call one feature's events alone)."""
        for feature in self.features:
            if feature.name == name:
                return feature
        raise KeyError(name)

    def configure(self, config: Any) -> None:
        """Read the settings for this build (on the i18n plugin's first pass: the others keep them)."""
        if not other_language_pass(config):
            self.build.configure(read_settings(self.config, config))

    def _run(self, event: str, priority: int, *args: Any, **kwargs: Any) -> Any:
        if event == "config" and priority == SETTINGS_PRIORITY:
            self.configure(args[0])
        handlers = self._handlers.get((event, priority), ())
        if event not in ITEM_EVENTS:
            for handler in handlers:
                handler(**kwargs)
            return None
        item = args[0]
        for handler in handlers:
            result = handler(item, **kwargs)
            if result is not None:
                item = result
        return item


def _dispatcher(event: str, priority: int) -> Callable[..., Any]:
    def run(self: SitekitPlugin, *args: Any, **kwargs: Any) -> Any:
        return self._run(event, priority, *args, **kwargs)

    run.__name__ = run.__qualname__ = f"_{event}_{priority}"  # MkDocs: a sub-event's name must not start with on_
    return event_priority(priority)(run)


for _event, _priorities in _bands(FEATURES).items():
    setattr(SitekitPlugin, f"on_{_event}", CombinedEvent(*(_dispatcher(_event, p) for p in _priorities)))
