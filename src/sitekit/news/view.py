"""What readers see of the news: the list of published posts, each post's header, and the Atom feed of a language."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from sitekit.core.dates import format_day
from sitekit.core.today import PARIS
from sitekit.i18n.strings import Strings, lang_prefix
from sitekit.news.model import Author, Post
from sitekit.site.paths import FEED, NEWS_INDEX, link, relative_url
from sitekit.site.templating import TemplateRenderer

ATOM = "http://www.w3.org/2005/Atom"
LATEST = 3  # posts listed by <!-- news-latest --> (the staff home's « En ce moment »)
_CODE_STRINGS = ("news.feed.title", "news.feed.subtitle")


@dataclass(frozen=True)
class PostView:
    post: Post
    title: str
    description: str
    iso: str
    day: str  # '3 novembre 2025'
    authors: tuple[str, ...]  # 'RSSI (Responsable de la sécurité des systèmes d’information)'
    categories: tuple[str, ...]
    href: str


def post_view(post: Post, authors: Mapping[str, Author], page_url: str) -> PostView:
    lang = post.lang
    return PostView(
        post=post,
        title=post.meta.title,
        description=post.meta.description,
        iso=post.date.isoformat(),
        day=format_day(post.date, lang),
        authors=tuple(f"{authors[a].name[lang]} ({authors[a].role[lang]})" for a in post.meta.authors),
        categories=post.meta.categories,
        href=relative_url(post.url, page_url),
    )


class NewsRenderer(TemplateRenderer):
    """Renders the news fragments from the Jinja templates in one folder."""

    string_prefix, code_strings = "news", _CODE_STRINGS

    def __init__(self, templates: Path, strings: Strings, authors: Mapping[str, Author]):
        super().__init__(templates, strings)
        self.authors = authors

    def index(self, published: Sequence[Post], lang: str, page_url: str) -> str:
        """The list for the marker <!-- news-index -->: `published` already filtered and ordered."""
        return self._render(
            "index.md",
            lang,
            views=[post_view(p, self.authors, page_url) for p in published],
            feed_href=link(FEED, lang, page_url),
        )

    def latest(self, published: Sequence[Post], lang: str, page_url: str) -> str:
        """The newest posts for the marker <!-- news-latest -->, with a link to the list (without posts, says so:
        the staff home's « En ce moment » is never an empty section)."""
        return self._render(
            "latest.md",
            lang,
            views=[post_view(p, self.authors, page_url) for p in published[:LATEST]],
            index_href=relative_url(f"{lang_prefix(lang)}{NEWS_INDEX}", page_url),
        )

    def header(self, post: Post, page_url: str) -> str:
        return self._render("post-header.md", post.lang, view=post_view(post, self.authors, page_url))

    def footer(self, post: Post, page_url: str) -> str:
        return self._render(
            "post-footer.md", post.lang, index_href=relative_url(f"{lang_prefix(post.lang)}{NEWS_INDEX}", page_url)
        )


def _moment(day: date) -> str:
    """Midnight in Paris on `day`, as RFC 3339 (what Atom's dates are)."""
    return datetime.combine(day, time(0), PARIS).isoformat()


def atom_feed(
    published: Sequence[Post], lang: str, site_url: str, strings: Strings, authors: Mapping[str, Author], today: date
) -> bytes:
    """The Atom feed of a language's published posts, newest first; the same input gives the same bytes.

    Dates come from the posts, never from the clock: `updated` is the newest post's day (the build
    date only when no post is published yet).
    """
    base = site_url.rstrip("/") + "/"
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            node.text = text
        return node

    index_url = base + lang_prefix(lang) + NEWS_INDEX
    feed_url = base + lang_prefix(lang) + FEED
    sub(feed, "id", feed_url)
    sub(feed, "title", strings.get("news.feed.title", lang))
    sub(feed, "subtitle", strings.get("news.feed.subtitle", lang))
    sub(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    sub(feed, "link", rel="alternate", type="text/html", href=index_url)
    sub(feed, "updated", _moment(max((p.date for p in published), default=today)))
    for post in published:
        entry = sub(feed, "entry")
        url = base + post.url
        sub(entry, "id", url)
        sub(entry, "title", post.meta.title)
        sub(entry, "link", rel="alternate", type="text/html", href=url)
        sub(entry, "published", _moment(post.date))
        sub(entry, "updated", _moment(post.date))
        for author_id in post.meta.authors:
            sub(sub(entry, "author"), "name", authors[author_id].name[lang])
        for category in post.meta.categories:
            sub(entry, "category", term=category)
        sub(entry, "summary", post.meta.description)
    ET.indent(feed)
    xml: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=False)  # typeshed: Any for a named encoding
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + xml + b"\n"
