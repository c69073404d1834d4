"""Feature `criteria`: the HAS criteria (`<!-- criteria-catalogue -->`, `<!-- criteria-checklist -->`, one page per
criterion `<!-- criterion-page -->`), the related criteria under each call and kit page, the self-assessment CSV."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitekit.criteria.export import self_assessment_csv
from sitekit.criteria.model import Criterion, criteria_for_call, criteria_for_kit
from sitekit.criteria.view import CriteriaRenderer, export_path
from sitekit.mkdocs.features import FamilyFeature
from sitekit.mkdocs.support import Stubs, page_item, page_language, write_exports
from sitekit.project import CRITERIA, Project
from sitekit.site.paths import CRITERION_PAGES


class CriteriaFeature(FamilyFeature[CriteriaRenderer]):
    name = "criteria"
    what = "criteria pages"

    def make_renderer(self, project: Project, templates: Path) -> CriteriaRenderer:
        return CriteriaRenderer(templates, project.strings, project.calls, project.kit_ids)

    def stubs(self) -> Stubs[Criterion, CriteriaRenderer]:
        return Stubs(CRITERION_PAGES, lambda p: p.criteria.criteria, lambda c: c.id, CriteriaRenderer.criterion_stub)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        lang, url = page_language(config), page.url
        renderer, data = self.family.renderer, self.family.project.criteria
        fill = self.kept.for_page((renderer, data), page, lang)
        markdown = fill(markdown, "criteria-catalogue", lambda: renderer.catalogue(data, lang, url))
        markdown = fill(markdown, "criteria-checklist", lambda: renderer.checklist(data, lang, url))
        markdown = fill(
            markdown,
            "criterion-page",
            lambda: renderer.criterion_page(
                data, page_item(page, "criterion", data.criteria, lambda c: c.id, CRITERIA), lang, url
            ),
        )
        # The front matter of the call and kit pages (written by the calls and kits features' stubs) names them.
        related = []
        if page.meta.get("call"):
            related = criteria_for_call(data, str(page.meta["call"]))
        elif page.meta.get("kit"):
            related = criteria_for_kit(data, str(page.meta["kit"]))
        if related:
            markdown = markdown.rstrip("\n") + "\n" + renderer.related(data, related, lang, url)
        return markdown

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The self-assessment CSV of the language being built (each language is a full build)."""
        project, lang = self.family.project, page_language(config)
        write_exports(
            config,
            "",
            {export_path(lang): self_assessment_csv(project.criteria, lang, project.strings)},
            per_language=False,
        )
