"""The built site: both languages, right `<html lang>`, no third-party resources, per-language search."""

from __future__ import annotations

import json
import re

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from sitekit.core.typography import typeset
from sitekit.i18n.strings import LANGUAGES, lang_prefix
from support.sitecheck import CSS_URL, is_external, pages, resource_urls

# URLs written as text (comments, messages, namespaces) in the scripts pages load, never fetched.
JS_URL_ALLOWED = (
    "http://www.w3.org/2000/svg",  # SVG namespace
    "http://lunrjs.com",
    "http://tartarus.org/",
    "http://snowball.tartarus.org/",  # licence comments
    "http://code.google.com/p/urim/",
    "http://www.mozilla.org/MPL/",
    "https://github.com/MihaiValentin/",
    "https://bit.ly/2s3ChXG",  # text of a console warning in the search worker
    "https://clipboardjs.com/",  # licence comment
    "https://drafts.fxtf.org/geometry/",  # comments of the ResizeObserver polyfill
    "https://api.github.com/",  # used only with a GitHub repo_url, and none is set
)
# Scripts a page of this site can load: Material's bundle and search worker, the stemmers of the
# site's languages, and the vendored polyfills.
LOADED_SCRIPTS = (
    "assets/javascripts/bundle.*.js",
    "assets/javascripts/workers/*.js",
    "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
    "assets/javascripts/lunr/min/lunr.multi.min.js",
    *(f"assets/javascripts/lunr/min/lunr.{lang}.min.js" for lang in LANGUAGES),
    "assets/javascripts/vendor/*.js",
)


def test_every_built_page_exists_in_both_languages(site):
    fr, en = set(pages(site, "fr")), set(pages(site, "en"))
    assert len(fr) >= 12
    assert sorted(fr - en) == [] and sorted(en - fr) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_lang_matches_the_language(site, lang):
    root = site / lang_prefix(lang)
    wrong = []
    for page in pages(site, lang):
        tag = HTMLParser((root / page).read_text(encoding="utf-8")).css_first("html")
        if tag.attributes.get("lang") != lang:
            wrong.append(f"{lang_prefix(lang)}{page}: lang={tag.attributes.get('lang')!r}")
    assert wrong == []


def test_no_page_loads_a_third_party_resource(site):
    offenders = []
    for file in sorted(site.rglob("*.html")):
        for url in resource_urls(file.read_text(encoding="utf-8")):
            if is_external(url):
                offenders.append(f"{file.relative_to(site)}: {url}")
    assert offenders == []


def test_no_stylesheet_loads_a_third_party_resource(site):
    offenders = []
    for file in sorted(site.rglob("*.css")):
        for a, b in CSS_URL.findall(file.read_text(encoding="utf-8")):
            if is_external(a or b):
                offenders.append(f"{file.relative_to(site)}: {a or b}")
    assert offenders == []


def test_no_script_refers_to_a_third_party_host(site):
    files = sorted({file for pattern in LOADED_SCRIPTS for file in site.glob(pattern)})
    assert any("bundle" in file.name for file in files)
    offenders = []
    for file in files:
        for url in re.findall(
            r"https?://[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}[^\s\"'`)\\,;]*", file.read_text(encoding="utf-8")
        ):
            if not url.startswith(JS_URL_ALLOWED):
                offenders.append(f"{file.relative_to(site)}: {url}")
    assert offenders == []


def _index(site, lang):
    return json.loads((site / lang_prefix(lang) / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_search_index(site, lang):
    index = _index(site, lang)
    assert index["config"]["lang"] == [lang]
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    # Every entry points to a page of this language, and every page of the language is indexed.
    assert locations <= set(pages(site, lang))
    assert set(pages(site, lang)) - {"plan-du-site.html"} <= locations
    assert all((site / lang_prefix(lang) / loc).is_file() for loc in locations)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_index_holds_the_titles_and_words_of_its_pages(site, lang):
    index = {doc["location"]: doc for doc in _index(site, lang)["docs"]}
    root = site / lang_prefix(lang)
    for page in pages(site, lang):
        if page == "plan-du-site.html":
            continue
        tree = HTMLParser((root / page).read_text(encoding="utf-8"))
        h1 = tree.css_first("article h1")
        assert page in index, f"{lang_prefix(lang)}{page} is not in the {lang} search index"
        # the index is made before the page is typeset (search reads the words as typed)
        assert typeset(index[page]["title"], lang) == h1.text(strip=True).replace("¶", "").strip()
        # A word from the page body is in the page's entry or one of its sections.
        body = " ".join(doc["text"] for loc, doc in index.items() if loc.split("#")[0] == page)
        first_paragraph = tree.css_first("article p")
        if first_paragraph is not None:
            word = max(re.findall(r"\w{5,}", first_paragraph.text()), key=len, default=None)
            assert word is None or word.lower() in body.lower(), f"{page}: {word!r} not indexed"


def test_french_index_is_french_and_english_index_is_english(site):
    fr_text = " ".join(d["title"] + d["text"] for d in _index(site, "fr")["docs"]).lower()
    en_text = " ".join(d["title"] + d["text"] for d in _index(site, "en")["docs"]).lower()
    assert "hameçonnage" in fr_text and "hameçonnage" not in en_text
    assert "phishing" in en_text
    assert "good practices" in en_text and "good practices" not in fr_text


def test_french_index_tolerates_accents_and_plurals(site):
    docs = _index(site, "fr")["docs"]
    practices = [d for d in docs if d["location"].startswith("bonnes-pratiques.html")]
    extra = " ".join(d["text_alt"] + " " + d["title_alt"] for d in practices).split()
    assert "hameconnage" in extra
    assert "sauvegardes" in extra or "sauvegardes" in " ".join(d["text"] for d in practices)
