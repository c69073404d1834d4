"""The built calendar: pages, timeline, call pages, banner, ICS and JSON agree on every call's status, in both languages."""

from __future__ import annotations

import json
import posixpath
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import ROOT
from sitekit.calls.model import Status, call_status, checked_span, days_until_close, load_calls, start_of_day
from sitekit.calls.view import ANNOUNCE_DAYS
from sitekit.core.dates import format_day
from sitekit.i18n.strings import LANGUAGES, lang_prefix
from support.sitecheck import pages

# Inside the D2 application window (11 days left), after it, and inside the D1 window (9 days left).
DATES = ("2025-10-20", "2025-11-05", "2024-04-10")
CALLS = load_calls(ROOT / "data" / "calls.yml", "data/calls.yml")


def expected_statuses(today: str) -> dict[str, str]:
    now = start_of_day(date.fromisoformat(today))
    return {call.id: call_status(call, now).value for call in CALLS}


def expected_banner(today: str) -> set[str]:
    now = start_of_day(date.fromisoformat(today))
    return {c.id for c in CALLS if call_status(c, now).is_open and days_until_close(c, now) <= ANNOUNCE_DAYS}


def html(site: Path, path: str) -> HTMLParser:
    return HTMLParser((site / path).read_text(encoding="utf-8"))


def statuses_in(tree: HTMLParser, selector: str) -> dict[str, str]:
    found: dict[str, set[str]] = {}
    for node in tree.css(selector):
        found.setdefault(node.attributes["data-call-id"], set()).add(node.attributes["data-status"])
    assert all(len(values) == 1 for values in found.values()), found  # one status per call on a page
    return {call_id: values.pop() for call_id, values in found.items()}


def assert_links_resolve(site: Path, page: str, tree: HTMLParser, selector: str = "article a[href]") -> None:
    for node in tree.css(selector):
        href = node.attributes["href"] or ""
        if href.startswith(("http://", "https://", "mailto:", "#")):
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("#")[0]))
        assert (site / target).is_file(), f"{page}: link {href} -> {target} does not exist"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("today", DATES)
def test_calendar_timeline_and_call_pages_agree_with_the_status_rule(build_site, today, lang):
    site, root, expected = build_site(today), lang_prefix(lang), expected_statuses(today)

    calendar = html(site, f"{root}appels/index.html")
    assert statuses_in(calendar, "li.calls-list__item") == expected
    assert_links_resolve(site, f"{root}appels/index.html", calendar)

    timeline = html(site, f"{root}appels/frise.html")
    assert statuses_in(timeline, "article [data-call-id]") == expected
    assert_links_resolve(site, f"{root}appels/frise.html", timeline)

    for call in CALLS:
        page = f"{root}appels/fiches/{call.id}.html"
        tree = html(site, page)
        assert statuses_in(tree, "p.calls-status-line") == {call.id: expected[call.id]}
        assert_links_resolve(site, page, tree)


@pytest.mark.parametrize("today", DATES)
def test_banner_lists_open_calls_closing_within_30_days_on_every_page(build_site, today):
    site, wanted = build_site(today), expected_banner(today)
    for lang in LANGUAGES:
        for page in pages(site, lang):
            path = f"{lang_prefix(lang)}{page}"
            tree = html(site, path)
            banner = tree.css_first("aside.md-banner")
            if not wanted:
                assert banner is None, f"{path}: banner shown with no call closing soon"
                continue
            assert banner is not None, f"{path}: no banner"
            links = banner.css("a[data-call-id]")
            assert {a.attributes["data-call-id"] for a in links} == wanted, path
            assert {a.attributes["data-status"] for a in links} <= {Status.OUVERT.value, Status.CLOTURE_IMMINENTE.value}
            assert_links_resolve(site, path, banner, "a[href]")


@pytest.mark.parametrize("today", DATES)
def test_json_and_ics_agree_with_the_pages(build_site, today):
    site, expected = build_site(today), expected_statuses(today)
    for lang in LANGUAGES:
        folder = site / lang_prefix(lang) / "appels"
        document = json.loads((folder / "calls.json").read_text(encoding="utf-8"))
        assert document["build_date"] == today
        assert {c["id"]: c["status"] for c in document["calls"]} == expected

        events = Calendar.from_ical((folder / "calls.ics").read_bytes()).walk("VEVENT")
        wanted_uids = {
            f"{c.id}-{kind}@cybersante.example.org"
            for c in CALLS
            for kind, day in (("ouverture", c.opens), ("cloture", c.closes))
            if day
        }
        assert {str(e["UID"]) for e in events} == wanted_uids
        for event in events:
            call_id = str(event["UID"]).rsplit("-", 1)[0]
            cancelled = expected[call_id] == Status.ANNULE.value
            assert (str(event["STATUS"]) == "CANCELLED") == cancelled
        for call in CALLS:
            one = Calendar.from_ical((folder / f"{call.id}.ics").read_bytes())
            assert {str(e["UID"]).rsplit("-", 1)[0] for e in one.walk("VEVENT")} <= {call.id}


