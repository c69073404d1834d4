"""The site as a person sees it in Chromium: French home, search with and without accents, language switch."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from support.browser import PageWatch, open_page

pytestmark = pytest.mark.long
ARTIFACTS = Path(__file__).resolve().parent / ".artifacts"


def search(page, query):
    """Type a query in Material's search box; return the result links in order."""
    opener = page.locator("label.md-header__button[for='__search']")
    if opener.is_visible():  # narrow screens: the search box sits behind a button
        opener.click()
    box = page.locator("input.md-search__input")
    # Material reads the box on focus and keyup: type the query as a person would.
    box.fill("")
    box.press_sequentially(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]


@pytest.mark.parametrize("width,height", [(1280, 800), (390, 844)])
def test_home_page_is_french_and_clean(browser, base_url, width, height):
    page, watch = open_page(browser, base_url + "index.html", width, height)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("article h1").first.inner_text().strip()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"home-{width}x{height}.png"), full_page=False)
    assert watch.errors == []
    assert watch.foreign == []
    page.context.close()


@pytest.mark.parametrize("query", ["hameçonnage", "hameconnage", "HAMECONNAGE"])
def test_french_search_with_and_without_accents(browser, base_url, query):
    page, watch = open_page(browser, base_url + "index.html")
    results = search(page, query)
    # The phishing kit's page now ranks with the good-practices page: both near the top.
    assert any("bonnes-pratiques.html" in r for r in results[:3]), results
    assert watch.foreign == [] and watch.errors == []
    page.context.close()


def singular_only_word(site):
    """A French word of one page only, never written in the plural anywhere on the French site."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pages_of: dict[str, set[str]] = {}
    for doc in docs:
        for word in re.findall(r"[a-zéèêàâîôûç]{7,}", (doc["title"] + " " + doc["text"]).lower()):
            pages_of.setdefault(word, set()).add(doc["location"].split("#")[0])
    for word in sorted(pages_of):
        if len(pages_of[word]) == 1 and not word.endswith(("s", "x")) and word + "s" not in pages_of:
            return word, next(iter(pages_of[word]))
    raise AssertionError("no singular-only word on the French site")


def test_french_search_across_plural_forms(browser, base_url, site):
    word, location = singular_only_word(site)
    page, _ = open_page(browser, base_url + "index.html")
    results = [r.split("?")[0].split("#")[0] for r in search(page, word + "s")]
    assert base_url + location in results, (word, location, results)
    page.context.close()


def test_english_search_uses_the_english_index(browser, base_url):
    page, watch = open_page(browser, base_url + "en/index.html")
    results = search(page, "phishing")
    assert any("/en/bonnes-pratiques.html" in r for r in results[:3]), results  # beside the phishing kit
    requested = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert any(url.endswith("/en/search/search_index.json") for url in requested), requested
    assert watch.foreign == []
    page.context.close()


def test_language_switch_keeps_the_page(browser, base_url):
    page, watch = open_page(browser, base_url + "bonnes-pratiques.html")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator("a.md-select__link[hreflang='en']").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/en/bonnes-pratiques.html")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-header__option .md-select").first.hover()
    page.locator("a.md-select__link[hreflang='fr']").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/bonnes-pratiques.html") and "/en/" not in page.url
    assert watch.foreign == []
    page.context.close()


def test_mobile_navigation_opens(browser, base_url):
    page, _watch = open_page(browser, base_url + "index.html", 390, 844)
    page.locator("label.md-header__button[for='__drawer']").click()
    drawer_link = page.locator(".md-nav--primary > ul > li > a[href$='kits/index.html']").first
    drawer_link.wait_for(state="visible")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "home-390x844-menu.png"))
    drawer_link.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("kits/index.html")
    page.context.close()


def test_offline_copy_searches_from_file_url(browser, site):
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    watch = PageWatch(page)
    page.goto((site / "index.html").as_uri())
    page.wait_for_load_state("load")
    results = search(page, "hameconnage")
    assert any("bonnes-pratiques.html" in r for r in results[:3]), results  # beside the phishing kit
    assert watch.foreign == []
    context.close()
