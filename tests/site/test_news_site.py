"""The built site around a scheduled post's date: absent the day before (pages, list, search, feeds, sitemap),
present on its day, in both languages; feeds parsed back with feedparser."""

from __future__ import annotations

import json
import posixpath
from datetime import date

import feedparser
import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from sitekit.i18n.strings import LANGUAGES, lang_prefix
from sitekit.news.model import published_posts
from support.news import POSTS, SCHEDULED

DAY_BEFORE, DAY_OF = "2026-11-30", "2026-12-01"
TITLES = {"fr": "Préparer l’exercice de crise cyber de 2027", "en": "Preparing the 2027 cyber crisis exercise"}


def seen_in(site, lang: str) -> dict[str, bool]:
    root = site / lang_prefix(lang)
    index_html = (root / "actualites" / "index.html").read_text(encoding="utf-8")
    search = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
    feed = feedparser.parse((root / "actualites" / "feed.xml").read_bytes())
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    return {
        "page": (root / "actualites" / "billets" / f"{SCHEDULED}.html").exists(),
        "list": SCHEDULED in index_html or TITLES[lang] in index_html,
        "search": any(SCHEDULED in d["location"] or TITLES[lang] in d["title"] + d["text"] for d in search["docs"]),
        "feed": any(SCHEDULED in e.link or e.title == TITLES[lang] for e in feed.entries),
        "sitemap": f"{lang_prefix(lang)}actualites/billets/{SCHEDULED}.html" in sitemap,
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_post_dated_tomorrow_is_nowhere_in_the_site(build_site, lang):
    assert seen_in(build_site(DAY_BEFORE), lang) == dict.fromkeys(("page", "list", "search", "feed", "sitemap"), False)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_post_is_everywhere_on_its_day(build_site, lang):
    assert seen_in(build_site(DAY_OF), lang) == dict.fromkeys(("page", "list", "search", "feed", "sitemap"), True)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("today", (DAY_BEFORE, DAY_OF))
def test_feed_lists_the_published_posts_of_its_language(build_site, lang, today):
    site = build_site(today)
    feed = feedparser.parse((site / lang_prefix(lang) / "actualites" / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.language == lang
    expected = published_posts(POSTS, date.fromisoformat(today), lang)
    assert [e.title for e in feed.entries] == [p.meta.title for p in expected]
    assert [e.link for e in feed.entries] == [f"https://cybersante.example.org/{p.url}" for p in expected]
    assert [e.published[:10] for e in feed.entries] == [p.date.isoformat() for p in expected]
    assert feed.feed.updated[:10] == expected[0].date.isoformat()
    assert feed.feed.link == f"https://cybersante.example.org/{lang_prefix(lang)}actualites/index.html"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_news_list_and_post_pages_link_to_existing_pages(build_site, lang):
    site = build_site(DAY_OF)
    root = lang_prefix(lang)
    index = HTMLParser((site / root / "actualites" / "index.html").read_text(encoding="utf-8"))
    listed = [n.attributes["data-post"] for n in index.css("article p.news-meta")]
    assert listed == [p.slug for p in published_posts(POSTS, date(2026, 12, 1), lang)]
    for page in [f"{root}actualites/index.html"] + [f"{root}actualites/billets/{slug}.html" for slug in listed]:
        tree = HTMLParser((site / page).read_text(encoding="utf-8"))
        for node in tree.css("article a[href]"):
            href = node.attributes["href"] or ""
            if href.startswith(("http://", "https://", "#", "mailto:")):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("#")[0]))
            assert (site / target).is_file(), f"{page}: {href}"
    post = HTMLParser((site / root / f"actualites/billets/{SCHEDULED}.html").read_text(encoding="utf-8"))
    assert post.css_first("article h1").text(strip=True).replace("¶", "") == TITLES[lang]
    assert post.css_first("article p.news-meta time").attributes["datetime"] == "2026-12-01"
