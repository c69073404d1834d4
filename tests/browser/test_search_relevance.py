"""Search relevance in Chromium: the queries of tests/search_relevance.yml typed into the real search box of the
built site, each expected to bring one of its pages among the first three (or at its own `rank:`, 1 for the
incident intents, every one of which must reach it); typing mistakes and short words."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from sitekit.i18n.strings import LANGUAGES, lang_prefix
from support.browser import open_page

pytestmark = pytest.mark.long

QUERIES = ROOT / "tests" / "search_relevance.yml"
ARTIFACTS = Path(__file__).resolve().parent / ".artifacts"
MINIMUM = 0.90  # share of a language's queries that must find one of their pages in the top 3 (or their rank)
TOP = 3  # a query's rank unless it gives its own


def relevance_set() -> dict[str, list[dict]]:
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))


def result_pages(page, query: str, root: str) -> list[str]:
    """Type `query` in Material's search box; the pages of the results in order, relative to `root` (the URL of
    the language's root folder).

    The box is first emptied (Material then shows its placeholder), the query put in it but its last letter,
    which is typed: its key release makes Material send the whole query once, and the results shown next are
    that query's (a last letter with an accent: the whole query, then the key End).
    """
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.fill("")
    box.press("End")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    placeholder = meta.inner_text()
    if query[-1].isascii():
        box.fill(query[:-1])
        box.press_sequentially(query[-1])
    else:  # a letter no key of the keyboard types (« é »): inserted without a key release, given by End
        box.fill(query)
        box.press("End")
    page.wait_for_function(
        "placeholder => document.querySelector('.md-search-result__meta').innerText !== placeholder", arg=placeholder
    )
    pages: list[str] = []
    for href in page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)"):
        path = href.split("?")[0].split("#")[0].removeprefix(root)
        if path not in pages:  # a page's sections follow its entry
            pages.append(path)
    return pages


def open_search(browser, base_url: str, lang: str):
    page, watch = open_page(browser, base_url + lang_prefix(lang) + "index.html")
    page.locator("input.md-search__input").focus()
    return page, watch, base_url + lang_prefix(lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_everyday_queries_find_their_page_in_the_top_three(browser, base_url, lang, capsys):
    page, watch, root = open_search(browser, base_url, lang)
    queries = relevance_set()[lang]
    misses, ranked = [], []  # ranked: the misses of the queries that give their own rank (the incident intents)
    for item in queries:
        rank = item.get("rank", TOP)
        found = result_pages(page, item["q"], root)[:rank]
        if not set(found) & set(item["pages"]):
            where = "first" if rank == 1 else f"in the top {rank}"
            misses.append(f"  {item['q']!r}: got {found or 'nothing'}, expected one of {item['pages']} {where}")
            if "rank" in item:
                ranked.append(misses[-1])
    score = 1 - len(misses) / len(queries)
    report = [f"search relevance ({lang}): {score:.0%} of {len(queries)} queries in the top {TOP}", *misses]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"search-relevance-{lang}.txt").write_text("\n".join(report) + "\n", encoding="utf-8")
    with capsys.disabled():
        print("\n" + "\n".join(report))
    assert watch.errors == [] and watch.foreign == []
    assert score >= MINIMUM, "\n".join(report)
    assert ranked == [], "queries that give their own rank must all reach it:\n" + "\n".join(ranked)
    page.context.close()


def test_the_relevance_set_is_big_enough_and_points_to_real_pages(site):
    for lang, queries in relevance_set().items():
        assert lang in LANGUAGES
        assert len(queries) >= 40, f"{lang}: {len(queries)} queries, at least 40 wanted"
        assert len({item["q"] for item in queries}) == len(queries), f"{lang}: a query is written twice"
        for item in queries:
            assert set(item) <= {"q", "pages", "rank"} and item.get("rank", TOP) in range(1, TOP + 1), item
            for path in item["pages"]:
                assert (site / lang_prefix(lang) / path).is_file(), f"{lang}: {item['q']!r}: no page {path}"


def test_one_typing_mistake_in_a_long_word_still_finds_it_without_listing_it_missing(browser, base_url):
    page, _, root = open_search(browser, base_url, "fr")
    for typed in ("sauvgarde", "sauvegrade", "sauvegardde", "sauvegarbe"):  # missing, swapped, extra, wrong
        assert "bonnes-pratiques.html" in result_pages(page, typed, root)[:TOP], typed
        assert page.locator(".md-search-result__terms").count() == 0, f"{typed}: listed as missing"
    page.context.close()


def test_vocabulary_and_typing_mistakes_work_from_a_folder(browser, site):
    """From file:// the worker runs in iframe-worker's frame: the same widened queries."""
    page, watch = open_page(browser, (site / "index.html").as_uri())
    page.locator("input.md-search__input").focus()
    root = site.as_uri() + "/"
    assert "bonnes-pratiques.html" in result_pages(page, "phishnig", root)[:TOP]
    assert "medico-social.html" in result_pages(page, "EHPAD", root)[:TOP]
    assert watch.errors == [] and watch.foreign == []
    page.context.close()


def test_short_words_are_not_stretched_to_their_neighbours(browser, base_url):
    page, _, root = open_search(browser, base_url, "fr")
    assert result_pages(page, "cnil", root)  # a real four-letter word
    assert result_pages(page, "cnul", root) == []  # one letter off: no « cnil », no « nul »
    page.context.close()


def test_a_synonym_finds_the_page_but_never_shows(browser, base_url):
    page, _, root = open_search(browser, base_url, "fr")
    assert result_pages(page, "ransomware", root)[:TOP]
    shown = page.locator(".md-search-result").inner_text().lower()
    assert "rançongiciel" in shown and "ransomware" not in shown
    page.context.close()
