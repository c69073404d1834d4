"""News: the post model read from front matter (exact problems and lines), publication by date, the Atom feed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import feedparser
import pytest

from conftest import ROOT
from sitekit.core.problems import ProblemsError
from sitekit.i18n.strings import load_strings
from sitekit.news.model import load_authors, load_posts, published_posts
from sitekit.news.view import atom_feed
from sitekit.site.paths import POSTS_DIR
from support.news import POSTS, SCHEDULED

AUTHORS = load_authors(ROOT / "data" / "authors.yml")
STRINGS = load_strings(ROOT / "data" / "strings.yml")
SITE_URL = "https://cybersante.example.org/"

GOOD = """---
title: "Un titre"
description: "Une phrase."
date: {day}
authors: [rssi]
categories: [Cybermois]
---

Texte.
"""


def write_post(docs: Path, name: str, text: str) -> Path:
    path = docs / POSTS_DIR / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(docs: Path) -> list[str]:
    with pytest.raises(ProblemsError) as caught:
        load_posts(docs, AUTHORS)
    return [str(p) for p in caught.value.problems]


def test_posts_are_read_in_both_languages(tmp_path):
    write_post(tmp_path, "2025-10-01-essai.md", GOOD.format(day="2025-10-01"))
    write_post(tmp_path, "2025-10-01-essai.en.md", GOOD.format(day="2025-10-01"))
    posts = load_posts(tmp_path, AUTHORS)
    assert [(p.lang, p.slug, p.url) for p in posts] == [
        ("en", "2025-10-01-essai", "en/actualites/billets/2025-10-01-essai.html"),
        ("fr", "2025-10-01-essai", "actualites/billets/2025-10-01-essai.html"),
    ]


def test_published_posts_are_those_dated_on_or_before_the_build_date_newest_first(tmp_path):
    for day in ("2025-10-01", "2025-10-13", "2025-10-14"):
        write_post(tmp_path, f"{day}-essai.md", GOOD.format(day=day))
    posts = load_posts(tmp_path, AUTHORS)
    assert [p.slug for p in published_posts(posts, date(2025, 10, 13))] == ["2025-10-13-essai", "2025-10-01-essai"]
    assert published_posts(posts, date(2025, 10, 14))[0].slug == "2025-10-14-essai"
    assert published_posts(posts, date(2025, 9, 30)) == []
    assert published_posts(posts, date(2025, 10, 14), "en") == []


def test_missing_description_is_named_with_its_line(tmp_path):
    write_post(tmp_path, "2025-10-01-essai.md", "---\ntitle: Titre\ndate: 2025-10-01\nauthors: [rssi]\n---\n\nTexte.\n")
    assert problems_of(tmp_path) == [
        "docs/actualites/billets/2025-10-01-essai.md:2: description: a post needs a description "
        "(add description: one sentence shown in the news list, the feed and search results)"
    ]


def test_bad_date_unknown_author_and_unknown_key_each_have_their_line(tmp_path):
    text = (
        "---\ntitle: Titre\ndescription: Une phrase.\ndate: 2025-13-01\nauthors: [rssi, inconnu]\ncategorie: [x]\n---\n"
    )
    write_post(tmp_path, "2025-10-01-essai.md", text)
    assert problems_of(tmp_path) == [
        "docs/actualites/billets/2025-10-01-essai.md:4: date: '2025-13-01' is not a date "
        "(write YYYY-MM-DD, e.g. 2025-10-31)",
        "docs/actualites/billets/2025-10-01-essai.md:6: categorie: unknown key "
        "(did you mean categories? known keys: title, description, date, authors, categories, review_by)",
    ]
    write_post(
        tmp_path, "2025-10-01-essai.md", text.replace("2025-13-01", "2025-10-01").replace("categorie: [x]\n", "")
    )
    assert problems_of(tmp_path) == [
        "docs/actualites/billets/2025-10-01-essai.md:5: authors[1]: 'inconnu' is not an author id of "
        "data/authors.yml (use one of equipe-communication, rssi or add the author there)"
    ]


def test_file_name_date_and_translation_date_must_agree(tmp_path):
    write_post(tmp_path, "2025-10-01-essai.md", GOOD.format(day="2025-10-02"))
    write_post(tmp_path, "mon-billet.md", GOOD.format(day="2025-10-02"))
    assert problems_of(tmp_path) == [
        "docs/actualites/billets/2025-10-01-essai.md:4: date: 2025-10-02 is not the date of the file name "
        "(2025-10-01) (give the file name and date: the same day)",
        "docs/actualites/billets/mon-billet.md: file name: a post's file name must be <YYYY-MM-DD>-<slug>.md "
        "(French) or <YYYY-MM-DD>-<slug>.en.md (English) (rename it, e.g. 2025-10-01-cybermois-2025.md, "
        "slug in lower case with hyphens)",
    ]


def test_invalid_front_matter_yaml_gives_the_file_line(tmp_path):
    write_post(tmp_path, "2025-10-01-essai.md", "---\ntitle: Titre\ndescription: [pas fermé\ndate: 2025-10-01\n---\n")
    problems = problems_of(tmp_path)
    assert problems == [
        "docs/actualites/billets/2025-10-01-essai.md:3: « [ » opened on this line is not closed on it (close it with « ] » on the same line)"
    ]


def test_unknown_author_file_entry_is_reported(tmp_path):
    path = tmp_path / "authors.yml"
    path.write_text(
        "Équipe:\n  name: {fr: A, en: B}\n  role: {fr: C, en: D}\nrssi:\n  name: RSSI\n  role: {fr: C, en: D}\n",
        encoding="utf-8",
    )
    with pytest.raises(ProblemsError) as caught:
        load_authors(path, "data/authors.yml")
    assert [str(p) for p in caught.value.problems] == [
        "data/authors.yml:1: Équipe: 'Équipe' is not a valid id (use lower-case letters, digits and hyphens, "
        "e.g. equipe-communication)",
        "data/authors.yml:5: rssi.name: expected one value per language (write fr: and en: on their own lines below it)",
    ]


def test_atom_feed_parses_back_with_titles_links_dates_and_language(tmp_path):
    write_post(
        tmp_path, "2025-10-01-premier.en.md", GOOD.format(day="2025-10-01").replace("Un titre", "First & 'one' <1>")
    )
    write_post(tmp_path, "2025-10-13-second.en.md", GOOD.format(day="2025-10-13").replace("Un titre", "Second"))
    posts = load_posts(tmp_path, AUTHORS)
    data = atom_feed(
        published_posts(posts, date(2025, 10, 13), "en"), "en", SITE_URL, STRINGS, AUTHORS, date(2025, 10, 13)
    )
    feed = feedparser.parse(data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "News — Cybersecurity in healthcare"
    assert feed.feed.language == "en"
    assert feed.feed.updated == "2025-10-13T00:00:00+02:00"
    assert [e.title for e in feed.entries] == ["Second", "First & 'one' <1>"]
    assert [e.link for e in feed.entries] == [
        "https://cybersante.example.org/en/actualites/billets/2025-10-13-second.html",
        "https://cybersante.example.org/en/actualites/billets/2025-10-01-premier.html",
    ]
    assert feed.entries[0].published == "2025-10-13T00:00:00+02:00"
    assert feed.entries[0].author == "RSSI"
    assert [t.term for t in feed.entries[0].tags] == ["Cybermois"]
    # Same input, same bytes (no clock in the feed).
    assert data == atom_feed(
        published_posts(posts, date(2025, 10, 13), "en"), "en", SITE_URL, STRINGS, AUTHORS, date(2025, 10, 13)
    )


def test_a_post_has_no_heading_of_its_own(tmp_path):
    write_post(
        tmp_path, "2025-10-01-essai.md", GOOD.format(day="2025-10-01") + "\n```sh\n# a comment\n```\n\n# Titre\n"
    )
    assert problems_of(tmp_path) == [
        "docs/actualites/billets/2025-10-01-essai.md:15: heading: a post has no # heading of its own "
        "(delete this line: the title: of the front matter is shown as the heading)"
    ]


def test_the_scheduled_post_is_after_every_other_post():
    assert max(p.date for p in POSTS) == date(2026, 12, 1)
    assert [p.slug for p in POSTS if p.date == date(2026, 12, 1)] == [SCHEDULED, SCHEDULED]
