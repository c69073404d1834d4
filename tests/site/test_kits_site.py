"""The built kit pages: a catalogue listing every kit without JavaScript, and a complete page per kit, in both languages."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import ROOT, status_around_build
from sitekit.core.dates import format_day
from sitekit.core.typography import typeset
from sitekit.i18n.strings import LANGUAGES, lang_prefix, load_strings
from sitekit.kits.formats import output_names
from sitekit.kits.model import load_kits, review_due
from sitekit.kits.package import archive_path, preview_path
from sitekit.kits.view import human_size

KITS = load_kits(ROOT / "kits", ROOT)
STRINGS = load_strings(ROOT / "data" / "strings.yml")


def html(site: Path, path: str) -> HTMLParser:
    return HTMLParser((site / path).read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_lists_every_kit_without_javascript(site, lang):
    page = f"{lang_prefix(lang)}kits/index.html"
    tree = html(site, page)
    cards = tree.css("[data-kits-list] > li[data-kit-id]")
    assert [c.attributes["data-kit-id"] for c in cards] == [k.id for k in KITS]
    for card, kit in zip(cards, KITS, strict=True):
        assert "hidden" not in card.attributes  # visible with JavaScript off
        link = card.css_first("h2 a")
        assert link.text(strip=True) == typeset(kit.title[lang], lang)
        assert (site / page).parent.joinpath(link.attributes["href"]).resolve() == (
            site / f"{lang_prefix(lang)}kits/fiches/{kit.id}.html"
        ).resolve()
        assert card.attributes["data-audiences"].split() == [a.value for a in kit.audiences]
        assert card.attributes["data-themes"].split() == [t.value for t in kit.themes]
    # The filters exist for the script, hidden until it runs (they cannot work without it).
    form = tree.css_first("form[data-kits-filters]")
    assert "hidden" in form.attributes
    assert form.css_first("fieldset > legend").text(strip=True) == STRINGS.get("kits.filter.legend", lang)
    for select in form.css("select"):
        assert tree.css_first(f"label[for='{select.attributes['id']}']") is not None
    count = tree.css_first("[data-kits-count]")
    assert count.attributes["aria-live"] == "polite"
    assert count.text(strip=True) == STRINGS.get("kits.count.many", lang).format(n=len(KITS)).strip()
    scripts = [s.attributes.get("src") or "" for s in tree.css("script[src]")]
    assert any(s.endswith("assets/javascripts/kits-filter.js") for s in scripts)
    assert (site / "assets" / "javascripts" / "kits-filter.js").is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_kit_pages_have_every_required_element(site, lang):
    for kit in KITS:
        page = f"{lang_prefix(lang)}kits/fiches/{kit.id}.html"
        tree = html(site, page)
        here = (site / page).parent
        assert tree.css_first("html").attributes["lang"] == lang
        assert tree.css_first("article h1").text(strip=True).startswith(typeset(kit.title[lang], lang))
        image = tree.css_first(".kit-preview img")
        assert image.attributes["alt"].strip(), page
        assert here.joinpath(image.attributes["src"]).resolve() == (site / preview_path(kit, lang)).resolve()
        assert tree.css_first(".kit-summary").text(strip=True) == typeset(kit.summary[lang], lang)
        button = tree.css_first("a.kit-download")
        assert here.joinpath(button.attributes["href"]).resolve() == (site / archive_path(kit)).resolve()
        assert tree.css_first("code.kit-sha256").text(strip=True) == button.attributes["data-sha256"]
        facts = tree.css_first("dl.kit-facts").text()
        assert kit.version in facts and kit.licence in facts
        assert format_day(kit.last_review, lang) in facts and format_day(review_due(kit), lang) in facts
        rows = tree.css(".kit-files table tbody tr")
        quizzes = 2 * len(LANGUAGES) if kit.quiz else 0  # the printable quizzes made from quiz.yml: PDF and text
        assert len(rows) == len(kit.files) + sum(len(output_names(f)) for f in kit.files) + quizzes
        assert kit.quiz is not None  # every kit has a quiz: a fieldset per question, in the page's language
        legends = [" ".join(f.css_first("legend").text().split()) for f in tree.css("#quiz ~ .kit-quiz fieldset")]
        assert len(legends) == len(kit.quiz.questions)
        assert all(
            " ".join(typeset(q.question[lang], lang).split()) in t
            for q, t in zip(kit.quiz.questions, legends, strict=True)
        )
        assert {r.css("td")[0].text(strip=True) for r in rows} >= {f.path for f in kit.files}
        assert [a.attributes["href"] for a in tree.css(".kit-sources a")] == list(kit.sources)
        assert "<!--" not in (site / page).read_text(encoding="utf-8").split("<article", 1)[1].split("</article>")[0]


def test_french_dates_are_written_out(site):
    """last_review written out as « 6 décembre 2026 » and "6 December 2026" (month names spelt here, not by Babel)."""
    (kit,) = [k for k in KITS if k.id == "hameconnage"]
    day = kit.last_review
    months = {
        "fr": [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
        "en": [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
    }
    for lang, page in (("fr", "kits/fiches/hameconnage.html"), ("en", "en/kits/fiches/hameconnage.html")):
        number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
        written = f"{number} {months[lang][day.month - 1]} {day.year}"
        assert written in html(site, page).css_first("dl.kit-facts").text(), lang


def test_kit_stub_front_matter_names_the_kit(site):
    """The stubs the build wrote into docs/kits/fiches/ (present once the site is built)."""
    for kit in KITS:
        for suffix in ("", ".en"):
            text = (ROOT / "docs" / "kits" / "fiches" / f"{kit.id}{suffix}.md").read_text(encoding="utf-8")
            front = text.split("---")[1]
            assert f"\nkit: {kit.id}\n" in front and "\ntitle: " in front
            assert "<!-- kit-page -->" in text


def test_build_writes_nothing_tracked_outside_the_site(site, second_build):
    """A build leaves the repository as it was: only the git-ignored stubs of docs/kits/fiches/ may change.
    (git status is taken before and after each shared build; the first one of a clean clone writes the stubs.)"""
    for built in (site, second_build):
        status = status_around_build(built)
        assert status["after"] == status["before"], built.name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_kit_pages_show_each_format_with_its_size_and_the_pictures_alternative_text(site, lang):
    """One card per design (the A4 and A3 posters share one): its picture, its files with their size, and for a
    screen picture the alternative text, the same as the archive's text file beside the picture."""
    for kit in KITS:
        page = f"{lang_prefix(lang)}kits/fiches/{kit.id}.html"
        tree, here = html(site, page), (site / page).parent
        cards = tree.css("ul.kit-formats > li.kit-format")
        posters = [f for f in kit.printables(lang) if f.role.value == "affiche"]
        sheets = [f for f in kit.printables(lang) if f.role.value == "fiche-reflexe"]
        assert len(cards) == 3 * len(posters) + len(sheets), page
        with zipfile.ZipFile(site / archive_path(kit)) as archive:
            names = {n.split("/", 1)[1]: n for n in archive.namelist()}
            for card in cards:
                image = card.css_first("img")
                assert here.joinpath(image.attributes["src"]).is_file() and image.attributes["alt"].strip(), page
                for link in card.css(".kit-format__files a"):
                    target = here.joinpath(link.attributes["href"]).resolve()
                    size = human_size(target.stat().st_size, lang, STRINGS)
                    assert size in link.parent.text(), (page, link.attributes["href"])
                    assert archive.read(names[target.name]) == target.read_bytes()
                alt = card.css_first(".kit-format__alt")
                if target.suffix == ".png":
                    text = archive.read(names[target.with_suffix(".txt").name]).decode("utf-8").strip()
                    assert alt.text(strip=True).endswith(typeset(text, lang)), page
                else:
                    assert alt is None
