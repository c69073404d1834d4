"""Page markers: HTML comments such as `<!-- sitemap -->` that ask a feature of the plugin for generated content.

A marker's name starts with the name of the feature that fills it (src/sitekit/mkdocs/features/<feature>.py):
a grep from a page's marker leads to its code. Former French names still work for this release, told once.
"""

from __future__ import annotations

import re

from sitekit.core import renames

# Marker name -> the feature that fills it. None: a marker that is read (by the validator), not replaced.
MARKERS: dict[str, str | None] = {
    "sitemap": "sitemap",
    "calls-calendar": "calls",
    "calls-timeline": "calls",
    "calls-open": "calls",
    "call-page": "calls",
    "history": None,
    "criteria-catalogue": "criteria",
    "criterion-page": "criteria",
    "criteria-checklist": "criteria",
    "news-index": "news",
    "news-latest": "news",
    "campaigns-index": "campaigns",
    "campaign-page": "campaigns",
    "campaign-now": "campaigns",
    "kits-catalogue": "kits",
    "kit-page": "kits",
    "profile-home": "profile",
    "messages": "messages",
}

# Former names (French) -> new names, still read for this release.
RENAMED: dict[str, str] = {
    "plan-du-site": "sitemap",
    "calendrier": "calls-calendar",
    "frise": "calls-timeline",
    "fiche-appel": "call-page",
    "historique": "history",
    "catalogue-criteres": "criteria-catalogue",
    "fiche-critere": "criterion-page",
    "liste-controle-criteres": "criteria-checklist",
    "actualites": "news-index",
    "campagnes": "campaigns-index",
    "campagne": "campaign-page",
    "catalogue-kits": "kits-catalogue",
    "fiche-kit": "kit-page",
    "accueil-etablissement": "profile-home",
}
OLD_PROFILE_PREFIX, PROFILE_PREFIX = "profil:", "profile:"

MARKER = re.compile(r"<!--\s*([a-z][a-z0-9-]*)\s*-->")
_OLD = re.compile(r"<!--(\s*)(" + "|".join(map(re.escape, sorted(RENAMED, key=len, reverse=True))) + r")(\s*)-->")
_OLD_PROFILE = re.compile(r"<!--(\s*)" + re.escape(OLD_PROFILE_PREFIX))


def marker(name: str) -> str:
    if name not in MARKERS:
        raise KeyError(f"unknown marker {name!r}")
    return f"<!-- {name} -->"


def with_new_names(text: str) -> str:
    """`text` with each marker written under a former name written under its new one (each former name told once)."""
    if "<!--" not in text:
        return text

    def new(match: re.Match[str]) -> str:
        name = RENAMED[match.group(2)]
        renames.tell(f"<!-- {match.group(2)} -->", f"<!-- {name} -->")
        return f"<!--{match.group(1)}{name}{match.group(3)}-->"

    def new_profile(match: re.Match[str]) -> str:
        renames.tell(f"<!-- {OLD_PROFILE_PREFIX}… -->", f"<!-- {PROFILE_PREFIX}… -->")
        return f"<!--{match.group(1)}{PROFILE_PREFIX}"

    return _OLD_PROFILE.sub(new_profile, _OLD.sub(new, text))


def leftover_markers(text: str) -> list[str]:
    """Marker names still present after generation: unknown names and generated markers not replaced."""
    return [name for name in MARKER.findall(text) if MARKERS.get(name, "unknown") is not None]