def test_inside_the_d2_window_in_both_languages(build_site):
    site = build_site("2025-10-20")
    fr = html(site, "appels/fiches/d2-candidature.html")
    text = fr.css_first("article").text()
    assert "Clôture imminente" in text and "clôture dans 11 jours" in text
    assert "2 septembre 2025" in text and "31 octobre 2025" in text
    add = fr.css_first("p.calls-add a")
    assert add.text() == "Ajouter à mon agenda" and add.attributes["href"] == "../d2-candidature.ics"

    en = html(site, "en/appels/fiches/d2-candidature.html")
    text = en.css_first("article").text()
    assert "Closing soon" in text and "closes in 11 days" in text
    assert "2 September 2025" in text and "31 October 2025" in text
    assert en.css_first("p.calls-add a").text() == "Add to my calendar"

    banner = html(site, "index.html").css_first("aside.md-banner")
    assert "31 octobre 2025" in banner.text() and "clôture dans 11 jours" in banner.text()
    assert banner.css_first("a").attributes["href"] == "appels/fiches/d2-candidature.html"
    banner_en = html(site, "en/index.html").css_first("aside.md-banner")
    assert "31 October 2025" in banner_en.text() and "closes in 11 days" in banner_en.text()


def test_calendar_groups_and_export_links(build_site):
    site = build_site("2025-11-05")
    for lang in LANGUAGES:
        page = f"{lang_prefix(lang)}appels/index.html"
        tree = html(site, page)
        closed = tree.css_first("details.calls-closed")
        assert closed is not None and closed.css_first("summary") is not None
        assert {li.attributes["data-call-id"] for li in closed.css("li")} == {
            call_id for call_id, status in expected_statuses("2025-11-05").items() if status == "clos"
        }
        hrefs = {a.attributes["href"] for a in tree.css("ul.calls-exports a")}
        assert {"calls.ics", "calls.json", "frise.html"} <= hrefs
        assert tree.css_first("p.calls-empty") is not None  # no call open on that date
        assert_links_resolve(site, page, tree, "ul.calls-exports a")


def test_calendar_says_when_the_data_were_checked_and_lists_archived_calls_apart(build_site):
    site = build_site("2025-11-05")
    oldest, newest = checked_span(CALLS)
    archived = {c.id for c in CALLS if c.override is not None and c.override.status == "archive"}
    assert archived == {"hospiconnect-appel-a-projets-2024"}
    for lang in LANGUAGES:
        tree = html(site, f"{lang_prefix(lang)}appels/index.html")
        checked = tree.css_first("p.calls-as-of span.calls-checked")
        assert (checked.attributes["data-oldest"], checked.attributes["data-newest"]) == (
            oldest.isoformat(),
            newest.isoformat(),
        )
        text = " ".join(checked.text().split())
        said = {"fr": "données vérifiées auprès des sources", "en": "data checked against the sources"}[lang]
        assert text.startswith(said) and format_day(newest, lang) in text and format_day(oldest, lang) in text
        group = tree.css_first("details.calls-archived")
        assert {li.attributes["data-call-id"] for li in group.css("li")} == archived
        assert {li.attributes["data-status"] for li in group.css("li")} == {"archive"}
        data = json.loads((site / lang_prefix(lang) / "appels" / "calls.json").read_text(encoding="utf-8"))
        assert (data["last_checked"], data["last_checked_oldest"]) == (newest.isoformat(), oldest.isoformat())
        page = html(site, f"{lang_prefix(lang)}appels/fiches/hospiconnect-appel-a-projets-2024.html")
        facts = page.css_first("dl.calls-facts").text()
        assert {"fr": "jamais publiée", "en": "never published"}[lang] in facts
        assert {"fr": "20 janvier 2026", "en": "20 January 2026"}[lang] in page.css_first("p.calls-override").text()


def test_unknown_dates_read_a_confirmer(build_site):
    site = build_site("2025-10-20")
    fr = html(site, "appels/fiches/medico-social-premier-appel.html").css_first("dl.calls-facts").text()
    assert fr.count("à confirmer") == 2
    en = html(site, "en/appels/fiches/medico-social-premier-appel.html").css_first("dl.calls-facts").text()
    assert en.count("to be confirmed") == 2


def test_two_builds_give_byte_identical_exports(build_site, second_build):
    first, again = build_site("2025-10-20"), second_build
    for lang in LANGUAGES:
        folder = f"{lang_prefix(lang)}appels"
        names = sorted(p.name for p in (first / folder).iterdir() if p.suffix in (".ics", ".json"))
        assert len(names) == len(CALLS) + 2
        for name in names:
            assert (first / folder / name).read_bytes() == (again / folder / name).read_bytes(), name
