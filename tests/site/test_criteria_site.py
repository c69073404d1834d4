"""The built criteria catalogue: pages in both languages, cross-links with the call pages, CSV and checklist."""

from __future__ import annotations

import csv
import io
import posixpath
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import ROOT
from sitekit.calls.model import load_calls
from sitekit.core.dates import format_day
from sitekit.core.typography import typeset
from sitekit.criteria.model import criteria_for_call, load_criteria
from sitekit.i18n.strings import LANGUAGES, lang_prefix, load_strings
from sitekit.kits.model import kit_folder_ids

CALLS = load_calls(ROOT / "data" / "calls.yml", "data/calls.yml")
DATA = load_criteria(
    ROOT / "data" / "criteria.yml", "data/criteria.yml", {c.id for c in CALLS}, kit_folder_ids(ROOT / "kits")
)
STRINGS = load_strings(ROOT / "data" / "strings.yml")
CSV_NAMES = {"fr": "certification/autoevaluation.csv", "en": "en/certification/self-assessment.csv"}
HEADERS = {
    "fr": [
        "identifiant",
        "référentiel",
        "chapitre",
        "critère",
        "impératif",
        "élément attendu",
        "statut",
        "preuves",
        "responsable",
    ],
    "en": [
        "identifier",
        "framework",
        "chapter",
        "criterion",
        "imperative",
        "expected element",
        "status",
        "evidence",
        "owner",
    ],
}


def html(site: Path, path: str) -> HTMLParser:
    return HTMLParser((site / path).read_text(encoding="utf-8"))


def resolve(page: str, href: str) -> str:
    return posixpath.normpath(
        posixpath.join(posixpath.dirname(page), href.split("#", maxsplit=1)[0].split("?", maxsplit=1)[0])
    )


def assert_links_resolve(site: Path, page: str, tree: HTMLParser, selector: str = "article a[href]") -> None:
    for node in tree.css(selector):
        href = node.attributes["href"] or ""
        if href.startswith(("http://", "https://", "mailto:", "#")):
            continue
        assert (site / resolve(page, href)).is_file(), f"{page}: link {href} does not exist"


def expected_rows(lang: str) -> int:
    return sum(max(1, len(c.expected[lang])) for c in DATA.criteria)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_lists_every_criterion_with_its_filters(site, lang):
    page = f"{lang_prefix(lang)}certification/index.html"
    tree = html(site, page)
    rows = tree.css("#criteria-table tbody tr")
    assert [r.attributes["data-criterion-id"] for r in rows] == [c.id for c in DATA.criteria]
    for row, criterion in zip(rows, DATA.criteria, strict=True):
        assert row.attributes["data-referentiel"] == criterion.framework
        assert row.attributes["data-imperative"] == criterion.imperative.value
        assert row.attributes["data-axes"].split() == list(criterion.axes)
        assert typeset(criterion.title[lang], lang) in row.text()
        badge = row.css_first(".criteria-badge--to-confirm")
        assert (badge is not None) == (not criterion.confirmed)
        if badge is not None:
            assert badge.text() == STRINGS.get("criteria.badge.to_confirm", lang)
    # Every filter is a labelled control; the form stays hidden until the script shows it.
    form = tree.css_first("form#criteria-filters")
    assert form is not None and "hidden" in form.attributes
    selects = form.css("select")
    assert {s.attributes["name"] for s in selects} == {"referentiel", "chapitre", "imperatif", "axe"}
    for select in selects:
        assert tree.css_first(f"label[for='{select.attributes['id']}']") is not None
    script = tree.css_first("article script[src]").attributes["src"]
    assert (site / resolve(page, script)).is_file() and not script.startswith(("http:", "https:", "//"))
    links = {resolve(page, a.attributes["href"]) for a in tree.css(".criteria-exports a")}
    assert links == {CSV_NAMES[lang], f"{lang_prefix(lang)}certification/checklist.html"}
    assert_links_resolve(site, page, tree)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_criterion_has_its_page(site, lang):
    for criterion in DATA.criteria:
        page = f"{lang_prefix(lang)}certification/criteres/{criterion.id}.html"
        tree = html(site, page)
        assert tree.css_first("html").attributes["lang"] == lang
        assert typeset(criterion.title[lang], lang) in tree.css_first("article h1").text()
        status = tree.css_first("p.criteria-status-line")
        assert status.attributes["data-criterion-id"] == criterion.id
        if not criterion.confirmed:
            assert STRINGS.get("criteria.badge.to_confirm", lang) in status.text()
        facts = tree.css_first("dl.criteria-facts").text()
        assert (criterion.reference_id or STRINGS.get("criteria.to_confirm", lang)) in facts
        assert DATA.framework(criterion.framework).title[lang] in facts
        assert STRINGS.get(f"criteria.imperative.{criterion.imperative.value}", lang) in facts
        assert format_day(criterion.last_checked, lang) in facts and format_day(criterion.review_by, lang) in facts
        for item in criterion.expected[lang]:
            assert item in tree.css_first("ul.criteria-expected").text()
        assert [li.attributes["data-axis-id"] for li in tree.css("ul.criteria-axes li")] == list(criterion.axes)
        assert [li.attributes["data-kit-id"] for li in tree.css("ul.criteria-kits li")] == list(criterion.kits)
        assert [a.attributes["href"] for a in tree.css("ul.criteria-sources a")] == list(criterion.sources)
        assert_links_resolve(site, page, tree)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_call_pages_and_criterion_pages_link_each_other(site, lang):
    root = lang_prefix(lang)
    linked_somewhere = False
    for call in CALLS:
        page = f"{root}appels/fiches/{call.id}.html"
        tree = html(site, page)
        related = criteria_for_call(DATA, call.id)
        items = tree.css("ul.criteria-related li")
        assert [li.attributes["data-criterion-id"] for li in items] == [c.id for c in related], page
        heading = STRINGS.get("criteria.related.heading", lang)
        assert (heading in [h.text().replace("¶", "").strip() for h in tree.css("article h2")]) == bool(related), page
        for li in items:
            target = resolve(page, li.css_first("a").attributes["href"])
            assert target == f"{root}certification/criteres/{li.attributes['data-criterion-id']}.html"
            back = html(site, target)
            back_links = {resolve(target, a.attributes["href"]) for a in back.css("ul.criteria-calls a")}
            assert page in back_links, (target, back_links)
            linked_somewhere = True
    assert linked_somewhere  # the data links at least one call


