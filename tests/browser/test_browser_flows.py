"""Calendar and announcement bar as Chromium shows them, for frozen build dates (SITEKIT_TODAY)."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import FROZEN_TODAY, ROOT
from sitekit.calls.model import call_status, load_calls, start_of_day
from sitekit.calls.view import CallsRenderer
from sitekit.core.typography import typeset
from sitekit.i18n.strings import LANGUAGES, lang_prefix, load_strings
from support.browser import PageWatch, serve

pytestmark = pytest.mark.long

CALLS = load_calls(ROOT / "data" / "calls.yml", "data/calls.yml")
STRINGS = load_strings(ROOT / "data" / "strings.yml")
RENDERER = CallsRenderer(ROOT / "overrides" / "partials" / "calls", STRINGS)
NOTHING_OPEN = "2025-11-05"  # the D2 window closed on 31 October 2025; no other call is open with a known end


def open_page(browser, url):
    page = browser.new_context(service_workers="block").new_page()
    watch = PageWatch(page)
    page.goto(url)
    return page, watch


@pytest.mark.parametrize("lang", LANGUAGES)
def test_calendar_shows_each_call_with_its_status_for_the_build_date(browser, build_site, lang):
    now = start_of_day(date.fromisoformat(FROZEN_TODAY))
    with serve(build_site(FROZEN_TODAY)) as base:
        page, watch = open_page(browser, f"{base}{lang_prefix(lang)}appels/index.html")
        # closed and archived calls are folded
        for summary in page.locator("details.calls-closed > summary, details.calls-archived > summary").all():
            summary.click()
        shown = {}
        for call in CALLS:
            status = page.locator(f"li.calls-list__item[data-call-id='{call.id}'] .calls-status")
            assert status.count() == 1, f"{call.id}: {status.count()} status labels on the {lang} calendar"
            assert status.is_visible(), f"{call.id}: status not visible on the {lang} calendar"
            shown[call.id] = status.inner_text().strip()
        expected = {call.id: STRINGS.get(f"calls.status.{call_status(call, now).value}", lang) for call in CALLS}
        assert shown == expected
        assert watch.errors == [] and watch.foreign == []
        page.context.close()


@pytest.mark.parametrize("today", [FROZEN_TODAY, NOTHING_OPEN])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_announcement_bar_appears_and_disappears_with_the_dates(browser, build_site, today, lang):
    now = start_of_day(date.fromisoformat(today))
    closing = RENDERER.announce(CALLS, now, lang, "index.html")
    # The two dates are chosen so that the bar is shown on the first and absent on the second.
    assert bool(closing) == (today == FROZEN_TODAY), [v.call.id for v in closing]
    with serve(build_site(today)) as base:
        for path in ("index.html", "bonnes-pratiques.html", "appels/index.html"):
            page, watch = open_page(browser, f"{base}{lang_prefix(lang)}{path}")
            bar = page.locator(".md-banner")
            if not closing:
                assert bar.count() == 0, f"{today} {lang} {path}: announcement bar shown with no call closing soon"
            else:
                assert bar.is_visible(), f"{today} {lang} {path}: no announcement bar"
                links = bar.locator("a[data-call-id]")
                assert [a.inner_text().strip() for a in links.all()] == [typeset(v.title, lang) for v in closing]
                with page.expect_navigation():
                    links.first.click()
                assert page.url.endswith(f"/{lang_prefix(lang)}appels/fiches/{closing[0].call.id}.html"), page.url
            assert watch.errors == [] and watch.foreign == []
            page.context.close()
