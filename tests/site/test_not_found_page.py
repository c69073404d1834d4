"""The 404 page: the default language's, and its language switcher leads to each language's home page."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser as HTMLParser


def test_404_page_is_french_and_switches_to_each_home(site):
    tree = HTMLParser((site / "404.html").read_text(encoding="utf-8"))
    assert tree.css_first("html").attributes["lang"] == "fr"
    links = {a.attributes["hreflang"]: a.attributes["href"] for a in tree.css("a.md-select__link")}
    assert links == {"fr": "/index.html", "en": "/en/index.html"}
    # Each <link rel=alternate> made Material fetch a sitemap.xml beside it (404 on a server).
    assert tree.css("link[rel=alternate][hreflang]") == []
