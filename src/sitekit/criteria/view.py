"""What readers see of the HAS criteria: catalogue, criterion pages, checklist and related-criteria sections."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sitekit.calls.model import Call
from sitekit.core.dates import format_day
from sitekit.criteria.model import Criteria, Criterion, Imperative, Method
from sitekit.i18n.strings import Strings, lang_prefix
from sitekit.pages.generated import generated_note
from sitekit.site.paths import (
    CRITERIA_CATALOGUE,
    call_page_path,
    criterion_page_path,
    kit_page_path,
    link,
    relative_url,
)
from sitekit.site.templating import TemplateRenderer

CHECKLIST_PAGE = "certification/checklist.html"
FILTER_SCRIPT = "assets/javascripts/criteria-filter.js"
EXPORT_NAMES = {"fr": "autoevaluation.csv", "en": "self-assessment.csv"}  # under certification/
GENERATED_NOTE = generated_note("data/criteria.yml", "criteria")

# Columns of the self-assessment CSV, headed by the strings criteria.csv.<name>.
CSV_COLUMNS = (
    "identifier",
    "framework",
    "chapter",
    "criterion",
    "imperative",
    "expected",
    "status",
    "evidence",
    "owner",
)
_CODE_STRINGS = (
    *(f"criteria.imperative.{i.value}" for i in Imperative),
    *(f"criteria.method.{m.value}" for m in Method),
    *(f"criteria.csv.{name}" for name in CSV_COLUMNS),
    "criteria.to_confirm",
    "criteria.methods.to_confirm",
    "criteria.expected.to_confirm",
)


def export_path(lang: str) -> str:
    return f"{lang_prefix(lang)}certification/{EXPORT_NAMES[lang]}"


def number_text(criterion: Criterion, strings: Strings, lang: str) -> str:
    """The criterion's number as the référentiel writes it, or « à confirmer »."""
    return criterion.reference_id or strings.get("criteria.to_confirm", lang)


def expected_items(criterion: Criterion, strings: Strings, lang: str) -> tuple[str, ...]:
    """Expected elements; one « to be confirmed » item when the data has none (checklist and CSV rows)."""
    return criterion.expected[lang] or (strings.get("criteria.expected.to_confirm", lang),)


@dataclass(frozen=True)
class Link:
    id: str
    text: str
    href: str | None  # None: shown as text (the page does not exist in this build)


@dataclass(frozen=True)
class CriterionView:
    """One criterion as a template shows it, in one language, from one page."""

    criterion: Criterion
    number: str
    framework: str
    framework_version: str
    framework_sources: tuple[str, ...]
    chapter: str
    chapter_key: str
    objective: str
    title: str
    imperative: str
    methods: tuple[str, ...]  # empty: to be confirmed
    expected: tuple[str, ...]  # empty: to be confirmed
    note: str | None
    axes: tuple[Link, ...]
    kits: tuple[Link, ...]
    calls: tuple[Link, ...]
    last_checked: str  # the day the entry was last checked against its sources, written out
    review_by: str  # the day it is due to be checked again
    href: str


class CriteriaRenderer(TemplateRenderer):
    """Renders the criteria's Markdown and HTML fragments from the Jinja templates in one folder."""

    string_prefix, code_strings = "criteria", _CODE_STRINGS
    generated_note = GENERATED_NOTE

    def __init__(self, templates: Path, strings: Strings, calls: Sequence[Call], kit_ids: set[str] | None):
        super().__init__(templates, strings)
        self.calls = {call.id: call for call in calls}
        self.kit_ids = kit_ids

    def view(self, data: Criteria, criterion: Criterion, lang: str, page_url: str) -> CriterionView:
        get = self.strings.get
        framework = data.framework(criterion.framework)
        kits = tuple(
            Link(
                k,
                k,
                relative_url(kit_page_path(k, lang), page_url)
                if self.kit_ids is not None and k in self.kit_ids
                else None,
            )
            for k in criterion.kits
        )
        calls = tuple(
            Link(c, self.calls[c].title[lang], relative_url(call_page_path(c, lang), page_url))
            for c in criterion.calls
            if c in self.calls
        )
        return CriterionView(
            criterion=criterion,
            number=number_text(criterion, self.strings, lang),
            framework=framework.title[lang],
            framework_version=framework.version[lang],
            framework_sources=framework.sources,
            chapter=criterion.chapter[lang],
            chapter_key=f"{criterion.framework}--{_slug(criterion.chapter['fr'])}",
            objective=criterion.objective[lang],
            title=criterion.title[lang],
            imperative=get(f"criteria.imperative.{criterion.imperative.value}", lang),
            methods=tuple(get(f"criteria.method.{m.value}", lang) for m in criterion.evaluation_methods),
            expected=criterion.expected[lang],
            note=criterion.note[lang] if criterion.note else None,
            axes=tuple(Link(a, data.axis(a).label[lang], None) for a in criterion.axes),
            kits=kits,
            calls=calls,
            last_checked=format_day(criterion.last_checked, lang),
            review_by=format_day(criterion.review_by, lang),
            href=relative_url(criterion_page_path(criterion.id, lang), page_url),
        )

    def views(self, data: Criteria, lang: str, page_url: str) -> list[CriterionView]:
        return [self.view(data, c, lang, page_url) for c in data.criteria]

    def catalogue(self, data: Criteria, lang: str, page_url: str) -> str:
        views = self.views(data, lang, page_url)
        chapters = list(dict.fromkeys((v.chapter_key, f"{v.framework} · {v.chapter}") for v in views))
        return self._render(
            "catalogue.md",
            lang,
            views=views,
            frameworks=[(f.id, f.title[lang]) for f in data.frameworks],
            chapters=chapters,
            axes=[(a.id, a.label[lang]) for a in data.axes],
            imperatives=[(i.value, self.strings.get(f"criteria.imperative.{i.value}", lang)) for i in Imperative],
            csv_href=relative_url(export_path(lang), page_url),
            checklist_href=link(CHECKLIST_PAGE, lang, page_url),
            script_href=relative_url(FILTER_SCRIPT, page_url),
        )

    def criterion_page(self, data: Criteria, criterion: Criterion, lang: str, page_url: str) -> str:
        return self._item_page(
            "criterion.md", lang, self.view(data, criterion, lang, page_url), CRITERIA_CATALOGUE, page_url
        )

    def criterion_stub(self, criterion: Criterion, lang: str) -> str:
        """The Markdown file written for a criterion: front matter and the marker its content replaces."""
        title = (
            criterion.title[lang]
            if criterion.reference_id is None
            else f"{criterion.reference_id} — {criterion.title[lang]}"
        )
        return self._stub("criterion-stub.md", lang, criterion=criterion, title=title)

    def checklist(self, data: Criteria, lang: str, page_url: str) -> str:
        rows = [(view, expected_items(view.criterion, self.strings, lang)) for view in self.views(data, lang, page_url)]
        return self._render(
            "checklist.md",
            lang,
            rows=rows,
            csv_href=relative_url(export_path(lang), page_url),
            catalogue_href=link(CRITERIA_CATALOGUE, lang, page_url),
        )

    def related(self, data: Criteria, criteria: Sequence[Criterion], lang: str, page_url: str) -> str:
        """The section listing related criteria on a call or kit page; empty when there are none."""
        if not criteria:
            return ""
        return self._render("related.md", lang, views=[self.view(data, c, lang, page_url) for c in criteria])


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
