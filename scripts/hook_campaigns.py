"""MkDocs hook: October campaigns from data/campagnes/<year>.yml: index, one page per campaign, ICS per language."""

from __future__ import annotations

from functools import partial

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitekit.campaigns.model import CAMPAIGNS_DIR
from sitekit.campaigns.view import CampaignsRenderer, campaign_ics
from sitekit.mkdocs import support as hook
from sitekit.site.ics import ics_cache
from sitekit.site.paths import CAMPAIGN_PAGES

_campaigns = hook.PageFamily(
    "campaigns",
    lambda project, templates: CampaignsRenderer(
        templates, project.strings, {kit.id: kit.title for kit in project.kits}
    ),
    "campaigns",
    # Only year-named stubs: docs/campagnes/index.md beside them is hand-written.
    hook.Stubs(
        CAMPAIGN_PAGES, lambda project: project.campaigns, lambda c: c.year, CampaignsRenderer.stub, "[0-9]*.md"
    ),
)


on_config = _campaigns.on_config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang, url = hook.page_language(config), page.url
    renderer, campaigns = _campaigns.renderer, _campaigns.project.campaigns
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
    lang, site_url, strings = hook.page_language(config), config.site_url or "", _campaigns.project.strings
    cache, data = ics_cache(hook.cache_folder(config, "ics")), [lang, site_url, hook.strings_key(strings)]
    hook.write_exports(
        config,
        CAMPAIGN_PAGES,
        {
            f"{c.year}.ics": cache.get(
                "ics", [*data, "campaign", c.model_dump_json()], partial(campaign_ics, c, lang, site_url, strings)
            )
            for c in _campaigns.project.campaigns
        },
    )
