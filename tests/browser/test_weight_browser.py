"""Weight budget: the static count of a page checked against what Chromium loads for it, and the search, read only
when it opens."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from sitekit.site.weight import page_weight
from support.browser import serve

# What opening the search loads: the index (budgeted on its own), Material's worker and lunr's language scripts.
LOADED_BY_THE_SEARCH = ("search/search_index.json", "assets/javascripts/workers/search.", "assets/javascripts/lunr/")


@pytest.mark.parametrize("home", ["index.html", "en/index.html"])
def test_static_count_matches_what_chromium_loads_and_search_loads_when_it_opens(browser, site, home):
    loaded: list[str] = []
    with serve(site) as base:
        context = browser.new_context(service_workers="block")
        context.on("request", lambda r: loaded.append(urlparse(r.url).path.lstrip("/")))
        page = context.new_page()
        page.goto(base + home)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)  # the worker has started and would have asked for the index by now
        on_load = set(loaded)
        static = set(page_weight(site, home).files)
        assert on_load - static == set(), "loaded by Chromium, missed by sitekit.site.weight"
        assert static - on_load == set(), "counted by sitekit.site.weight, never loaded by Chromium"
        assert not [path for path in on_load if path.startswith(LOADED_BY_THE_SEARCH)]
        # Opening the search reads the language's index; a query then finds pages.
        page.locator("input.md-search__input").press_sequentially("sauvegarde", delay=20)
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        prefix = home.removesuffix("index.html")
        assert f"{prefix}search/search_index.json" in loaded
        assert any(path.startswith("assets/javascripts/workers/search.") for path in loaded)
        context.close()
