"""The home page of a named establishment's site is for its staff: the numbers to call first, then what is current
(the campaign under way, the latest news, the calls open for its sector), then the everyday pages; the demo keeps
the home for the adopters of the kit. Built with the example profiles on the frozen date (in Cybermois 2025, with
a CaRE call open for health establishments)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import FROZEN_TODAY, ROOT
from sitekit.calls.model import Audience, call_status, load_calls, start_of_day
from sitekit.core.dates import format_day
from sitekit.core.typography import typeset
from sitekit.news.model import load_authors, load_posts, published_posts

pytestmark = pytest.mark.long

EXAMPLES = ROOT / "examples" / "profiles"
TODAY = start_of_day(date.fromisoformat(FROZEN_TODAY))


@pytest.fixture(scope="module")
def hospital(profile_site) -> Path:
    return profile_site(EXAMPLES / "hopital.yml")


@pytest.fixture(scope="module")
def medico(profile_site) -> Path:
    return profile_site(EXAMPLES / "medico-social.yml")


def tree(site: Path, rel: str) -> HTMLParser:
    return HTMLParser((site / rel).read_text(encoding="utf-8"))


def article(site: Path, rel: str):
    return tree(site, rel).css_first("article")


@pytest.mark.parametrize("rel", ["index.html", "en/index.html"])
def test_the_first_box_gives_both_numbers_as_unbreakable_tel_links(hospital, rel):
    body = article(hospital, rel)
    first = body.css_first("h1 ~ *")
    assert first is not None and "admonition" in (first.attributes.get("class") or "")
    links = {a.attributes["href"]: a.text() for a in first.css('a[href^="tel:"]')}
    assert links == {
        "tel:+33199001234": "01\u00a099\u00a000\u00a012\u00a034",
        "tel:+33199001515": "01\u00a099\u00a000\u00a015\u00a015",
    }
    assert any(a.attributes["href"].endswith("incident.html") for a in first.css("a[href]"))


def title(site: Path, rel: str) -> str:
    """The page's h1 as read, without its permalink sign."""
    return article(site, rel).css_first("h1").text(strip=True).removesuffix("¶")


def test_the_title_carries_the_establishment_in_correct_french(hospital, medico):
    assert title(hospital, "index.html") == "Cybersécurité au CH Valbrume"
    assert title(hospital, "en/index.html") == "Cybersecurity at CH Valbrume"
    assert title(medico, "index.html") == "Cybersécurité à l’EHPAD Valbrume"


def test_what_is_current_is_computed_at_build(hospital):
    body = article(hospital, "index.html")
    # The campaign under way on the frozen date, with its week's theme.
    now = body.css_first(".campaign-now")
    assert now is not None and now.attributes["data-campaign"] == "2025"
    assert "Cette semaine" in now.text()
    # Its first day and its plan's last day (no source gives the national end: the plan's last week ends it).
    assert [t.attributes["datetime"] for t in now.css("p time")][:2] == ["2025-10-01", "2025-10-31"]
    # The three newest posts published on that date, newest first.
    posts = published_posts(load_posts(ROOT / "docs", load_authors(ROOT / "data" / "authors.yml")), TODAY.date(), "fr")
    shown = [a.text(strip=True) for a in body.css(".news-latest li > a")]
    assert shown == [typeset(p.meta.title, "fr") for p in posts[:3]]  # as French pages publish them
    assert format_day(posts[0].date, "fr") in body.css_first(".news-latest").text()
    # The calls open for a health establishment, none other.
    calls = load_calls(ROOT / "data" / "calls.yml")
    expected = {
        c.id
        for c in calls
        if call_status(c, TODAY).is_open and c.audience in (Audience.SANITAIRE, Audience.BOTH, Audience.UNKNOWN)
    }
    assert expected, "the frozen date should have an open call for health establishments"
    assert {a.attributes["data-call-id"] for a in body.css(".calls-open a[data-call-id]")} == expected


def test_a_medico_social_home_lists_only_the_calls_of_its_sector(medico):
    calls = load_calls(ROOT / "data" / "calls.yml")
    expected = {
        c.id
        for c in calls
        if call_status(c, TODAY).is_open and c.audience in (Audience.MEDICO_SOCIAL, Audience.BOTH, Audience.UNKNOWN)
    }
    shown = {a.attributes["data-call-id"] for a in article(medico, "index.html").css(".calls-open a[data-call-id]")}
    assert shown == expected
    assert "Établissements médico-sociaux" in article(medico, "index.html").text()


@pytest.mark.parametrize("rel", ["index.html", "incident.html", "en/index.html", "en/incident.html"])
def test_nothing_stands_above_the_numbers_on_the_first_minute_pages(hospital, rel):
    assert tree(hospital, rel).css_first(".calls-announce") is None
    # Other pages keep the announcement bar of the calls closing soon.
    assert tree(hospital, "programme-care.html").css_first(".calls-announce") is not None


def test_the_adopters_text_and_the_communication_teams_guide_stay_off_the_staff_home(hospital):
    text = article(hospital, "index.html").text()
    assert "chaque établissement peut le reprendre" not in text
    links = [a.attributes.get("href") or "" for a in article(hospital, "index.html").css("a")]
    # The guide is offered once, at the end, to whoever publishes the site.
    assert sum("guide/" in href for href in links) == 1
    assert "guide/" in links[-1]


def test_the_demo_keeps_the_home_for_adopters(site):
    text = article(site, "index.html").text()
    assert "chaque établissement peut le reprendre" in text
    assert article(site, "index.html").css_first(".campaign-now") is None
