"""The shipped posts, and the one the news tests schedule around: the newest, dated 2026-12-01
(tests/site/test_news_site.py builds the site the day before it and on its day; tests/unit/news/test_news.py checks
that no other post is as new)."""

from __future__ import annotations

from conftest import ROOT
from sitekit.news.model import load_authors, load_posts

SCHEDULED = "2026-12-01-preparer-l-exercice-de-crise-2027"
POSTS = load_posts(ROOT / "docs", load_authors(ROOT / "data" / "authors.yml"))
