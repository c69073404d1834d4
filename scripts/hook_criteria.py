"""MkDocs hook: the HAS criteria (catalogue, criterion pages, checklist, related criteria, self-assessment CSV)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitekit.criteria.export import self_assessment_csv
from sitekit.criteria.model import criteria_for_call, criteria_for_kit
from sitekit.criteria.view import CriteriaRenderer, export_path
from sitekit.mkdocs import support as hook
from sitekit.project import CRITERIA
from sitekit.site.paths import CRITERION_PAGES

_criteria = hook.PageFamily(
    "criteria",
    lambda project, templates: CriteriaRenderer(templates, project.strings, project.calls, project.kit_ids),
    "criteria pages",
    hook.Stubs(
        CRITERION_PAGES, lambda project: project.criteria.criteria, lambda c: c.id, CriteriaRenderer.criterion_stub
    ),
)


on_config = _criteria.on_config
_kept = hook.KeptRenders()  # criteria pages kept between `mkdocs serve` rebuilds while the criteria are the same


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang, url = hook.page_language(config), page.url
    renderer, data = _criteria.renderer, _criteria.project.criteria
    fill = _kept.for_page((renderer, data), page, lang)
    markdown = fill(markdown, "catalogue-criteres", lambda: renderer.catalogue(data, lang, url))
    markdown = fill(markdown, "liste-controle-criteres", lambda: renderer.checklist(data, lang, url))
    markdown = fill(
        markdown,
        "fiche-critere",
        lambda: renderer.criterion_page(
            data, hook.page_item(page, "critere", data.criteria, lambda c: c.id, CRITERIA), lang, url
        ),
    )
    related = []
    if page.meta.get("appel"):
        related = criteria_for_call(data, str(page.meta["appel"]))
    elif page.meta.get("kit"):
        related = criteria_for_kit(data, str(page.meta["kit"]))
    if related:
        markdown = markdown.rstrip("\n") + "\n" + renderer.related(data, related, lang, url)
    return markdown


def on_post_build(*, config: MkDocsConfig) -> None:
    """The self-assessment CSV of the language being built (each language is a full build)."""
    lang = hook.page_language(config)
    hook.write_exports(
        config,
        "",
        {export_path(lang): self_assessment_csv(_criteria.project.criteria, lang, _criteria.project.strings)},
        per_language=False,
    )
