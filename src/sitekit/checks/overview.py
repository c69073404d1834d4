"""What the validator checked, said first: pages per language, posts published and scheduled (each with its day),
kits, funding calls open and upcoming, on the build date."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sitekit.calls.model import Call, Status, call_status, start_of_day
from sitekit.core.dates import format_day
from sitekit.i18n.messages import catalogue
from sitekit.i18n.strings import DEFAULT_LANGUAGE, LANGUAGES
from sitekit.news.model import Post, is_published
from sitekit.pages.markdown import MarkdownPage


@dataclass(frozen=True)
class ScheduledPost:
    """A post held back until its day: its day, its source (the French one when it has one), its titles."""

    day: date
    path: str
    titles: tuple[tuple[str, str], ...]  # (language, title)

    def title(self, lang: str) -> str:
        titles = dict(self.titles)
        return titles.get(lang) or titles.get(DEFAULT_LANGUAGE) or next(iter(titles.values()))


@dataclass(frozen=True)
class Overview:
    """The counts the validator's text output starts with (`text`), and its JSON (`as_json`)."""

    today: date
    pages: tuple[tuple[str, int], ...]  # (language, pages), in the site's languages' order
    pages_from: str  # the folder counted: the built site (site) or, without --site, the Markdown pages (docs)
    published: int  # posts, a post in two languages counted once
    scheduled: tuple[ScheduledPost, ...]  # by day
    kits: int
    calls_open: int
    calls_upcoming: int
    calls_to_confirm: int  # opened or closing on a day the sources do not give yet

    def text(self, lang: str) -> str:
        pages = dict(self.pages)
        lines = [
            _word("overview.title", lang).format(day=format_day(self.today, lang)),
            _word("overview.pages", lang).format(
                fr=pages.get("fr", 0), en=pages.get("en", 0), folder=f"{self.pages_from}/"
            ),
            _word("overview.posts.listed" if self.scheduled else "overview.posts", lang).format(
                published=_count(self.published, "published", lang),
                scheduled=_count(len(self.scheduled), "scheduled", lang),
            ),
        ]
        lines += [
            _word("overview.scheduled", lang).format(day=format_day(post.day, lang), title=post.title(lang))
            for post in self.scheduled
        ]
        lines.append(_word("overview.kits", lang).format(n=self.kits))
        lines.append(
            _word("overview.calls.to-confirm" if self.calls_to_confirm else "overview.calls", lang).format(
                open=_count(self.calls_open, "open", lang),
                upcoming=_count(self.calls_upcoming, "upcoming", lang),
                to_confirm=_count(self.calls_to_confirm, "to-confirm", lang),
            )
        )
        return "\n".join(lines)

    def as_json(self) -> dict[str, Any]:
        return {
            "pages": dict(self.pages),
            "pages_from": self.pages_from,
            "posts": {
                "published": self.published,
                "scheduled": [
                    {"date": post.day.isoformat(), "path": post.path, "title": dict(post.titles)}
                    for post in self.scheduled
                ],
            },
            "kits": self.kits,
            "calls": {"open": self.calls_open, "upcoming": self.calls_upcoming, "to_confirm": self.calls_to_confirm},
        }


def _word(key: str, lang: str) -> str:
    return catalogue().word(key, lang)


def _count(n: int, word: str, lang: str) -> str:
    """`n` and its word, singular or plural (French: 0 is singular); « aucun programmé » where the catalogue has
    a word for none."""
    if n == 0 and f"count.{word}.none" in catalogue().words:
        return _word(f"count.{word}.none", lang)
    one = n == 1 or (n == 0 and lang == "fr")
    return _word(f"count.{word}.{'one' if one else 'many'}", lang).format(n=n)


def overview(
    today: date,
    pages: Sequence[MarkdownPage],
    posts: Sequence[Post],
    kits: int,
    calls: Iterable[Call],
    site_files: Iterable[str] | None = None,
    site_shown: str = "site",
    docs_shown: str = "docs",
) -> Overview:
    """The counts on `today`: pages of the built site (its .html files) when `site_files` is given, else the
    Markdown pages; posts by their day; calls by their status at the start of `today` in Paris."""
    if site_files is not None:
        names = [name for name in site_files if name.endswith(".html")]
        counted = [_site_language(name) for name in names]
        pages_from = site_shown.rstrip("/")
    else:
        counted = [_page_language(page.relative) for page in pages]
        pages_from = docs_shown
    by_lang = tuple((lang, counted.count(lang)) for lang in LANGUAGES)
    by_slug: dict[str, list[Post]] = {}
    for post in sorted(posts, key=lambda p: _language_order(p.lang)):  # the French version first
        by_slug.setdefault(post.slug, []).append(post)
    scheduled = tuple(
        sorted(
            (
                ScheduledPost(
                    versions[0].date,
                    f"{docs_shown}/{versions[0].src_uri}",
                    tuple((post.lang, post.meta.title) for post in versions),
                )
                for versions in by_slug.values()
                if not is_published(versions[0], today)
            ),
            key=lambda p: (p.day, p.path),
        )
    )
    moment = start_of_day(today)
    statuses = [call_status(call, moment) for call in calls]
    return Overview(
        today=today,
        pages=by_lang,
        pages_from=pages_from,
        published=len(by_slug) - len(scheduled),
        scheduled=scheduled,
        kits=kits,
        calls_open=sum(status.is_open for status in statuses),
        calls_upcoming=sum(status is Status.A_VENIR for status in statuses),
        calls_to_confirm=sum(status is Status.A_CONFIRMER for status in statuses),
    )


def _language_order(lang: str) -> int:
    return LANGUAGES.index(lang) if lang in LANGUAGES else len(LANGUAGES)


def _page_language(relative: str) -> str:
    """`page.en.md` is English; a page without a language suffix is French (the i18n plugin's suffix layout)."""
    stem = relative.rsplit("/", 1)[-1].removesuffix(".md")
    suffix = stem.rsplit(".", 1)[-1] if "." in stem else ""
    return suffix if suffix in LANGUAGES else DEFAULT_LANGUAGE


def _site_language(name: str) -> str:
    """`en/…` is the English build; the rest of the site is French."""
    first = name.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE and "/" in name else DEFAULT_LANGUAGE
