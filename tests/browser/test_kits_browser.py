"""The kit catalogue in Chromium: instant filters kept in the URL, and a download whose bytes match the checksum."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from conftest import ROOT
from sitekit.kits.model import load_kits
from support.browser import open_page as browser_open_page

KITS = load_kits(ROOT / "kits", ROOT)


def open_page(browser, url):
    return browser_open_page(browser, url, accept_downloads=True)


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-kits-list] > li[data-kit-id]",
        "cards => cards.filter(c => !c.hidden && c.offsetParent !== null).map(c => c.dataset.kitId)",
    )


def expected(audience: str = "", theme: str = "") -> list[str]:
    """The filter rule: a kit for all staff (tous) matches any audience."""
    out = []
    for kit in KITS:
        audiences = {a.value for a in kit.audiences}
        if audience and audience not in audiences and "tous" not in audiences:
            continue
        if theme and theme not in {t.value for t in kit.themes}:
            continue
        out.append(kit.id)
    return out


@pytest.mark.parametrize("lang_path", ["kits/index.html", "en/kits/index.html"])
def test_filters_hide_cards_and_live_in_the_url(browser, base_url, lang_path):
    page, watch = open_page(browser, base_url + lang_path)
    assert page.locator("form[data-kits-filters]").is_visible()
    assert visible_ids(page) == [k.id for k in KITS]

    page.select_option("#kits-filter-audience", "medico-social")
    want = expected(audience="medico-social")
    assert 0 < len(want) < len(KITS)
    assert visible_ids(page) == want
    assert parse_qs(urlparse(page.url).query) == {"public": ["medico-social"]}

    page.select_option("#kits-filter-theme", "mots-de-passe")
    want = expected("medico-social", "mots-de-passe")
    assert visible_ids(page) == want
    assert parse_qs(urlparse(page.url).query) == {"public": ["medico-social"], "theme": ["mots-de-passe"]}
    count = page.locator("[data-kits-count]").inner_text()
    assert str(len(want)) in count

    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.locator("#kits-filter-audience").input_value() == "medico-social"
    assert page.locator("#kits-filter-theme").input_value() == "mots-de-passe"
    assert visible_ids(page) == want

    page.get_by_role("button").filter(has_text=page.locator("form[data-kits-filters] button").inner_text()).click()
    expect(page.locator("[data-kits-list] > li[hidden]")).to_have_count(0)  # no string eval under the CSP
    assert visible_ids(page) == [k.id for k in KITS]
    assert urlparse(page.url).query == ""
    assert watch.errors == [] and watch.foreign == []
    page.context.close()


def test_filter_by_keyboard(browser, base_url):
    page, _ = open_page(browser, base_url + "kits/index.html?theme=communication")
    assert visible_ids(page) == expected(theme="communication")
    page.focus("#kits-filter-theme")
    page.keyboard.press("Home")  # first option: all themes
    expect(page.locator("[data-kits-list] > li[hidden]")).to_have_count(0)  # no string eval under the CSP
    assert visible_ids(page) == [k.id for k in KITS]
    page.context.close()


@pytest.mark.parametrize("lang_path", ["kits/fiches/hameconnage.html", "en/kits/fiches/cybermois.html"])
def test_downloaded_archive_matches_the_published_checksum(browser, base_url, lang_path):
    page, watch = open_page(browser, base_url + lang_path)
    button = page.locator("a.kit-download")
    published = button.get_attribute("data-sha256")
    assert published == page.locator(".kit-facts code.kit-sha256").inner_text().strip()
    with page.expect_download() as info:
        button.click()
    data = Path(info.value.path()).read_bytes()
    assert hashlib.sha256(data).hexdigest() == published
    assert info.value.suggested_filename.endswith(".zip")
    assert watch.errors == [] and watch.foreign == []
    page.context.close()
