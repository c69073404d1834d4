"""MkDocs hook: October campaigns from data/campagnes/<year>.yml: index, one page per campaign, ICS per language."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TypedDict

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitekit import hooksupport as hook
from sitekit.campaigns.model import CAMPAIGNS_DIR, Campaign
from sitekit.campaigns.view import GENERATED_NOTE, CampaignsRenderer, campaign_ics
from sitekit.i18n import Strings
from sitekit.ics import ics_cache
from sitekit.paths import CAMPAIGN_PAGES
from sitekit.stubs import write_stubs


class _State(TypedDict, total=False):
    """What on_config prepares from the campaigns for the later events of the build."""

    campaigns: tuple[Campaign, ...]
    strings: Strings
    renderer: CampaignsRenderer


_state: _State = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = hook.first_pass_project(config)
    if project is None:
        return config
    renderer = hook.renderer(
        project,
        "campaigns",
        lambda templates: CampaignsRenderer(templates, project.strings, {kit.id: kit.title for kit in project.kits}),
        "campaigns",
    )
    _state.update({"campaigns": project.campaigns, "strings": project.strings, "renderer": renderer})
    # Only year-named stubs: docs/campagnes/index.md beside them is hand-written.
    write_stubs(
        Path(config.docs_dir) / CAMPAIGN_PAGES,
        project.campaigns,
        lambda c: c.year,
        renderer.stub,
        GENERATED_NOTE,
        pattern="[0-9]*.md",
    )
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang, url = hook.page_language(config), page.url
    renderer = _state["renderer"]
    campaigns = _state["campaigns"]
    markdown = hook.fill(markdown, "campagnes", lambda: renderer.index(campaigns, lang, url))
    return hook.fill(
        markdown,
        "campagne",
        lambda: renderer.page(
            hook.page_item(page, "campagne", campaigns, lambda c: c.year, f"{CAMPAIGNS_DIR}/<year>.yml"), lang, url
        ),
    )


def on_post_build(*, config: MkDocsConfig) -> None:
    """ICS of each campaign in the language being built, under its root (from .cache/ics/ when unchanged)."""
    lang, site_url, strings = hook.page_language(config), config.site_url or "", _state["strings"]
    cache, data = ics_cache(hook.cache_folder(config, "ics")), [lang, site_url, hook.strings_key(strings)]
    hook.write_exports(
        config,
        CAMPAIGN_PAGES,
        {
            f"{c.year}.ics": cache.get(
                "ics", [*data, "campaign", c.model_dump_json()], partial(campaign_ics, c, lang, site_url, strings)
            )
            for c in _state["campaigns"]
        },
    )
