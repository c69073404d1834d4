"""Feature `campaigns`: October campaigns from data/campaigns/<year>.yml: the index (`<!-- campaigns-index -->`),
one page per campaign (`<!-- campaign-page -->`), the campaign under way (`<!-- campaign-now -->`, on the staff home),
an ICS per campaign and language. A draft campaign (status: brouillon) is built only with drafts (make preview):
no page, no list entry, no calendar in a published site."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitekit.campaigns.model import CAMPAIGNS_DIR, Campaign, visible_campaigns
from sitekit.campaigns.view import CampaignsRenderer, campaign_ics
from sitekit.i18n.strings import LANGUAGES
from sitekit.mkdocs.features import FamilyFeature
from sitekit.mkdocs.support import Stubs, fill, page_item, page_language, write_exports
from sitekit.pages.stubs import stub_name
from sitekit.project import Project
from sitekit.site.ics import ics_cache
from sitekit.site.paths import CAMPAIGN_PAGES


class CampaignsFeature(FamilyFeature[CampaignsRenderer]):
    name = "campaigns"
    what = "campaigns"

    def make_renderer(self, project: Project, templates: Path) -> CampaignsRenderer:
        return CampaignsRenderer(templates, project.strings, {kit.id: kit.title for kit in project.kits})

    def stubs(self) -> Stubs[Campaign, CampaignsRenderer]:
        # Only year-named stubs: docs/campagnes/index.md beside them is hand-written.
        # Every campaign has its stubs, drafts too: docs/ is the same whatever the build shows (on_files drops them).
        return Stubs(CAMPAIGN_PAGES, lambda p: p.campaigns, lambda c: c.year, CampaignsRenderer.stub, "[0-9]*.md")

    def visible(self, project: Project) -> list[Campaign]:
        """The campaigns this build publishes: a draft (brouillon) only when drafts are built (make preview)."""
        return visible_campaigns(project.campaigns, self.build.settings.drafts)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Without drafts, a draft campaign's pages leave the build before the i18n plugin (priority -100) sorts the
        languages: no page, no search entry, no sitemap entry."""
        if self.build.settings.drafts:
            return files
        drafts = {
            f"{CAMPAIGN_PAGES}/{stub_name(c.year, lang)}"
            for c in self.family.project.campaigns
            if c.is_draft
            for lang in LANGUAGES
        }
        for file in [f for f in files if f.src_uri in drafts]:
            files.remove(file)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        lang, url = page_language(config), page.url
        renderer, campaigns = self.family.renderer, self.visible(self.family.project)
        markdown = fill(markdown, "campaigns-index", lambda: renderer.index(campaigns, lang, url))
        markdown = fill(markdown, "campaign-now", lambda: renderer.now(campaigns, self.build.today, lang, url))
        return fill(
            markdown,
            "campaign-page",
            lambda: renderer.page(
                page_item(page, "campaign", campaigns, lambda c: c.year, f"{CAMPAIGNS_DIR}/<year>.yml"), lang, url
            ),
        )

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """ICS of each campaign in the language being built, under its root (from .cache/ics/ when unchanged)."""
        project = self.family.project
        lang, site_url, strings = page_language(config), config.site_url or "", project.strings
        cache, data = ics_cache(self.build.cache_folder("ics")), [lang, site_url, self.build.strings_key(strings)]
        write_exports(
            config,
            CAMPAIGN_PAGES,
            {
                f"{c.year}.ics": cache.get(
                    "ics", [*data, "campaign", c.model_dump_json()], partial(campaign_ics, c, lang, site_url, strings)
                )
                for c in self.visible(project)
            },
        )
