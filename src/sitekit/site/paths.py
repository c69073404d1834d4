"""Where things are published: the site paths of generated pages and exports, and links between them.

Every path is relative to the site root and starts with the language prefix (`""` for French, `"en/"`).
A path written here is written nowhere else: views, exports, hooks and checks ask this module.
"""

from __future__ import annotations

import posixpath
from functools import partial

from sitekit.i18n.strings import lang_prefix

# Folders of generated Markdown pages inside docs/ (git-ignored, written before the build by the hooks).
CALL_PAGES = "appels/fiches"  # docs/appels/fiches/<id>.md and <id>.en.md
KIT_PAGES = "kits/fiches"  # docs/kits/fiches/<id>.md and <id>.en.md
CRITERION_PAGES = "certification/criteres"  # docs/certification/criteres/<id>.md and <id>.en.md
CAMPAIGN_PAGES = "campagnes"  # docs/campagnes/<year>.md beside the hand-written index.md
GENERATED_FOLDERS = (CALL_PAGES, KIT_PAGES, CRITERION_PAGES)  # folders holding only generated pages
# The news posts, written by hand: docs/actualites/billets/<YYYY-MM-DD>-<slug>.md and <YYYY-MM-DD>-<slug>.en.md
POSTS_DIR = "actualites/billets"

CALENDAR_PAGE = "appels/index.html"
CALL_EXPORTS = "appels"  # calls.ics, calls.json and <id>.ics, under each language's root
KIT_CATALOGUE = "kits/index.html"
CRITERIA_CATALOGUE = "certification/index.html"
CAMPAIGN_INDEX = "campagnes/index.html"
# The search index under each language's root, written by sitekit (the search plugin alone writes the French one).
SEARCH_INDEX = "search/search_index.json"
NEWS_INDEX = "actualites/index.html"
FEED = "actualites/feed.xml"  # the news feed, under each language's root
BUILD_STAMP = "sitekit-build.json"  # at the site root: the profile (name, SHA-256) and drafts a site was built with


def relative_url(target: str, page_url: str) -> str:
    """Link from the page at `page_url` to the site file `target` (both relative to the site root)."""
    return posixpath.relpath(target, posixpath.dirname(page_url) or ".")


def absolute_url(path: str, site_url: str) -> str:
    """The public address of a site path (`site_url` empty: the path itself)."""
    return (site_url.rstrip("/") + "/" if site_url else "") + path


def localized(path: str, lang: str) -> str:
    """A site path under the root of a language."""
    return f"{lang_prefix(lang)}{path}"


def link(path: str, lang: str, page_url: str) -> str:
    """Link from the page at `page_url` to the site path `path` of the language `lang`."""
    return relative_url(localized(path, lang), page_url)


def page_path(source: str, lang: str) -> str:
    """The site path of a hand-written page in a language, from its French source under docs/ (pages are
    written as files, use_directory_urls: false): incident.md -> incident.html, en/incident.html."""
    return localized(source.removesuffix(".md") + ".html", lang)


def in_folder(folder: str, name: str | int, lang: str, suffix: str = ".html") -> str:
    """The file `name` + `suffix` of a site folder, under the root of a language."""
    return localized(f"{folder}/{name}{suffix}", lang)


# call_page_path("d2-candidature", "en") == "en/appels/fiches/d2-candidature.html", and so on.
call_page_path = partial(in_folder, CALL_PAGES)
kit_page_path = partial(in_folder, KIT_PAGES)
criterion_page_path = partial(in_folder, CRITERION_PAGES)
campaign_page_path = partial(in_folder, CAMPAIGN_PAGES)
campaign_ics_path = partial(in_folder, CAMPAIGN_PAGES, suffix=".ics")


def call_export_path(name: str, lang: str) -> str:
    return localized(f"{CALL_EXPORTS}/{name}", lang)


def kit_page_url(kit_id: str, lang: str, site_url: str) -> str:
    """Absolute address of a kit's page in a language: what its printed QR codes point to."""
    return absolute_url(kit_page_path(kit_id, lang), site_url)