@pytest.mark.parametrize("lang", LANGUAGES)
def test_self_assessment_csv_opens_in_french_excel(site, lang):
    raw = (site / CSV_NAMES[lang]).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=";"))
    assert rows[0] == HEADERS[lang]
    body = rows[1:]
    assert len(body) == expected_rows(lang)
    assert all(len(row) == 9 and row[6:] == ["", "", ""] for row in body)
    by_title = {}
    for row in body:
        by_title.setdefault(row[3], []).append(row[5])
    for criterion in DATA.criteria:
        framework = DATA.framework(criterion.framework).title[lang]
        assert any(row[1] == framework for row in body)
        wanted = list(criterion.expected[lang]) or [STRINGS.get("criteria.expected.to_confirm", lang)]
        assert by_title[criterion.title[lang]] == wanted
    if lang == "fr":  # accents, typographic apostrophes and non-breaking spaces survive the round trip
        assert "Référentiel d’évaluation de la qualité des ESSMS" in {row[1] for row in body}
        assert any("\u00a0;" in row[3] for row in body)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printable_checklist(site, lang):
    page = f"{lang_prefix(lang)}certification/checklist.html"
    tree = html(site, page)
    rows = tree.css("#criteria-checklist tbody tr")
    assert len(rows) == expected_rows(lang)
    headers = [th.text().strip() for th in tree.css("#criteria-checklist thead th")]
    assert headers == [
        STRINGS.get(f"criteria.col.{k}", lang)
        for k in ("criterion", "expected", "checklist_status", "evidence", "owner")
    ]
    for row in rows:
        assert row.css_first(".criteria-checklist__status").text().count("☐") == 3
        assert [td.text().strip() for td in row.css(".criteria-checklist__blank")] == ["", ""]
    assert [r.attributes["data-criterion-id"] for r in rows if r.css_first("th")] == [c.id for c in DATA.criteria]
    assert_links_resolve(site, page, tree)
    css = (site / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    assert "@media print" in css and ".criteria-filters" in css.split("@media print", 1)[1]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_certification_section_in_the_navigation(site, lang):
    tree = html(site, f"{lang_prefix(lang)}index.html")
    hrefs = [a.attributes["href"] for a in tree.css("nav.md-nav--primary a[href]")]
    assert any(h.endswith("certification/index.html") for h in hrefs)
    assert any(h.endswith("certification/checklist.html") for h in hrefs)
