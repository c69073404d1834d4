"""MkDocs hook: the HAS criteria (catalogue, criterion pages, checklist, related criteria, self-assessment CSV)."""

from __future__ import annotations

from pathlib import Path
from typing import TypedDict

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitekit import hooksupport as hook
from sitekit.criteria.export import self_assessment_csv
from sitekit.criteria.model import Criteria, criteria_for_call, criteria_for_kit
from sitekit.criteria.view import GENERATED_NOTE, CriteriaRenderer, export_path
from sitekit.i18n import Strings
from sitekit.paths import CRITERION_PAGES
from sitekit.project import CRITERIA
from sitekit.stubs import write_stubs


class _State(TypedDict, total=False):
    """What on_config prepares from the criteria for the later events of the build."""

    data: Criteria
    strings: Strings
    renderer: CriteriaRenderer


_state: _State = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = hook.first_pass_project(config)
    if project is None:
        return config
    renderer = hook.renderer(
        project,
        "criteria",
        lambda templates: CriteriaRenderer(templates, project.strings, project.calls, project.kit_ids),
        "criteria pages",
    )
    _state.update({"data": project.criteria, "strings": project.strings, "renderer": renderer})
    write_stubs(
        Path(config.docs_dir) / CRITERION_PAGES,
        project.criteria.criteria,
        lambda c: c.id,
        renderer.criterion_stub,
        GENERATED_NOTE,
    )
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang, url = hook.page_language(config), page.url
    renderer, data = _state["renderer"], _state["data"]
    markdown = hook.fill(markdown, "catalogue-criteres", lambda: renderer.catalogue(data, lang, url))
    markdown = hook.fill(markdown, "liste-controle-criteres", lambda: renderer.checklist(data, lang, url))
    markdown = hook.fill(
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
        {export_path(lang): self_assessment_csv(_state["data"], lang, _state["strings"])},
        per_language=False,
    )
