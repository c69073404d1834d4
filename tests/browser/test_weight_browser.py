"""Weight budget: the static count of a page checked against what Chromium loads for it."""

from __future__ import annotations

from urllib.parse import urlparse

from sitekit.site.weight import page_weight
from support.browser import serve

# What Chromium loads beyond the static count, by design: the search worker fetches the index (budgeted on
# its own) and lunr's language scripts (importScripts, not referenced by the page).
LOADED_BY_THE_SEARCH_WORKER = ("search/search_index.json", "assets/javascripts/lunr/")


def test_static_count_matches_what_chromium_loads_for_the_home_page(browser, site):
    loaded: set[str] = set()
    with serve(site) as base:
        context = browser.new_context(service_workers="block")
        context.on("request", lambda r: loaded.add(urlparse(r.url).path.lstrip("/")))
        page = context.new_page()
        page.goto(base + "index.html")
        page.wait_for_load_state("networkidle")
        context.close()
    static = set(page_weight(site, "index.html").files)
    browser_only = {path for path in loaded - static if not path.startswith(LOADED_BY_THE_SEARCH_WORKER)}
    assert browser_only == set(), "loaded by Chromium, missed by sitekit.site.weight"
    assert static - loaded == set(), "counted by sitekit.site.weight, never loaded by Chromium"
    assert "search/search_index.json" in loaded
