"""Where things are published: the site paths of generated pages and exports, and links between them.

Every path is relative to the site root and starts with the language prefix (`""` for French, `"en/"`).
A path written here is written nowhere else: views, exports, hooks and checks ask this module.
"""

from __future__ import annotations

import posixpath

from sitekit.i18n import lang_prefix

# Folders of generated Markdown pages inside docs/ (git-ignored, written before the build by the hooks).
CALL_PAGES = "appels/fiches"  # docs/appels/fiches/<id>.md and <id>.en.md
KIT_PAGES = "kits/fiches"  # docs/kits/fiches/<id>.md and <id>.en.md
CRITERION_PAGES = "certification/criteres"  # docs/certification/criteres/<id>.md and <id>.en.md
CAMPAIGN_PAGES = "campagnes"  # docs/campagnes/<year>.md beside the hand-written index.md
GENERATED_FOLDERS = (CALL_PAGES, KIT_PAGES, CRITERION_PAGES)  # folders holding only generated pages

CALENDAR_PAGE = "appels/index.html"
CALL_EXPORTS = "appels"  # calls.ics, calls.json and <id>.ics, under each language's root
KIT_CATALOGUE = "kits/index.html"
CRITERIA_CATALOGUE = "certification/index.html"
CAMPAIGN_INDEX = "campagnes/index.html"


def relative_url(target: str, page_url: str) -> str:
    """Link from the page at `page_url` to the site file `target` (both relative to the site root)."""
    return posixpath.relpath(target, posixpath.dirname(page_url) or ".")


def absolute_url(path: str, site_url: str) -> str:
    """The public address of a site path (`site_url` empty: the path itself)."""
    return (site_url.rstrip("/") + "/" if site_url else "") + path


def localized(path: str, lang: str) -> str:
    """A site path under the root of a language."""
    return f"{lang_prefix(lang)}{path}"


def call_page_path(call_id: str, lang: str) -> str:
    return localized(f"{CALL_PAGES}/{call_id}.html", lang)


def call_export_path(name: str, lang: str) -> str:
    return localized(f"{CALL_EXPORTS}/{name}", lang)


def kit_page_path(kit_id: str, lang: str) -> str:
    return localized(f"{KIT_PAGES}/{kit_id}.html", lang)


def kit_page_url(kit_id: str, lang: str, site_url: str) -> str:
    """Absolute address of a kit's page in a language: what its printed QR codes point to."""
    return absolute_url(kit_page_path(kit_id, lang), site_url)


def criterion_page_path(criterion_id: str, lang: str) -> str:
    return localized(f"{CRITERION_PAGES}/{criterion_id}.html", lang)


def campaign_page_path(year: int, lang: str) -> str:
    return localized(f"{CAMPAIGN_PAGES}/{year}.html", lang)


def campaign_ics_path(year: int, lang: str) -> str:
    return localized(f"{CAMPAIGN_PAGES}/{year}.ics", lang)
